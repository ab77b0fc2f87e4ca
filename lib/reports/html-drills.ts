/** The drills part of the HTML report: facts, measurements against targets, charts, decision matrix. Pure. */
import { chartDomain, renderSeriesChart, timelineMarkers } from "./chart-svg";
import {
  ANSWER_LABELS,
  COMPARISON_LABELS,
  formatDate,
  formatMeasure,
  formatNumber,
  formatUtc,
  LAYER_LABELS,
  recoveryText,
  scenarioLabel,
  formatSeconds,
} from "./format";
import { html, type SafeHtml } from "./html-template";
import { dropUnsafeLinks } from "./links";
import type { ReadinessReport, ReportDrill } from "./schema";

const badge = (tone: string, text: string) => html`<span class="badge tone-${tone}">${text}</span>`;
const COMPARISON_TONE = { met: "green", breached: "red", no_target: "slate", not_measured: "slate" } as const;
const DECISION_TONE = { operating_model_holds: "green", recovery_unit_too_large: "red", incomplete: "slate" } as const;

function legend(hasMarkers: boolean): SafeHtml {
  return html`<div class="legend" aria-label="Chart legend">
${hasMarkers ? html`<span><span class="dot" style="background:#dc2626"></span>Fault (numbers match the timeline)</span><span><span class="dot" style="background:#059669"></span>Recovered</span>` : html`<span><span class="swatch" style="border-color:#dc2626;border-top-style:dotted"></span>Drill start</span>`}
<span><span class="swatch" style="border-color:#7c3aed;border-top-style:dashed"></span>Back within threshold and stayed</span>
<span><span class="swatch" style="border-color:#d97706;border-top-style:dashed"></span>SLO threshold</span>
<span><span class="dot" style="background:#fef3c7;border-radius:2px"></span>Fault to recovery</span>
</div>`;
}

function renderCharts(d: ReportDrill): SafeHtml {
  if (d.series.length === 0) return html`<p class="empty">No metrics were imported for this drill.</p>`;
  const faultAtMs = Date.parse(d.faultAt);
  const markers = timelineMarkers(d.timeline);
  const domain = chartDomain(d.series, faultAtMs, markers);
  if (!domain) return html`<p class="empty">The imported metrics hold no points.</p>`;
  return html`<h4>Metrics</h4>${legend(markers.length > 0)}${d.series.map(
    (s) => html`<figure class="chart-box" style="margin:8px 0">
<figcaption class="item-head"><span class="item-title mono">${s.metric}</span>${badge(s.recovery?.status === "recovered" || s.recovery?.status === "never_breached" ? "green" : s.recovery?.status === "never_recovered" ? "red" : "slate", recoveryText(s))}</figcaption>
<div class="meta">${s.sourceName} · ${formatNumber(s.pointCount)} points${s.points.timesMs.length < s.pointCount ? ` (${formatNumber(s.points.timesMs.length)} drawn)` : ""}${s.unit ? ` · ${s.unit}` : ""}${s.peak !== null ? ` · peak ${formatNumber(s.peak)}` : ""}${s.threshold !== null ? ` · SLO ${s.thresholdDirection === "above" ? "≥" : "≤"} ${formatNumber(s.threshold)}, settle ${s.settleSeconds} s` : ""}</div>
${renderSeriesChart(s, { domain, faultAtMs, markers })}
</figure>`,
  )}`;
}

function renderMatrix(d: ReportDrill): SafeHtml {
  const m = d.matrix;
  return html`<div class="keep"><h4>Decision matrix ${badge(DECISION_TONE[m.decision], m.decisionLabel)}</h4>
<table aria-label="Decision matrix of ${d.title}"><thead><tr><th>Question</th><th>Answer</th><th>Rationale and evidence</th><th>Answered</th></tr></thead><tbody>
${m.answers.map((a) => html`<tr data-question="${a.question}"><td>${a.text}</td><td class="answer-${a.answer}">${ANSWER_LABELS[a.answer]}</td><td>${a.rationale || html`<span class="empty">—</span>`}${a.evidence ? html`<div class="muted">Evidence: ${a.evidence}</div>` : ""}</td><td>${a.answeredBy ?? "—"}${a.answeredAt ? html`<div class="muted">${formatUtc(a.answeredAt)}</div>` : ""}</td></tr>`)}
</tbody></table>
${m.reasons.length ? html`<ul class="reasons">${m.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>` : ""}</div>`;
}

/** The items citing the drill: their titles when few, their numbers when many (a 120-item scorecard may cite one drill 40 times). */
function citedBy(keys: string[], items: Map<string, { number: number; title: string }>): string {
  if (keys.length === 0) return "No item (shown because it ran inside the freshness window)";
  const cited = keys.map((k) => items.get(k)).filter((i) => i !== undefined);
  if (cited.length <= 4) return cited.map((i) => `${i.number}. ${i.title}`).join("; ");
  return `${cited.length} items: ${cited.map((i) => i.number).join(", ")}`;
}

function gameDayRoles(roles: ReportDrill["roles"]): string {
  const parts = [
    roles.owner && `owner ${roles.owner}`,
    roles.coordinator && `coordinator ${roles.coordinator}`,
    roles.observers.length && `observers ${roles.observers.join(", ")}`,
  ];
  return parts.filter(Boolean).join(", ") || "Not recorded";
}

function renderDrill(d: ReportDrill, report: ReadinessReport): SafeHtml {
  const itemTitles = new Map(report.sections.flatMap((s) => s.items.map((i) => [i.key, { number: i.number, title: i.title }] as const)));
  const facts: [string, string][] = [
    ["Scenario", scenarioLabel(d.scenario)],
    ["Started", formatUtc(d.startedAt)],
    ["Ended", formatUtc(d.endedAt)],
    ["Traffic", `${d.realisticTraffic ? "Realistic" : "Not realistic"}${d.trafficProfile ? ` — ${d.trafficProfile}` : ""}`],
    ["Rollback decided before", d.rollback.namedBefore ? `Yes — ${d.rollback.point ?? "—"} (owner ${d.rollback.owner ?? "—"})` : "No"],
    ["GameDay roles", gameDayRoles(d.roles)],
    ["Cited by", citedBy(d.usedByItems, itemTitles)],
  ];
  const narrative = (
    [
      ["Hypothesis", d.hypothesis],
      ["Observations", d.observations],
      ["Conclusion", d.conclusion],
    ] as const
  ).filter(([, text]) => text.trim());
  return html`<section class="drill" aria-label="Drill ${d.title}">
<h3>${d.title} ${d.qualifying ? badge("green", "Qualifies for production test") : ""}${d.stale ? badge("amber", "Older than the freshness window") : ""}</h3>
<dl class="facts" style="grid-template-columns:repeat(2,minmax(0,1fr))">${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
${narrative.map(([k, v]) => html`<p><span class="label">${k}:</span> <span class="notes">${dropUnsafeLinks(v, { escape: false })}</span></p>`)}
<div class="keep"><h4>Measurements against targets</h4>
<table aria-label="Measurements of ${d.title}"><thead><tr><th>Measurement</th><th class="num">Measured</th><th class="num">Target</th><th>Result</th></tr></thead><tbody>
${d.measurements.map((m) => html`<tr data-measurement="${m.key}"><td>${m.label}</td><td class="num">${formatMeasure(m.measured, m.unit)}</td><td class="num">${m.target === null ? "—" : `≤ ${formatMeasure(m.target, m.unit)}`}</td><td>${badge(COMPARISON_TONE[m.result], COMPARISON_LABELS[m.result])}</td></tr>`)}
</tbody></table>
${d.disagreements.map((x) => html`<p class="flag" data-disagreement="${x.key}">Typed ${formatSeconds(x.typedSec)}, but the ${x.metric} chart measures ${formatSeconds(x.computedSec)} from ${x.reference}: more than one sample apart (${formatSeconds(x.stepSec)}).</p>`)}</div>
${renderCharts(d)}
${renderMatrix(d)}
${d.timeline.length ? html`<div class="keep"><h4>Timeline</h4><table aria-label="Timeline of ${d.title}"><thead><tr><th>#</th><th>Time</th><th>Layer</th><th>Event</th></tr></thead><tbody>${d.timeline.map((e, i) => html`<tr><td class="num">${i + 1}</td><td>${formatUtc(e.at)}</td><td>${LAYER_LABELS[e.layer]}</td><td>${e.label}${e.marker !== "other" ? html` ${badge(e.marker === "fault" ? "red" : "green", e.marker === "fault" ? "Fault" : "Recovered")}` : ""}</td></tr>`)}</tbody></table></div>` : ""}
${d.followUps.length ? html`<div class="keep"><h4>Follow-up actions</h4><table><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Done</th></tr></thead><tbody>${d.followUps.map((f) => html`<tr><td>${f.action}</td><td>${f.owner}</td><td>${formatDate(f.dueDate)}</td><td>${f.done ? "Yes" : "No"}</td></tr>`)}</tbody></table></div>` : ""}
</section>`;
}

/** Every drill of the report, each starting on a new printed page. */
export function renderDrills(report: ReadinessReport): SafeHtml {
  return html`<h2 class="drills-start">Drills</h2>${
    report.drills.length
      ? report.drills.map((d) => renderDrill(d, report))
      : html`<p class="empty">No drill is cited as evidence and none ran within the last ${report.cluster.freshnessDays} days.</p>`
  }`;
}
