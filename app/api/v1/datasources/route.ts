import { apiRoute } from "@/lib/api/handler";
import { createDataSourceEndpoint, listDataSourcesEndpoint } from "@/lib/api/endpoints/datasources";
import { createDataSource } from "@/lib/prometheus/datasource-mutations";
import { listDataSources, readDataSource } from "@/lib/prometheus/datasource-queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listDataSourcesEndpoint, async ({ user }) => ({ data: await listDataSources(user) }));

export const POST = apiRoute(createDataSourceEndpoint, async ({ user, body }) => {
  // the answer is read inside the write's transaction, so it can never fail after the commit
  const { view } = await createDataSource(user, body, readDataSource);
  return { data: view };
});
