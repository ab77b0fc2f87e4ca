import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { consumeRateLimit, slidingWindow } from "./mutations";

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

  it("holds the limit across a window boundary: a burst at the end of one window is still counted at the start of the next", async () => {
    const t0 = Date.UTC(2026, 11, 2, 10, 0, 0); // a window start for 60 s windows
    const at = (seconds: number) => new Date(t0 + seconds * 1000);
    for (let i = 0; i < 5; i++) expect((await consumeRateLimit("token:edge", 5, 60, at(59))).allowed).toBe(true);
    // 1 s into the next window: 5 × 59/60 + 1 = 5.9 requests in the last 60 s (fixed windows let it through)
    const refused = await consumeRateLimit("token:edge", 5, 60, at(61));
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    // it counted too (6 in the new window's row would be wrong: 1 there, 5 in the previous)
    const db = await getDb();
    expect((await db.apiRateLimit.findMany({ where: { key: "token:edge" }, orderBy: { windowStart: "asc" } })).map((r) => r.count)).toEqual([5, 1]);
    // the wait it names is when the weighted count with one more request is back within 5
    expect(refused.resetSeconds).toBe(Math.ceil(60 * (1 - 3 / 5) - 1));
    expect((await consumeRateLimit("token:edge", 5, 60, at(60 + 25))).allowed).toBe(true);
  });
});

describe("sliding window arithmetic", () => {
  it("weights the previous window by the part still inside the last window length", () => {
    expect(slidingWindow({ previous: 0, current: 5, elapsed: 10, limit: 5, windowSeconds: 60 })).toEqual({ allowed: true, remaining: 0, wait: 50 });
    expect(slidingWindow({ previous: 6, current: 1, elapsed: 30, limit: 5, windowSeconds: 60 })).toMatchObject({ allowed: true, remaining: 1 });
    expect(slidingWindow({ previous: 6, current: 3, elapsed: 30, limit: 5, windowSeconds: 60 })).toMatchObject({ allowed: false });
  });

  it("names the wait until the next request fits: later in this window, or in the next", () => {
    // 6 + 3 at 30 s: a 4th fits once 6 × (1 − t/60) + 4 ≤ 5, at t = 50 s, 20 s from now
    expect(slidingWindow({ previous: 6, current: 3, elapsed: 30, limit: 5, windowSeconds: 60 }).wait).toBeCloseTo(20);
    // 6 in this window at 1 s, none before: in the next window once 6 × (1 − x/60) + 1 ≤ 5, x = 20 s
    expect(slidingWindow({ previous: 0, current: 6, elapsed: 1, limit: 5, windowSeconds: 60 }).wait).toBeCloseTo(79);
  });
});
