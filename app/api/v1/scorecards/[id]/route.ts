import { apiRoute } from "@/lib/api/handler";
import { getScorecardEndpoint } from "@/lib/api/endpoints/scorecard-detail";
import { toScorecardDetail } from "@/lib/api/scorecard-detail";
import { NotFoundError } from "@/lib/errors";
import { getScorecardReview } from "@/lib/reviews/queries";
import { getScorecardPage } from "@/lib/scorecards/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getScorecardEndpoint, async ({ user, params }) => {
  const now = new Date();
  const [page, review] = await Promise.all([getScorecardPage(user, params.id, now), getScorecardReview(user, params.id, now)]);
  if (!page || !review) throw new NotFoundError("No scorecard has this id.");
  return { data: toScorecardDetail(page, review) };
});
