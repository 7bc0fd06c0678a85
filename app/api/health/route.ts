import { checkHealth } from "@/lib/health";

/**
 * GET /api/health — public, for load balancers and operators (docs/api.md §9 "Health"): 200 with
 * the node, database, replica lag and job queue depth while the primary answers, 503 when it does
 * not. `x-served-by` names the node on every answer so a balancer's turns can be seen.
 */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store", "x-served-by": health.node },
  });
}

// Never prerendered at build time: the answer is the state at the moment of the request.
export const dynamic = "force-dynamic";
