/**
 * The readiness report as GitHub-flavoured Markdown: headings, fact lists and tables that read
 * well as plain text and render on code hosts and wikis. Charts cannot travel in Markdown, so
 * each metric series is a table row with its recovery result and peak. Pure.
 */
import { OUTCOME_LABELS } from "@/lib/domain/constants";
import { ownerRoleLabel, TIMELINE_MARKER_LABELS } from "@/lib/domain/labels";
import {
  ANSWER_LABELS,
  clusterFacts,
  COMPARISON_LABELS,
  DECISION_LABELS,
  formatBytes,
  formatDate,
  formatMeasure,
  formatNumber,
  formatUtc,
  LAYER_LABELS,
  recoveryText,
  scenarioLabel,
  SECTION_STATUS_LABELS,
  SIGN_OFF_STATE_LABELS,
  STATE_LABELS,
  statusLabel,
  formatSeconds,
} from "./format";
import { dropUnsafeLinks, isSafeLinkTarget } from "./links";
import type { ReadinessReport, ReportDrill, ReportItem } from "./schema";

/** Markdown the renderer wrote itself (code spans): table cells keep it as it is. */
class Markup {
  constructor(readonly value: string) {}
}

/**
 * Any value typed by a person, as inline Markdown text: one line, and every character that
 * Markdown or HTML would read as markup (emphasis, links, images, code, raw HTML such as a
 * review role named `<img src=x onerror=…>`) escaped, so it renders exactly as typed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n+/g, " ")
    .replace(/[\\`*_[\]~]/g, (c) => `\\${c}`)
    .replace(/</g, "&lt;");
}

/** A code span around `text`, fenced with more backticks than it contains. */
function code(text: string): Markup {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return new Markup(`${fence}${longest ? " " : ""}${text.replace(/\r?\n+/g, " ")}${longest ? " " : ""}${fence}`);
}

/** Text for a table cell: escaped as inline text, one line, pipes escaped. */
export function cell(text: string | number | null | undefined | Markup): string {
  if (text instanceof Markup) return text.value.replace(/\|/g, "\\|");
  if (text === null || text === undefined || text === "") return "—";
  return escapeMarkdown(String(text)).replace(/\|/g, "\\|").trim() || "—";
}

/** Inline text outside tables. */
const inline = escapeMarkdown;

/** A note (Markdown by design): kept as Markdown, minus raw HTML and links that are not http(s)/mailto. */
function noteMarkdown(text: string): string {
  return dropUnsafeLinks(text).replace(/</g, "&lt;");
}

function table(headers: string[], rows: (string | number | null | Markup)[][]): string {
  const head = `| ${headers.join(" | ")} |`;
  const rule = `| ${headers.map((h) => (h.startsWith(">") ? "---:" : "---")).join(" | ")} |`.replace(/>/g, "");
  return [head.replace(/>/g, ""), rule, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
}

function quote(text: string): string {
  return noteMarkdown(text)
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");
}

function outcomeSection(r: ReadinessReport): string {
  const o = r.outcome;
  const lines = [
    "## Outcome",
    "",
    `**${o.label}** — score ${o.score.toFixed(1)}%, ${o.itemsAssessed} of ${o.itemsTotal} items assessed, ${o.highRisks} high and ${o.mediumRisks} medium risks, ${o.staleEvidenceCount} stale evidence.`,
    "",
  ];
  if (o.reasons.length) {
    lines.push(o.nextOutcome ? `What keeps it from **${OUTCOME_LABELS[o.nextOutcome]}**:` : "Reasons:", "");
    for (const reason of o.reasons) lines.push(`- ${reason.severity === "blocker" ? "**Blocker:**" : "Gap:"} ${inline(reason.text)}`);
  } else {
    lines.push(
      `Every applicable item passed with fresh evidence${o.qualifyingDrill ? `, and drill “${inline(o.qualifyingDrill.title)}” qualifies the cluster` : ""}.`,
    );
  }
  return lines.join("\n");
}

function reviewSection(r: ReadinessReport): string {
  const { signOffs, slots } = r.review;
  const out = ["## Sign-offs", ""];
  out.push(
    slots.length
      ? `Required roles: ${
          slots
            .filter((s) => s.required)
            .map((s) => inline(s.roleLabel))
            .join(", ") || "none"
        }. Sign-off ${r.review.approvedOnCurrentVersion ? "complete" : "pending"} for version ${r.scorecard.version}.`
      : "No review roles are set up for this scorecard.",
    "",
  );
  if (signOffs.length === 0) out.push("No sign-off has been given yet.");
  else {
    out.push(
      table(
        ["Role", "Signer", "Decision", "Signed", ">Version", "Content hash", "Status"],
        signOffs.map((s) => [
          s.roleLabel,
          s.signer,
          `${DECISION_LABELS[s.decision]}${s.comment ? ` — ${s.comment}` : ""}`,
          formatUtc(s.signedAt),
          s.scorecardVersion,
          code(s.contentHash),
          `${SIGN_OFF_STATE_LABELS[s.state]}${s.invalidReason ? ` (${s.invalidReason})` : ""}`,
        ]),
      ),
    );
    const conditions = signOffs.flatMap((s) =>
      s.conditions.map((c) => [
        c.what,
        s.roleLabel,
        c.owner,
        formatDate(c.dueDate),
        c.state === "met" ? `Met ${formatDate(c.metAt)}` : c.state === "lapsed" ? "Lapsed" : "Open",
      ]),
    );
    if (conditions.length) out.push("", "### Conditions", "", table(["Condition", "Set by", "Owner", "Due", "State"], conditions));
  }
  return out.join("\n");
}

function itemBlock(item: ReportItem): string {
  const flags = [
    item.blocking ? "blocking" : "",
    item.exempted ? "waived by an exemption" : "",
    item.staleOnly ? "only stale evidence" : "",
    item.effectiveStatus !== item.status ? `counted as ${statusLabel(item.effectiveStatus).toLowerCase()}` : "",
  ].filter(Boolean);
  const out = [`#### ${item.number}. ${inline(item.title)} — ${statusLabel(item.status)}${flags.length ? ` (${flags.join(", ")})` : ""}`, ""];
  out.push(
    `Owner ${inline(ownerRoleLabel(item.ownerRole))} · weight ${item.weight} · last change ${formatUtc(item.updatedAt)}${item.updatedBy ? ` by ${inline(item.updatedBy)}` : ""}`,
    "",
  );
  if (item.justification) out.push(`Why it does not apply: ${inline(item.justification)}`, "");
  if (item.notes.trim()) out.push(quote(item.notes), "");
  if (item.evidence.length) {
    out.push(
      table(
        ["Kind", "Evidence", "Captured", "Traffic", "Fresh", "SHA-256"],
        item.evidence.map((e) => [
          e.kind === "metric_export" ? "metrics" : e.kind,
          `${e.title}${e.url ? (isSafeLinkTarget(e.url) ? ` (${e.url})` : " (address left out: not a web link)") : ""}${e.file ? ` — ${e.file.filename}, ${formatBytes(e.file.size)}` : ""}${e.body ? ` — ${dropUnsafeLinks(e.body, { escape: false })}` : ""}`,
          `${formatDate(e.capturedAt)}${e.capturedBy ? ` by ${e.capturedBy}` : ""}`,
          e.realisticTraffic ? "realistic" : "—",
          e.stale ? "stale" : "fresh",
          e.file ? code(e.file.sha256) : "—",
        ]),
      ),
      "",
    );
  } else out.push("_No evidence attached._", "");
  for (const x of item.exemptions) {
    const state = x.active ? "Waived" : x.expired ? "Expired" : x.status === "denied" ? "Denied" : "Requested";
    out.push(
      `- Exemption (${state}): ${inline(x.justification)} — requested by ${inline(x.requestedBy ?? "—")}, approver ${inline(x.approver ?? "—")}, expires ${formatDate(x.expiresAt)}${x.decisionComment ? `; “${inline(x.decisionComment)}”` : ""}`,
    );
  }
  if (item.exemptions.length) out.push("");
  return out.join("\n");
}

function drillBlock(d: ReportDrill): string {
  const out = [`### ${inline(d.title)}${d.qualifying ? " (qualifies for production test)" : ""}`, ""];
  out.push(
    `- Scenario: ${scenarioLabel(d.scenario)}`,
    `- Started ${formatUtc(d.startedAt)}, ended ${formatUtc(d.endedAt)}${d.stale ? " — older than the freshness window" : ""}`,
    `- Traffic: ${d.realisticTraffic ? "realistic" : "not realistic"}${d.trafficProfile ? ` — ${inline(d.trafficProfile)}` : ""}`,
    `- Rollback decided before the drill: ${d.rollback.namedBefore ? `yes — ${inline(d.rollback.point ?? "—")} (owner ${inline(d.rollback.owner ?? "—")})` : "no"}`,
    `- Cited by items: ${d.usedByItems.length ? d.usedByItems.map(inline).join(", ") : "none"}`,
    "",
    "#### Measurements against targets",
    "",
    table(
      ["Measurement", ">Measured", ">Target", "Result"],
      d.measurements.map((m) => [
        m.label,
        formatMeasure(m.measured, m.unit),
        m.target === null ? "—" : `≤ ${formatMeasure(m.target, m.unit)}`,
        COMPARISON_LABELS[m.result],
      ]),
    ),
    "",
    ...d.disagreements.map(
      (x) =>
        `> **Check:** typed ${formatSeconds(x.typedSec)}, but the ${inline(x.metric)} chart measures ${formatSeconds(x.computedSec)} from ${inline(x.reference)}: more than one sample apart (${formatSeconds(x.stepSec)}).\n`,
    ),
  );
  if (d.series.length) {
    out.push("#### Metrics", "", `Recovery measured from ${formatUtc(d.faultAt)}.`, "");
    out.push(
      table(
        ["Metric", "Source", ">Points", "Threshold", "Result", ">Peak"],
        d.series.map((s) => [
          code(s.metric),
          s.sourceName,
          formatNumber(s.pointCount),
          s.threshold === null ? "—" : `${s.thresholdDirection === "above" ? "≥" : "≤"} ${formatNumber(s.threshold)}`,
          recoveryText(s),
          formatNumber(s.peak),
        ]),
      ),
      "",
    );
  }
  out.push(`#### Decision matrix: ${inline(d.matrix.decisionLabel)}`, "");
  out.push(
    table(
      ["Question", "Answer", "Rationale", "Evidence", "Answered by"],
      d.matrix.answers.map((a) => [
        a.text,
        ANSWER_LABELS[a.answer],
        a.rationale,
        a.evidence,
        a.answeredBy ? `${a.answeredBy}, ${formatUtc(a.answeredAt)}` : "—",
      ]),
    ),
    "",
  );
  for (const reason of d.matrix.reasons) out.push(`- ${inline(reason)}`);
  out.push("");
  if (d.timeline.length) {
    out.push(
      "#### Timeline",
      "",
      table(
        [">#", "Time", "Layer", "Event"],
        d.timeline.map((e, i) => [
          i + 1,
          formatUtc(e.at),
          LAYER_LABELS[e.layer],
          `${e.label}${e.marker !== "other" ? ` (${TIMELINE_MARKER_LABELS[e.marker] ?? e.marker})` : ""}`,
        ]),
      ),
      "",
    );
  }
  if (d.followUps.length)
    out.push(
      "#### Follow-up actions",
      "",
      table(
        ["Action", "Owner", "Due", "Done"],
        d.followUps.map((f) => [f.action, f.owner, formatDate(f.dueDate), f.done ? "yes" : "no"]),
      ),
      "",
    );
  return out.join("\n");
}

/** The report as Markdown. */
export function renderReportMarkdown(r: ReadinessReport): string {
  const s = r.scorecard;
  const parts = [
    `# Readiness report: ${inline(s.title)}`,
    "",
    `Cluster **${inline(r.cluster.name)}** · ${inline(s.template.name)} (template v${s.template.version}) · ${s.subject === "candidate" ? `candidate platform ${inline(s.candidatePlatform ?? "—")}` : "current platform"}  `,
    `Scorecard version ${s.version} · ${STATE_LABELS[s.state]} · owner ${inline(s.owner ?? "—")} · due ${formatDate(s.dueDate)}  `,
    `Content hash ${code(s.contentHash).value}  `,
    `Generated ${formatUtc(r.generatedAt)} by ${inline(r.generatedBy)}`,
    "",
    outcomeSection(r),
    "",
    "## Cluster",
    "",
    table(["Fact", "Value"], clusterFacts(r.cluster)),
    "",
    reviewSection(r),
    "",
    "## Sections",
    "",
    table(
      ["Section", "Status", ">Passed", ">Applicable", ">Items"],
      r.sections.map((x) => [x.title, SECTION_STATUS_LABELS[x.status], x.passed, x.applicable, x.total]),
    ),
    "",
    "## Items",
    "",
    ...r.sections.flatMap((x) => [`### ${inline(x.title)}`, "", ...x.items.map(itemBlock)]),
    "## Drills",
    "",
    ...(r.drills.length ? r.drills.map(drillBlock) : [`_No drill is cited as evidence and none ran within the last ${r.cluster.freshnessDays} days._`, ""]),
    "---",
    "",
    `_${r.format} · the JSON form of this report validates against /api/reports/schema.json_`,
    "",
  ];
  return parts.join("\n");
}
