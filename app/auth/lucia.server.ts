import { PrismaAdapter } from "@lucia-auth/adapter-prisma";
import { Lucia } from "lucia";
import { prisma } from "~/db.server";
import type { Role } from "~/domain/roles";

const adapter = new PrismaAdapter(prisma.session, prisma.user);

export const lucia = new Lucia(adapter, {
  sessionCookie: {
    name: "rebound_session",
    attributes: {
      // Lucia sets httpOnly and SameSite=Lax itself; Secure only in production.
      secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
    },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    role: attributes.role as Role,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; name: string; role: string };
  }
}
