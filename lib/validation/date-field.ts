/**
 * Calendar-day fields ("YYYY-MM-DD" from an <input type="date">, or the same string in
 * JSON). Days are read in UTC so every server agrees on them.
 */
import { z } from "zod";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

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

/** A required calendar day → Date at 00:00 UTC. */
export function dayField(label: string) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .transform((value, ctx) => {
      const date = toDay(value);
      if (!date) {
        ctx.addIssue({ code: "custom", message: `${label} must be a date like 2025-06-30` });
        return z.NEVER;
      }
      return date;
    });
}

/** An optional calendar day (blank or missing → null). */
export function optionalDayField(label: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value || value.trim() === "") return null;
      const date = toDay(value.trim());
      if (!date) {
        ctx.addIssue({ code: "custom", message: `${label} must be a date like 2025-06-30` });
        return z.NEVER;
      }
      return date;
    });
}
