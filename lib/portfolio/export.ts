/**
 * Portfolio export records and their CSV form. Pure.
 *
 * No CSV library is installed (and the task forbids adding one), and writing CSV needs only
 * RFC 4180 quoting, so a small escaper lives here: quote a field when it contains a comma,
 * quote, CR or LF, doubling inner quotes. Text that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab/CR) is prefixed with an apostrophe (OWASP "CSV injection").
 */
import { ARCHITECTURE_SHORT_LABELS, ENVIRONMENT_LABELS, OUTCOME_LABELS, type Architecture, type Environment, type Outcome } from "@/lib/domain/constants";
import { DRILL_RESULT_LABELS, type DrillResult } from "@/lib/readiness/signal-rules";

/** One cluster as the portfolio table and the export see it. */
export interface PortfolioRow {
  id: string;
  name: string;
  environment: Environment;
  architecture: Architecture;
  ownerTeam: string;
  /** the owning team, for the link to its page */
  teamId: string;
  cloud: string;
  region: string;
  tags: string[];
  outcome: Outcome | null;
  score: number | null;
  staleEvidenceCount: number;
  lastDrillAt: string | null;
  lastDrillResult: DrillResult | null;
  openRedAnswers: number;
  pendingSignOffs: number;
  regressedAt: string | null;
  regressionReason: string | null;
  /** the template whose current scorecard holds the readiness (the weakest) */
  heldBackBy: string | null;
  /** each template's current scorecard outcome (drafts included, marked by state) */
  templateOutcomes: { templateKey: string; templateName: string; state: string; outcome: Outcome; assessed?: number }[];
  scorecardCount: number;
}

export interface ExportRecord {
  name: string;
  environment: string;
  architecture: string;
  ownerTeam: string;
  cloud: string;
  region: string;
  tags: string[];
  outcome: Outcome | null;
  outcomeLabel: string;
  score: number | null;
  staleEvidenceCount: number;
  lastDrillAt: string | null;
  lastDrillResult: string | null;
  openRedAnswers: number;
  pendingSignOffs: number;
  scorecards: number;
  regressedAt: string | null;
  regressionReason: string | null;
}

export function toExportRecord(row: PortfolioRow): ExportRecord {
  return {
    name: row.name,
    environment: ENVIRONMENT_LABELS[row.environment],
    architecture: ARCHITECTURE_SHORT_LABELS[row.architecture],
    ownerTeam: row.ownerTeam,
    cloud: row.cloud,
    region: row.region,
    tags: row.tags,
    outcome: row.outcome,
    outcomeLabel: row.outcome ? OUTCOME_LABELS[row.outcome] : "No scorecard yet",
    score: row.score,
    staleEvidenceCount: row.staleEvidenceCount,
    lastDrillAt: row.lastDrillAt,
    lastDrillResult: row.lastDrillResult ? DRILL_RESULT_LABELS[row.lastDrillResult] : null,
    openRedAnswers: row.openRedAnswers,
    pendingSignOffs: row.pendingSignOffs,
    scorecards: row.scorecardCount,
    regressedAt: row.regressedAt,
    regressionReason: row.regressionReason,
  };
}

/** CSV columns in order: header text and how to read the value from a record. */
const CSV_COLUMNS: [string, (r: ExportRecord) => string | number | null][] = [
  ["Cluster", (r) => r.name],
  ["Environment", (r) => r.environment],
  ["Storage", (r) => r.architecture],
  ["Owner team", (r) => r.ownerTeam],
  ["Cloud", (r) => r.cloud],
  ["Region", (r) => r.region],
  ["Tags", (r) => r.tags.join("; ")],
  ["Outcome", (r) => r.outcomeLabel],
  ["Score (%)", (r) => r.score],
  ["Stale evidence", (r) => r.staleEvidenceCount],
  ["Last drill", (r) => r.lastDrillAt],
  ["Last drill result", (r) => r.lastDrillResult],
  ["Open red answers", (r) => r.openRedAnswers],
  ["Pending sign-offs", (r) => r.pendingSignOffs],
  ["Scorecards", (r) => r.scorecards],
  ["Regressed at", (r) => r.regressedAt],
  ["Regression reason", (r) => r.regressionReason],
];

export const CSV_HEADER = CSV_COLUMNS.map(([h]) => h);

/** One CSV field (RFC 4180), with spreadsheet-formula neutralising for text. */
export function escapeCsvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole CSV document, CRLF line endings as RFC 4180 asks. */
export function toCsv(records: ExportRecord[]): string {
  const lines = [CSV_HEADER.map(escapeCsvField).join(",")];
  for (const record of records) lines.push(CSV_COLUMNS.map(([, read]) => escapeCsvField(read(record))).join(","));
  return lines.join("\r\n") + "\r\n";
}
