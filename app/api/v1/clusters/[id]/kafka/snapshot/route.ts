import { apiRoute } from "@/lib/api/handler";
import { takeKafkaSnapshotEndpoint } from "@/lib/api/endpoints/kafka";
import { getCluster } from "@/lib/clusters/queries";
import { NotFoundError } from "@/lib/errors";
import { takeKafkaSnapshot } from "@/lib/kafka/mutations";

export const dynamic = "force-dynamic";

export const POST = apiRoute(takeKafkaSnapshotEndpoint, async ({ user, params }) => {
  if (!(await getCluster(user, params.id))) throw new NotFoundError("No cluster has this id.");
  const { id, sha256, content } = await takeKafkaSnapshot(user, params.id);
  const a = content.analysis;
  return {
    data: {
      id,
      sha256,
      takenAt: content.takenAt,
      brokerCount: a.brokerCount,
      topicCount: a.topicCount,
      partitionCount: a.partitionCount,
      underReplicated: a.underReplicated.length,
      underMinIsr: a.underMinIsr.length,
      offlinePartitions: a.offline.length,
      leadersPerBroker: a.leadersPerBroker,
      leaderSkew: a.leaderSkew,
      zones: a.zones,
      url: `/clusters/${params.id}/kafka/snapshots/${id}`,
    },
  };
});
