import { apiRoute } from "@/lib/api/handler";
import { putMetricsSourceEndpoint } from "@/lib/api/endpoints/datasources";
import { setClusterMetricsSource } from "@/lib/prometheus/datasource-mutations";
import { readClusterMetricsSource } from "@/lib/prometheus/datasource-queries";
import type { Tx } from "@/lib/write/transaction";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The link as the transaction just stored it; thrown inside the transaction, so a miss stores nothing. */
async function readStored(tx: Tx, clusterId: string) {
  const view = await readClusterMetricsSource(tx, clusterId);
  if (!view) throw new NotFoundError("No cluster has this id.");
  return view;
}

export const PUT = apiRoute(putMetricsSourceEndpoint, async ({ user, params, body }) => {
  // the answer is read inside the write's transaction, so it can never fail after the commit
  const { view } = await setClusterMetricsSource(user, params.id, body, readStored);
  return { data: view };
});
