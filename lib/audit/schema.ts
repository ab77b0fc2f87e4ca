/** Filters of the audit log listing (from the admin page's query string). */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalFilter = (max: number, label: string) => z.preprocess(blankToUndefined, boundaryString().trim().max(max, `${label} is too long`).optional());

const day = (label: string) =>
  z.preprocess(
    blankToUndefined,
    boundaryString()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: use the format YYYY-MM-DD`)
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), `${label} is not a real date`)
      .optional(),
  );

export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;

export const auditFilterSchema = z
  .object({
    /** a user id, or "system:<label>" for events without a user */
    actor: optionalFilter(300, "Actor"),
    entityType: optionalFilter(50, "Entity type"),
    action: optionalFilter(50, "Action"),
    cluster: optionalFilter(64, "Cluster"),
    from: day("From"),
    to: day("To"),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1_000_000).optional()).catch(undefined),
    pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().optional()).catch(undefined),
  })
  .transform((f) => ({
    ...f,
    page: f.page ?? 1,
    pageSize: (AUDIT_PAGE_SIZES as readonly number[]).includes(f.pageSize ?? 0) ? (f.pageSize as number) : 50,
  }))
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.to < f.from) ctx.addIssue({ code: "custom", path: ["to"], message: "“To” must be on or after “From”" });
  });

export type AuditFilter = z.output<typeof auditFilterSchema>;

/** Inclusive UTC day range as timestamps ([from 00:00, to 24:00)). */
export function dayRange(filter: Pick<AuditFilter, "from" | "to">): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (filter.from) range.gte = new Date(`${filter.from}T00:00:00.000Z`);
  if (filter.to) range.lt = new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 24 * 60 * 60 * 1000);
  return range;
}
