import { apiRoute } from "@/lib/api/handler";
import { putMetricsSourceEndpoint } from "@/lib/api/endpoints/datasources";
import { setClusterMetricsSource } from "@/lib/prometheus/datasource-mutations";
import { getClusterMetricsSource } from "@/lib/prometheus/datasource-queries";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(putMetricsSourceEndpoint, async ({ user, params, body }) => {
  await setClusterMetricsSource(user, params.id, body);
  const view = await getClusterMetricsSource(user, params.id);
  if (!view) throw new NotFoundError("No cluster has this id.");
  return { data: view };
});
