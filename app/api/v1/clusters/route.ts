import { apiRoute } from "@/lib/api/handler";
import { createClusterEndpoint, listClustersEndpoint } from "@/lib/api/endpoints/clusters";
import { createCluster } from "@/lib/clusters/mutations";
import { listClusters, readCluster } from "@/lib/clusters/queries";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listClustersEndpoint, async ({ user }) => ({ data: await listClusters(user) }));

export const POST = apiRoute(createClusterEndpoint, async ({ user, body }) => {
  // the answer is read inside the write's transaction, so it can never fail after the commit
  const { view } = await createCluster(user, body, readCluster);
  if (!view) throw new NotFoundError("The cluster was deleted right after it was created.");
  return { data: view };
});
