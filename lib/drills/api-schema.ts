/**
 * Drill input of the JSON API: the form's drill fields plus metric series, sent as points or
 * as the text of a CSV / Prometheus export. Built from the form schemas in ./schema.ts, so
 * the API and the forms validate alike.
 */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { optionalTextField, textField } from "@/lib/validation/fields";
import { parseTimestamp } from "./metric-import";
import { checkMetricImport, drillInputSchema, metricImportShape, seriesSettingsShape } from "./schema";

/** Largest metric file sent inline (same as an upload). */
export const METRIC_TEXT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * A metric export sent as text with a new drill (JSON API): the import form's fields plus the
 * file's content, parsed by the same CSV and Prometheus importers as an upload.
 */
export const metricFileInputSchema = z
  .object({
    ...metricImportShape,
    text: boundaryString({ error: "Paste the exported file's content as text" }, { max: METRIC_TEXT_MAX_BYTES, label: "The file" })
      .min(1, "The file is empty")
      .max(METRIC_TEXT_MAX_BYTES, `The file must be at most ${METRIC_TEXT_MAX_BYTES / 1024 / 1024} MB`),
  })
  .superRefine(checkMetricImport);

const pointTime = z.union([z.number(), boundaryString().max(40)]).transform((raw, ctx) => {
  const ms = parseTimestamp(String(raw));
  if (ms === null) {
    ctx.addIssue({ code: "custom", message: "Use an ISO-8601 time or epoch seconds (or milliseconds)" });
    return z.NEVER;
  }
  return ms;
});

/** One metric series sent as points (JSON API): `[[time, value], …]`, times in any order. */
export const metricPointsInputSchema = z.object({
  format: z.literal("points"),
  sourceName: optionalTextField("Source name", 200).transform((s) => s ?? "JSON points"),
  metric: textField("Metric", 200),
  labels: z
    .record(boundaryString().max(100), boundaryString().max(500))
    .optional()
    .transform((l) => l ?? {})
    .refine((l) => Object.keys(l).length <= 20, "At most 20 labels"),
  points: z
    .array(z.tuple([pointTime, z.number({ error: "Each value must be a finite number" })]), { error: "Send points as [[time, value], …]" })
    .min(1, "Send at least one point")
    .max(200_000, "At most 200,000 points per series"),
  ...seriesSettingsShape,
});
export type MetricPointsInput = z.output<typeof metricPointsInputSchema>;

/** A series sent with a new drill: points, or a CSV / Prometheus export as text. */
export const drillSeriesInputSchema = z.discriminatedUnion("format", [metricPointsInputSchema, metricFileInputSchema], {
  error: "Set format to points, csv or prometheus",
});
export type DrillSeriesInput = z.output<typeof drillSeriesInputSchema>;

/** A drill with its measurements and, optionally, metric series, created in one request (JSON API). */
export const drillWithSeriesInputSchema = drillInputSchema.extend({
  series: z
    .array(drillSeriesInputSchema)
    .max(50, "At most 50 series per request")
    .optional()
    .transform((s) => s ?? []),
});
export type DrillWithSeriesInput = z.output<typeof drillWithSeriesInputSchema>;
