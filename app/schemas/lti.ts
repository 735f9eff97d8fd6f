// The LMS registration form (decision 023): what a site administrator copies
// from the LMS's tool registration into Rebound.
import { z } from "zod";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** An https address; plain http only on this machine (a test platform). */
const address = (what: string) =>
  z
    .string({ error: `Give the platform's ${what}.` })
    .trim()
    .min(1, `Give the platform's ${what}.`)
    .max(500, `Keep the ${what} under 500 characters.`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
      } catch {
        return false;
      }
    }, `The ${what} must be a full https:// address, as the LMS shows it.`);

export const ltiPlatformSchema = z.object({
  name: z.string({ error: "Name the LMS, e.g. “Moodle (school)”." }).trim().min(1, "Name the LMS, e.g. “Moodle (school)”.").max(100, "Keep the name under 100 characters."),
  issuer: address("issuer (platform id)"),
  clientId: z.string({ error: "Give the client id the LMS gave Rebound." }).trim().min(1, "Give the client id the LMS gave Rebound.").max(200, "Keep the client id under 200 characters."),
  authUrl: address("authentication request address"),
  tokenUrl: address("access token address"),
  jwksUrl: address("public keyset address"),
  deploymentIds: z
    .string({ error: "Give at least one deployment id (one a line)." })
    .max(2000, "Keep the deployment ids under 2,000 characters.")
    .transform((text) => [...new Set(text.split(/[\r\n]+/).map((line) => line.trim()).filter(Boolean))])
    .refine((ids) => ids.length > 0, "Give at least one deployment id (one a line).")
    .refine((ids) => ids.every((id) => id.length <= 255), "A deployment id is at most 255 characters."),
});

export type LtiPlatformInput = z.infer<typeof ltiPlatformSchema>;
