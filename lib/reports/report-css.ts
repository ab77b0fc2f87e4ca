/**
 * The report's stylesheet, shared by the printable page and the PDF. Everything is scoped
 * under `.report` so it does not leak into the app; print rules set A4 margins, keep items,
 * rows and charts whole across pages, start the drills on a new page, and hide the app's
 * navigation and the report toolbar.
 */
export const REPORT_CSS = `
.report { --ink:#0f172a; --muted:#475569; --faint:#94a3b8; --line:#e2e8f0; --brand:#1f57d1;
  color:var(--ink); font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif;
  font-size:13px; line-height:1.45; max-width:960px; margin:0 auto; background:#fff; padding:32px 36px; }
.report h1 { font-size:24px; line-height:1.2; margin:2px 0 6px; font-weight:650; letter-spacing:-0.01em; }
.report h2 { font-size:17px; margin:28px 0 10px; padding-bottom:4px; border-bottom:2px solid var(--ink); font-weight:650; }
.report h3 { font-size:14px; margin:18px 0 6px; font-weight:650; }
.report h4 { font-size:13px; margin:12px 0 4px; font-weight:600; }
.report p { margin:4px 0; }
.report a { color:var(--brand); text-decoration:none; overflow-wrap:anywhere; }
.report .eyebrow { text-transform:uppercase; letter-spacing:0.08em; font-size:11px; color:var(--muted); font-weight:600; }
.report .meta { color:var(--muted); font-size:12px; }
.report .muted { color:var(--muted); }
.report .mono, .report code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size:11px; }
.report .hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size:10px; word-break:break-all; color:var(--muted); }
.report table { width:100%; border-collapse:collapse; margin:6px 0 10px; font-size:12px; }
.report th { text-align:left; font-weight:600; color:var(--muted); font-size:11px; border-bottom:1px solid #cbd5e1; padding:4px 6px; }
.report td { border-bottom:1px solid var(--line); padding:4px 6px; vertical-align:top; }
.report tr { break-inside:avoid; page-break-inside:avoid; }
.report .nowrap { white-space:nowrap; }
.report .num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
.report .badge { display:inline-block; border-radius:999px; padding:0 7px; font-size:11px; font-weight:600; line-height:18px; white-space:nowrap; border:1px solid transparent; }
.report .tone-green { background:#ecfdf5; color:#047857; border-color:#a7f3d0; }
.report .tone-amber { background:#fffbeb; color:#92400e; border-color:#fde68a; }
.report .tone-red { background:#fef2f2; color:#b91c1c; border-color:#fecaca; }
.report .tone-blue { background:#eef6ff; color:#1a46a8; border-color:#d9eaff; }
.report .tone-slate { background:#f1f5f9; color:#334155; border-color:#e2e8f0; }
.report .outcome { display:grid; grid-template-columns: 1.2fr 2fr; gap:18px; border:1px solid var(--line); border-radius:8px; padding:14px 16px; margin-top:14px; break-inside:avoid; }
.report .outcome-label { font-size:20px; font-weight:700; margin:2px 0 8px; }
.report .outcome-label.tone-green { color:#047857; background:none; border:0; }
.report .outcome-label.tone-amber { color:#b45309; background:none; border:0; }
.report .outcome-label.tone-red { color:#b91c1c; background:none; border:0; }
.report .stats { display:grid; grid-template-columns:repeat(2, minmax(0,1fr)); gap:6px 14px; margin:0; }
.report .stats dt { color:var(--muted); font-size:11px; }
.report .stats dd { margin:0; font-size:15px; font-weight:650; font-variant-numeric:tabular-nums; }
.report ul.reasons { margin:4px 0 0; padding-left:0; list-style:none; }
.report ul.reasons li { margin:2px 0; }
.report .facts { display:grid; grid-template-columns:repeat(4, minmax(0,1fr)); gap:8px 16px; margin:6px 0; }
.report .facts div { min-width:0; }
.report .facts dt { color:var(--muted); font-size:11px; }
.report .facts dd { margin:0; font-weight:550; overflow-wrap:anywhere; }
.report .item { border:1px solid var(--line); border-radius:6px; padding:8px 10px; margin:8px 0; break-inside:avoid; page-break-inside:avoid; }
.report .item-head { display:flex; flex-wrap:wrap; align-items:baseline; gap:6px 8px; }
.report .item-title { font-weight:650; font-size:13px; margin-right:auto; }
.report .notes { white-space:pre-wrap; overflow-wrap:anywhere; margin:4px 0; color:#1e293b; }
.report .flag { margin:6px 0; padding:6px 10px; border-left:3px solid #b45309; background:#fffbeb; color:#78350f; font-size:12px; }
.report .label { color:var(--muted); font-size:11px; font-weight:600; }
.report table.evidence { table-layout:fixed; }
.report .evidence th:nth-child(1) { width:12%; }
.report .evidence th:nth-child(2) { width:52%; }
.report .evidence th:nth-child(3) { width:14%; }
.report .evidence th:nth-child(4), .report .evidence th:nth-child(5) { width:11%; }
.report .evidence td { overflow-wrap:anywhere; }
.report .empty { color:var(--faint); font-style:italic; }
.report .drill { break-before:page; page-break-before:always; }
.report .drills-start + .drill { break-before:auto; page-break-before:auto; }
.report .drills-start { break-before:page; page-break-before:always; }
.report .chart-box { border:1px solid var(--line); border-radius:6px; padding:6px 8px 2px; margin:8px 0; break-inside:avoid; page-break-inside:avoid; }
.report .chart-box .chart { display:block; width:100%; height:auto; }
.report .legend { display:flex; flex-wrap:wrap; gap:4px 14px; font-size:11px; color:var(--muted); margin:4px 0 6px; }
.report .swatch { display:inline-block; width:14px; height:0; vertical-align:middle; margin-right:5px; border-top:2px solid; }
.report .dot { display:inline-block; width:9px; height:9px; border-radius:50%; vertical-align:middle; margin-right:5px; }
.report .answer-green { color:#047857; font-weight:650; }
.report .answer-red { color:#b91c1c; font-weight:650; }
.report .answer-not_assessed, .report .answer-does_not_apply { color:var(--muted); }
.report .keep { break-inside:avoid; page-break-inside:avoid; }
.report footer.report-footer { margin-top:28px; padding-top:8px; border-top:1px solid var(--line); color:var(--muted); font-size:11px; }
@page { size:A4; margin:14mm 12mm 16mm; }
@media print {
  html, body { background:#fff !important; }
  header:has(nav), .report-toolbar, .no-print { display:none !important; }
  main { max-width:none !important; padding:0 !important; margin:0 !important; }
  .report { max-width:none; padding:0; font-size:11.5px; }
  .report h2 { break-after:avoid; page-break-after:avoid; }
  .report h3, .report h4 { break-after:avoid; page-break-after:avoid; }
  .report a { color:inherit; }
}
`;
