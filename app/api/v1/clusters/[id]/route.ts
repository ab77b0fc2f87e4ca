import { apiRoute } from "@/lib/api/handler";
import { getClusterEndpoint } from "@/lib/api/endpoints/clusters";
import { getCluster } from "@/lib/clusters/queries";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getClusterEndpoint, async ({ user, params }) => {
  const cluster = await getCluster(user, params.id);
  if (!cluster) throw new NotFoundError("No cluster has this id.");
  return { data: cluster };
});
