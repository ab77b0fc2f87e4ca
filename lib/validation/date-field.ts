/**
 * Calendar-day fields ("YYYY-MM-DD" from an <input type="date">, or the same string in
 * JSON). Days are read in UTC so every server agrees on them.
 */
import { z } from "zod";
import { boundaryString } from "./text";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * The days Drillbook accepts. PostgreSQL has no year 0 (`0000-01-01` would fail the insert)
 * and nothing in a readiness review happened before the Unix epoch or lies past 9999.
 */
export const FIRST_DAY = "1970-01-01";
export const LAST_DAY = "9999-12-31";

function toDay(value: string): Date | null {
  if (!DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  // rejects 2025-02-30, which Date would roll over to March
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

/** Today's date at 00:00 UTC. */
export function startOfUtcDay(now = new Date()): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

/** The last millisecond of the given UTC day: an expiry "on" a day lasts the whole day. */
export function endOfUtcDay(day: Date): Date {
  return new Date(startOfUtcDay(day).getTime() + DAY_MS - 1);
}

/** The message for `value`, or null when it is a day in the accepted range. */
function dayProblem(label: string, value: string): string | null {
  if (!toDay(value)) return `${label} must be a date like 2025-06-30`;
  // YYYY-MM-DD strings compare in calendar order
  if (value < FIRST_DAY || value > LAST_DAY) return `${label} must be between ${FIRST_DAY} and ${LAST_DAY}`;
  return null;
}

/** A required calendar day → Date at 00:00 UTC. */
export function dayField(label: string) {
  return boundaryString({ error: `${label} is required` }, { max: 100 })
    .trim()
    .min(1, `${label} is required`)
    .transform((value, ctx) => {
      const problem = dayProblem(label, value);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return toDay(value) as Date;
    });
}

/** An optional calendar day (blank or missing → null). */
export function optionalDayField(label: string) {
  return boundaryString(undefined, { max: 100 })
    .optional()
    .transform((value, ctx) => {
      if (!value || value.trim() === "") return null;
      const problem = dayProblem(label, value.trim());
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return toDay(value.trim()) as Date;
    });
}
