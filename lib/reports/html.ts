/**
 * The readiness report as HTML: one renderer for the printable page (which embeds the body)
 * and the PDF (which prints the whole document in headless Chromium). Self-contained — inline
 * CSS and SVG charts, no scripts, no external requests — and every piece of user text goes
 * through the escaping `html` template. Pure.
 */
import { OUTCOME_LABELS } from "@/lib/domain/constants";
import { ownerRoleLabel } from "@/lib/domain/labels";
import { html, raw, safeHref, type SafeHtml } from "./html-template";
import { renderDrills } from "./html-drills";
import { dropUnsafeLinks } from "./links";
import {
  clusterFacts,
  DECISION_LABELS,
  formatBytes,
  formatDate,
  formatUtc,
  OUTCOME_TONE,
  SECTION_STATUS_LABELS,
  SIGN_OFF_STATE_LABELS,
  STATE_LABELS,
  STATUS_TONE,
  statusLabel,
} from "./format";
import { REPORT_CSS } from "./report-css";
import type { ReadinessReport, ReportEvidence, ReportItem } from "./schema";

const badge = (tone: string, text: string) => html`<span class="badge tone-${tone}">${text}</span>`;
const SECTION_TONE = { passed: "green", attention: "amber", blocked: "red", not_started: "slate" } as const;
const KIND_LABELS = {
  link: "Link",
  note: "Note",
  file: "File",
  drill: "Drill",
  metric_export: "Metrics",
  kafka_snapshot: "Kafka snapshot",
  metric_check: "Check",
} as const;

function renderHeader(r: ReadinessReport): SafeHtml {
  const s = r.scorecard;
  const subject = s.subject === "candidate" ? `Candidate platform: ${s.candidatePlatform ?? "—"}` : "Current platform";
  return html`<div class="eyebrow">Readiness report</div>
<h1>${s.title}</h1>
<p class="meta">Cluster <strong>${r.cluster.name}</strong> · ${s.template.name} (template v${s.template.version}) · ${subject}</p>
<p class="meta">Scorecard version ${s.version} · ${STATE_LABELS[s.state]} · owner ${s.owner ?? "—"} · due ${formatDate(s.dueDate)} · generated ${formatUtc(r.generatedAt)} by ${r.generatedBy}</p>
<p class="meta">Content hash <span class="hash">${s.contentHash}</span></p>`;
}

function renderOutcome(r: ReadinessReport): SafeHtml {
  const o = r.outcome;
  const reasons = o.reasons.length
    ? html`<p class="label">${o.nextOutcome ? `What keeps it from “${OUTCOME_LABELS[o.nextOutcome]}”` : "Reasons"}</p>
<ul class="reasons">${o.reasons.map((reason) => html`<li>${reason.severity === "blocker" ? badge("red", "Blocker") : badge("amber", "Gap")} ${reason.text}</li>`)}</ul>`
    : html`<p>Every applicable item passed with fresh evidence${o.qualifyingDrill ? html`, and drill “${o.qualifyingDrill.title}” qualifies the cluster` : ""}.</p>`;
  return html`<section class="outcome" aria-label="Outcome">
<div>
<div class="eyebrow">Outcome</div>
<div class="outcome-label tone-${OUTCOME_TONE[o.outcome]}" data-testid="report-outcome">${o.label}</div>
<dl class="stats">
<div><dt>Score</dt><dd>${o.score.toFixed(1)}%</dd></div>
<div><dt>Items assessed</dt><dd>${o.itemsAssessed} of ${o.itemsTotal}</dd></div>
<div><dt>High risks</dt><dd>${o.highRisks}</dd></div>
<div><dt>Medium risks</dt><dd>${o.mediumRisks}</dd></div>
<div><dt>Stale evidence</dt><dd>${o.staleEvidenceCount}</dd></div>
<div><dt>Sign-off</dt><dd>${r.review.approvedOnCurrentVersion ? "Complete" : "Pending"}</dd></div>
</dl>
</div>
<div>${reasons}</div>
</section>`;
}

function renderCluster(r: ReadinessReport): SafeHtml {
  return html`<h2>Cluster</h2>
<dl class="facts">${clusterFacts(r.cluster).map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}

function renderReview(r: ReadinessReport): SafeHtml {
  const { slots, signOffs } = r.review;
  const slotList = slots.length
    ? html`<p class="muted">Required roles: ${
        slots
          .filter((s) => s.required)
          .map((s) => s.roleLabel)
          .join(", ") || "none"
      }${
        slots.some((s) => !s.required)
          ? html` · optional: ${slots
              .filter((s) => !s.required)
              .map((s) => s.roleLabel)
              .join(", ")}`
          : ""
      }</p>`
    : html`<p class="empty">No review roles are set up for this scorecard.</p>`;
  const rows = signOffs.length
    ? html`<table aria-label="Sign-offs"><thead><tr><th>Role</th><th>Signer</th><th>Decision</th><th>Signed</th><th class="num">Version</th><th>Content hash</th><th>Status</th></tr></thead><tbody>
${signOffs.map(
  (s) =>
    html`<tr><td>${s.roleLabel}</td><td>${s.signer ?? "—"}</td><td>${DECISION_LABELS[s.decision]}${s.comment ? html`<div class="muted">${s.comment}</div>` : ""}</td><td>${formatUtc(s.signedAt)}</td><td class="num">${s.scorecardVersion}</td><td class="hash">${s.contentHash}</td><td>${badge(s.state === "current" ? "green" : s.state === "outdated" ? "amber" : "red", SIGN_OFF_STATE_LABELS[s.state])}${s.invalidReason ? html`<div class="muted">${s.invalidReason}</div>` : ""}</td></tr>`,
)}
</tbody></table>`
    : html`<p class="empty">No sign-off has been given yet.</p>`;
  const conditions = signOffs.flatMap((s) => s.conditions.map((c) => ({ ...c, role: s.roleLabel })));
  const conditionTable = conditions.length
    ? html`<h3>Conditions</h3><table aria-label="Conditions"><thead><tr><th>Condition</th><th>Set by</th><th>Owner</th><th>Due</th><th>State</th></tr></thead><tbody>
${conditions.map((c) => html`<tr><td>${c.what}</td><td>${c.role}</td><td>${c.owner}</td><td>${formatDate(c.dueDate)}</td><td>${badge(c.state === "met" ? "green" : c.state === "lapsed" ? "red" : "amber", c.state === "met" ? `Met ${formatDate(c.metAt)}` : c.state === "lapsed" ? "Lapsed" : "Open")}</td></tr>`)}
</tbody></table>`
    : "";
  return html`<h2>Sign-offs</h2>${slotList}${rows}${conditionTable}`;
}

function renderSectionSummary(r: ReadinessReport): SafeHtml {
  return html`<h2>Sections</h2><table aria-label="Sections"><thead><tr><th>Section</th><th>Status</th><th class="num">Passed</th><th class="num">Applicable</th><th class="num">Items</th></tr></thead><tbody>
${r.sections.map((s) => html`<tr><td>${s.title}</td><td>${badge(SECTION_TONE[s.status], SECTION_STATUS_LABELS[s.status])}</td><td class="num">${s.passed}</td><td class="num">${s.applicable}</td><td class="num">${s.total}</td></tr>`)}
</tbody></table>`;
}

function evidenceTitle(e: ReportEvidence): SafeHtml {
  const href = safeHref(e.url);
  const title = href ? html`<a href="${href}">${e.title}</a>` : html`${e.title}`;
  const extra = e.file
    ? html`<div class="muted">${e.file.filename} · ${e.file.mimeType} · ${formatBytes(e.file.size)}</div><div class="hash">SHA-256 ${e.file.sha256}</div>`
    : e.url && !href
      ? html`<div class="muted">Address left out: not a web link</div>`
      : e.body
        ? html`<div class="notes">${dropUnsafeLinks(e.body, { escape: false })}</div>`
        : "";
  return html`${title}${extra}`;
}

function renderItem(item: ReportItem): SafeHtml {
  const counted = item.effectiveStatus !== item.status ? html` ${badge("slate", `counted as ${statusLabel(item.effectiveStatus).toLowerCase()}`)}` : "";
  const evidence = item.evidence.length
    ? html`<table class="evidence" aria-label="Evidence of ${item.title}"><thead><tr><th>Kind</th><th>Evidence</th><th>Captured</th><th>Traffic</th><th>Freshness</th></tr></thead><tbody>
${item.evidence.map((e) => html`<tr><td>${KIND_LABELS[e.kind]}</td><td>${evidenceTitle(e)}</td><td><span class="nowrap">${formatDate(e.capturedAt)}</span>${e.capturedBy ? html`<div class="muted">${e.capturedBy}</div>` : ""}</td><td>${e.realisticTraffic ? "Realistic" : "—"}</td><td>${e.stale ? badge("amber", "Stale") : badge("green", "Fresh")}</td></tr>`)}
</tbody></table>`
    : html`<p class="empty">No evidence attached.</p>`;
  const exemptions = item.exemptions.length
    ? html`<p class="label">Exemptions</p><ul class="reasons">${item.exemptions.map(
        (x) =>
          html`<li>${badge(x.active ? "blue" : x.expired ? "amber" : x.status === "denied" ? "red" : "slate", x.active ? "Waived" : x.expired ? "Expired" : x.status === "denied" ? "Denied" : "Requested")} ${x.justification} <span class="muted">— requested by ${x.requestedBy ?? "—"}, approver ${x.approver ?? "—"}, expires ${formatDate(x.expiresAt)}${x.decisionComment ? `; “${x.decisionComment}”` : ""}</span></li>`,
      )}</ul>`
    : "";
  return html`<article class="item" data-item="${item.key}">
<div class="item-head"><span class="item-title">${item.number}. ${item.title}</span>${item.blocking ? badge("red", "Blocking") : ""}${item.exempted ? badge("blue", "Waived") : ""}${item.staleOnly ? badge("amber", "Only stale evidence") : ""}${badge(STATUS_TONE[item.status], statusLabel(item.status))}${counted}</div>
<p class="meta">Owner ${ownerRoleLabel(item.ownerRole)} · weight ${item.weight} · last change ${formatUtc(item.updatedAt)}${item.updatedBy ? ` by ${item.updatedBy}` : ""}</p>
${item.justification ? html`<p><span class="label">Why it does not apply:</span> ${item.justification}</p>` : ""}
${item.notes ? html`<div class="notes">${dropUnsafeLinks(item.notes, { escape: false })}</div>` : ""}
${evidence}${exemptions}
</article>`;
}

function renderItems(r: ReadinessReport): SafeHtml {
  return html`<h2>Items</h2>${r.sections.map((s) => html`<h3>${s.title} <span class="muted">(${s.passed} of ${s.applicable} applicable passed)</span></h3>${s.items.map(renderItem)}`)}`;
}

/** The report body (inside `.report`), without the surrounding document. */
export function renderReportBody(r: ReadinessReport): SafeHtml {
  return html`<div class="report" data-report-format="${r.format}">
${renderHeader(r)}${renderOutcome(r)}${renderCluster(r)}${renderReview(r)}${renderSectionSummary(r)}${renderItems(r)}${renderDrills(r)}
<footer class="report-footer">${r.format} · generated ${formatUtc(r.generatedAt)} · the JSON form of this report validates against /api/reports/schema.json</footer>
</div>`;
}

/** A complete, self-contained HTML document of the report (what the PDF prints). */
export function renderReportDocument(r: ReadinessReport): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${r.scorecard.title} — readiness report</title><style>${raw(REPORT_CSS)} body{margin:0;background:#fff}</style></head><body>${renderReportBody(r)}</body></html>`
    .value;
}
