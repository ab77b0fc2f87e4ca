import { apiRoute } from "@/lib/api/handler";
import { deleteDataSourceEndpoint, updateDataSourceEndpoint } from "@/lib/api/endpoints/datasources";
import { deleteDataSource, updateDataSource } from "@/lib/prometheus/datasource-mutations";
import { readDataSource } from "@/lib/prometheus/datasource-queries";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(updateDataSourceEndpoint, async ({ user, params, body }) => {
  // the answer is read inside the write's transaction, so it can never fail after the commit
  const { view } = await updateDataSource(user, params.id, body, readDataSource);
  return { data: view };
});

export const DELETE = apiRoute(deleteDataSourceEndpoint, async ({ user, params }) => {
  await deleteDataSource(user, params.id);
  return { data: { id: params.id } };
});
