import { apiRoute } from "@/lib/api/handler";
import { deleteDataSourceEndpoint, updateDataSourceEndpoint } from "@/lib/api/endpoints/datasources";
import { deleteDataSource, updateDataSource } from "@/lib/prometheus/datasource-mutations";
import { getDataSource } from "@/lib/prometheus/datasource-queries";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(updateDataSourceEndpoint, async ({ user, params, body }) => {
  await updateDataSource(user, params.id, body);
  return { data: await getDataSource(user, params.id) };
});

export const DELETE = apiRoute(deleteDataSourceEndpoint, async ({ user, params }) => {
  await deleteDataSource(user, params.id);
  return { data: { id: params.id } };
});
