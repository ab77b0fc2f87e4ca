import { apiRoute } from "@/lib/api/handler";
import { getDrillEndpoint } from "@/lib/api/endpoints/datasources";
import { getDrillEvidence } from "@/lib/prometheus/pull-queries";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getDrillEndpoint, async ({ user, params }) => {
  const drill = await getDrillEvidence(user, params.id);
  if (!drill) throw new NotFoundError("No drill has this id.");
  return { data: drill };
});
