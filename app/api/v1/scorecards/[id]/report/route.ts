import { apiRoute } from "@/lib/api/handler";
import { getScorecardReportEndpoint } from "@/lib/api/endpoints/reports";
import { NotFoundError } from "@/lib/errors";
import { getReadinessReport } from "@/lib/reports/queries";
import { reportDownloadResponse } from "@/lib/reports/response";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getScorecardReportEndpoint, async ({ user, params, query }) => {
  if (query.format === "junit") return reportDownloadResponse(user, params.id, "junit");
  const report = await getReadinessReport(user, params.id);
  if (!report) throw new NotFoundError("No scorecard has this id.");
  return { data: report };
});
