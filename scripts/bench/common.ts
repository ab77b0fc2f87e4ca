/** What the benchmark scripts share: a synthetic template of any size, and sample statistics. */
import type { TemplateDocument } from "@/lib/templates/schema";

/** A template of `sections` × `perSection` items with the built-in templates' mix of roles and kinds. */
export function syntheticTemplate(
  key: string,
  sections: number,
  perSection: number,
  words: { name: string; section: (s: number) => string; item: (n: number) => string; kinds: (n: number) => string[] },
): TemplateDocument {
  return {
    format: "drillbook.template/v1",
    key,
    name: words.name,
    description: "Synthetic template for a benchmark.",
    sections: Array.from({ length: sections }, (_, s) => ({
      key: `section-${s + 1}`,
      title: words.section(s + 1),
      description: "Benchmark section.",
      items: Array.from({ length: perSection }, (_, i) => {
        const n = s * perSection + i;
        return {
          key: `item-${n + 1}`,
          title: words.item(n + 1),
          evidenceToCollect: "Numbers from the drill and the dashboards behind them.",
          whyItMatters: "Recovery is only proven when it has been measured.",
          blocking: n < 2,
          weight: 1 + (n % 3),
          evidenceKinds: words.kinds(n),
          defaultOwnerRole: "sre",
          role: n === 0 ? ("failure_drill" as const) : n === 1 ? ("rollback" as const) : null,
        };
      }),
    })),
  } as TemplateDocument;
}

/** Median and 95th percentile (nearest rank) of timing samples. */
export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { runs: sorted.length, median: at(0.5), p95: at(0.95) };
}

/** One row of `npm run bench`'s summary: a measure with its goal (null: reported, no goal). */
export interface GoalRow {
  measure: string;
  value: number;
  unit: "ms" | "MB" | "×" | "%" | "pages";
  goal: number | null;
}

/**
 * Prints a summary row as one `BENCH_ROW <json>` line: scripts/bench.ts collects them from every
 * benchmark into the summary table and bench/results/<date>.json. Lower is better for every row.
 */
export function goalRow(row: GoalRow): void {
  console.log(`BENCH_ROW ${JSON.stringify({ ...row, value: Math.round(row.value * 1000) / 1000 })}`);
}
