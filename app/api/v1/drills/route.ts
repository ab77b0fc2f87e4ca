import { apiRoute } from "@/lib/api/handler";
import { createDrillEndpoint } from "@/lib/api/endpoints/drills";
import { getDrillSummary } from "@/lib/api/queries";
import { createDrillWithSeries } from "@/lib/drills/mutations";

export const dynamic = "force-dynamic";

export const POST = apiRoute(createDrillEndpoint, async ({ user, body }) => {
  const { id } = await createDrillWithSeries(user, body);
  return { data: await getDrillSummary(user, id) };
});
