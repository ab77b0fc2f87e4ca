import { apiRoute } from "@/lib/api/handler";
import { createClusterEndpoint, listClustersEndpoint } from "@/lib/api/endpoints/clusters";
import { createCluster } from "@/lib/clusters/mutations";
import { getCluster, listClusters } from "@/lib/clusters/queries";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listClustersEndpoint, async ({ user }) => ({ data: await listClusters(user) }));

export const POST = apiRoute(createClusterEndpoint, async ({ user, body }) => {
  const { id } = await createCluster(user, body);
  const cluster = await getCluster(user, id);
  if (!cluster) throw new NotFoundError("The cluster was deleted right after it was created.");
  return { data: cluster };
});
