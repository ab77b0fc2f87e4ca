import { apiRoute } from "@/lib/api/handler";
import { createDrillEndpoint } from "@/lib/api/endpoints/drills";
import { readDrillSummary } from "@/lib/api/queries";
import { createDrillWithSeries } from "@/lib/drills/mutations";

export const dynamic = "force-dynamic";

export const POST = apiRoute(createDrillEndpoint, async ({ user, body }) => {
  // the answer is read inside the write's transaction, so it can never fail after the commit
  const { view } = await createDrillWithSeries(user, body, readDrillSummary);
  return { data: view };
});
