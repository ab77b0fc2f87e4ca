import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { renderReportBody } from "@/lib/reports/html";
import { getReadinessReport } from "@/lib/reports/queries";
import { REPORT_CSS } from "@/lib/reports/report-css";
import { PrintButton } from "@/components/reports/print-button";
import { ReportDownloads } from "@/components/reports/report-downloads";

export const metadata: Metadata = { title: "Readiness report" };
export const dynamic = "force-dynamic";

/**
 * The printable readiness report. The body is the same server-rendered HTML the PDF prints
 * (lib/reports/html.ts escapes every piece of user text), so the page and the PDF never differ.
 */
export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("report:read");
  const { id } = await params;
  const report = await getReadinessReport(user, id);
  if (!report) notFound();
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      <div className="report-toolbar mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href={`/scorecards/${id}`} className="hover:text-slate-800">
            ← Back to the scorecard
          </Link>
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          <ReportDownloads scorecardId={id} />
          <PrintButton />
        </div>
      </div>
      <div
        className="overflow-hidden rounded-lg shadow-xs ring-1 ring-slate-200 print:rounded-none print:shadow-none print:ring-0"
        dangerouslySetInnerHTML={{ __html: renderReportBody(report).value }}
      />
    </>
  );
}
