import { apiRoute } from "@/lib/api/handler";
import { testKafkaConnectionEndpoint } from "@/lib/api/endpoints/kafka";
import { getCluster } from "@/lib/clusters/queries";
import { NotFoundError } from "@/lib/errors";
import { testKafkaConnection } from "@/lib/kafka/mutations";

export const dynamic = "force-dynamic";

export const POST = apiRoute(testKafkaConnectionEndpoint, async ({ user, params }) => {
  if (!(await getCluster(user, params.id))) throw new NotFoundError("No cluster has this id.");
  return { data: await testKafkaConnection(user, params.id) };
});
