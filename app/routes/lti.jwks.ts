// Rebound's public keys (decision 023): platforms verify what Rebound signs
// (deep-linking responses, service token requests) against these.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toolJwks } from "~/models/lti/keys.server";

export async function loader(_args: LoaderFunctionArgs) {
  return new Response(JSON.stringify(await toolJwks()), {
    headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" },
  });
}
