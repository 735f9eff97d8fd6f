// Lucia makes the session ids and reads and writes the session cookie. What a
// session may do (how long it lives, when it is refused, when the cookie is
// Secure) is Rebound's own, in app/auth/session.server.ts (decision 002).
import { PrismaAdapter } from "@lucia-auth/adapter-prisma";
import { Lucia, TimeSpan } from "lucia";
import { prisma } from "~/db.server";
import { DEFAULT_MAX_HOURS } from "~/domain/session-policy";

const adapter = new PrismaAdapter(prisma.session, prisma.user);

export const lucia = new Lucia(adapter, {
  // The cookie's own lifetime; session.server.ts sets each cookie's Max-Age and Secure for its request.
  sessionExpiresIn: new TimeSpan(DEFAULT_MAX_HOURS, "h"),
  sessionCookie: {
    name: "rebound_session",
    // Lucia sets HttpOnly and SameSite=Lax itself.
    attributes: { secure: false },
  },
});
