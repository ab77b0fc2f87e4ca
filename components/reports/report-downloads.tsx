import Link from "next/link";

const FORMATS = [
  { format: "pdf", label: "PDF", title: "Download the readiness report as PDF (with charts)" },
  { format: "md", label: "Markdown", title: "Download the readiness report as Markdown" },
  { format: "json", label: "JSON", title: "Download the readiness report as JSON (validates against the published schema)" },
] as const;

const item = "inline-flex items-center gap-1.5 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:relative";

function DownloadIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4 text-slate-500">
      <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
      <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
    </svg>
  );
}

/**
 * The readiness report's downloads as one segmented control: optionally a link to the printable
 * page, then PDF, Markdown and JSON (plain links: the browser shows the download's progress).
 */
export function ReportDownloads({ scorecardId, showView = false }: { scorecardId: string; showView?: boolean }) {
  const href = (format: string) => `/api/scorecards/${scorecardId}/report?format=${format}`;
  return (
    <div
      role="group"
      aria-label="Readiness report"
      className="inline-flex max-w-full flex-wrap divide-x divide-slate-200 overflow-hidden rounded-md bg-white shadow-xs ring-1 ring-inset ring-slate-300"
    >
      {showView ? (
        <Link href={`/scorecards/${scorecardId}/report`} className={item}>
          Report
        </Link>
      ) : null}
      {FORMATS.map((f) => (
        <a key={f.format} href={href(f.format)} download className={item} title={f.title} aria-label={f.title}>
          <DownloadIcon /> {f.label}
        </a>
      ))}
    </div>
  );
}
