import { apiRoute } from "@/lib/api/handler";
import { pullMetricsEndpoint } from "@/lib/api/endpoints/datasources";
import { pullDrillMetrics } from "@/lib/prometheus/pull-mutations";

export const dynamic = "force-dynamic";

export const POST = apiRoute(pullMetricsEndpoint, async ({ user, params }) => ({ data: await pullDrillMetrics(user, params.id) }));
