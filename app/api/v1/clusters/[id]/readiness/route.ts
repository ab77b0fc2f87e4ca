import { apiRoute } from "@/lib/api/handler";
import { readinessGateEndpoint } from "@/lib/api/endpoints/readiness";
import { readinessGate } from "@/lib/readiness/gate";

export const dynamic = "force-dynamic";

export const GET = apiRoute(readinessGateEndpoint, async ({ user, params, query }) => ({ data: await readinessGate(user, params.id, query) }));
