import { describe, expect, it } from "vitest";
import { CSV_HEADER, escapeCsvField, toCsv, toExportRecord, type PortfolioRow } from "./export";

/** A strict RFC 4180 reader, written independently of the writer, to check round trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

const row: PortfolioRow = {
  id: "c1",
  name: "orders-prod",
  environment: "production",
  architecture: "apache_kafka",
  ownerTeam: 'Team "Core", EU',
  teamId: "t1",
  cloud: "aws",
  region: "eu-west-1",
  tags: ["tier-1", "pci"],
  outcome: "limited_workload",
  score: 62.5,
  staleEvidenceCount: 3,
  lastDrillAt: "2026-05-01T10:00:00.000Z",
  lastDrillResult: "recovery_unit_too_large",
  openRedAnswers: 2,
  pendingSignOffs: 1,
  regressedAt: null,
  regressionReason: "line one\nline two",
  heldBackBy: "Broker failure recovery",
  templateOutcomes: [{ templateKey: "broker-failure-recovery", templateName: "Broker failure recovery", state: "in_review", outcome: "limited_workload" }],
  scorecardCount: 2,
};

describe("CSV export", () => {
  it("escapes quotes, commas and newlines (RFC 4180)", () => {
    expect(escapeCsvField("plain")).toBe("plain");
    expect(escapeCsvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(escapeCsvField("a\nb")).toBe('"a\nb"');
    expect(escapeCsvField(null)).toBe("");
    expect(escapeCsvField(12.5)).toBe("12.5");
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(escapeCsvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(escapeCsvField("+1")).toBe("'+1");
    expect(escapeCsvField("@cmd")).toBe("'@cmd");
    expect(escapeCsvField(-3)).toBe("-3");
  });

  it("round-trips through a CSV reader with the columns the portfolio promises", () => {
    const parsed = parseCsv(toCsv([toExportRecord(row)]));
    expect(parsed[0]).toEqual(CSV_HEADER);
    const record = Object.fromEntries(parsed[0].map((h, i) => [h, parsed[1][i]]));
    expect(record).toMatchObject({
      Cluster: "orders-prod",
      Environment: "Production",
      Storage: "Broker-local",
      "Owner team": 'Team "Core", EU',
      Tags: "tier-1; pci",
      Outcome: "Ready for limited workload",
      "Score (%)": "62.5",
      "Stale evidence": "3",
      "Last drill": "2026-05-01T10:00:00.000Z",
      "Last drill result": "Red",
      "Open red answers": "2",
      "Pending sign-offs": "1",
      "Regression reason": "line one\nline two",
    });
    expect(parsed).toHaveLength(2);
  });
});
