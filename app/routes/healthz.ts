// GET /healthz for load balancers and monitoring: 200 {"status":"ok"} when the
// database answers, else 503 with what is wrong. A resource route: no session is
// read or made, no rate limit applies, and nothing is cached.
import { checkDatabaseHealth } from "~/models/health.server";

export async function loader() {
  const health = await checkDatabaseHealth();
  if (health.ok) return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  return Response.json(
    { status: health.status, message: health.message },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "30" } },
  );
}
