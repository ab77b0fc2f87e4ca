/**
 * The download answer of a readiness report (PDF, Markdown, JSON or JUnit XML) for a user. Kept out of the
 * route file so integration tests call it with a user directly.
 */
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/http/attachment";
import { REPORT_EXTENSIONS, reportFilename } from "./format";
import { renderReportDocument } from "./html";
import { renderReportJunit } from "./junit";
import { renderReportMarkdown } from "./markdown";
import { renderPdf } from "./pdf";
import { getReadinessReport } from "./queries";
import type { ReportFormat } from "./schema";

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  junit: "application/xml; charset=utf-8",
};

/** Builds the report of `scorecardId` in `format` as an attachment (404 when there is no such scorecard). */
export async function reportDownloadResponse(user: CurrentUser, scorecardId: string, format: ReportFormat, now = new Date()): Promise<Response> {
  const report = await getReadinessReport(user, scorecardId, now);
  if (!report) throw new NotFoundError("This scorecard does not exist or was deleted.");
  let body: Buffer | string;
  if (format === "json") body = `${JSON.stringify(report, null, 2)}\n`;
  else if (format === "md") body = renderReportMarkdown(report);
  else if (format === "junit") body = renderReportJunit(report);
  else {
    const footer = `${report.cluster.name} · ${report.scorecard.title} · version ${report.scorecard.version} · ${report.outcome.label}`;
    body = await renderPdf(renderReportDocument(report), { footer });
  }
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": attachmentDisposition(reportFilename(report, REPORT_EXTENSIONS[format])),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
