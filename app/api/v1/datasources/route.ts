import { apiRoute } from "@/lib/api/handler";
import { createDataSourceEndpoint, listDataSourcesEndpoint } from "@/lib/api/endpoints/datasources";
import { createDataSource } from "@/lib/prometheus/datasource-mutations";
import { getDataSource, listDataSources } from "@/lib/prometheus/datasource-queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listDataSourcesEndpoint, async ({ user }) => ({ data: await listDataSources(user) }));

export const POST = apiRoute(createDataSourceEndpoint, async ({ user, body }) => {
  const { id } = await createDataSource(user, body);
  return { data: await getDataSource(user, id) };
});
