import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { consumeRateLimit } from "./mutations";

describe("API rate limit counter", () => {
  it("allows exactly the limit under concurrent requests (one shared counter)", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => consumeRateLimit("token:race", 5, 3600)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(Math.min(...results.map((r) => r.remaining))).toBe(0);
    for (const r of results) expect(r.resetSeconds).toBeGreaterThanOrEqual(1);
    const db = await getDb();
    expect(await db.apiRateLimit.count({ where: { key: "token:race" } })).toBe(1);
  });

  it("starts a new window with a fresh budget and drops the caller's old windows", async () => {
    const db = await getDb();
    await db.apiRateLimit.create({ data: { key: "token:old", windowStart: new Date("2020-01-01T00:00:00Z"), count: 999 } });
    await db.apiRateLimit.create({ data: { key: "token:other", windowStart: new Date("2020-01-01T00:00:00Z"), count: 999 } });
    const r = await consumeRateLimit("token:old", 3, 60);
    expect(r).toMatchObject({ allowed: true, remaining: 2, limit: 3 });
    expect(r.resetSeconds).toBeLessThanOrEqual(60);
    const rows = await db.apiRateLimit.findMany({ orderBy: { key: "asc" } });
    expect(rows.map((row) => [row.key, row.count])).toEqual([
      ["token:old", 1],
      ["token:other", 999],
    ]);
  });
});
