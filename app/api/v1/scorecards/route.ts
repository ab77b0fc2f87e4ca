import { apiRoute } from "@/lib/api/handler";
import { listScorecardsEndpoint } from "@/lib/api/endpoints/scorecards";
import { listScorecardSummaries } from "@/lib/api/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listScorecardsEndpoint, async ({ user, query }) => listScorecardSummaries(user, query));
