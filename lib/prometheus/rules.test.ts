import { describe, expect, it } from "vitest";
import {
  chooseStep,
  effectiveTemplates,
  escapeLabelValue,
  formatMatchers,
  hasPlaceholder,
  MAX_POINTS_PER_SERIES,
  parseMatchers,
  pointsFor,
  pullWindow,
  QUERY_LIBRARY,
  renderQuery,
} from "./rules";

describe("PromQL templating", () => {
  it("replaces every {…} with the cluster's matchers", () => {
    const m = parseMatchers('cluster="payments-prod", env=~"prod|dr"');
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(renderQuery(QUERY_LIBRARY.consumerLag.template, m.matchers)).toBe(
      'sum by (consumergroup) (kafka_consumergroup_lag{cluster="payments-prod",env=~"prod|dr"})',
    );
    expect(renderQuery("a{…} / b{...}", m.matchers)).toBe('a{cluster="payments-prod",env=~"prod|dr"} / b{cluster="payments-prod",env=~"prod|dr"}');
    expect(renderQuery(QUERY_LIBRARY.recoveryTraffic.template, m.matchers)).toBe(
      'sum(rate(kafka_server_brokertopicmetrics_replicationbytesin_total{cluster="payments-prod",env=~"prod|dr"}[1m]))',
    );
  });

  it("escapes quotes, backslashes and newlines in label values, so a value cannot end the string", () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    const m = parseMatchers('cluster="pay\\"ments", dc=\'eu\\\\1\'');
    expect(m).toEqual({
      ok: true,
      matchers: [
        { label: "cluster", op: "=", value: 'pay"ments' },
        { label: "dc", op: "=", value: "eu\\1" },
      ],
    });
    if (m.ok) expect(formatMatchers(m.matchers)).toBe('cluster="pay\\"ments",dc="eu\\\\1"');
    expect(renderQuery("x{…}", [{ label: "cluster", op: "=", value: '"} or vector(1) #' }])).toBe('x{cluster="\\"} or vector(1) #"}');
  });

  it("accepts braces around the matchers and refuses what is not a matcher", () => {
    expect(parseMatchers('{cluster="a"}').ok).toBe(true);
    expect(parseMatchers("")).toMatchObject({ ok: false, error: expect.stringMatching(/at least one matcher/) });
    expect(parseMatchers("cluster=a")).toMatchObject({ ok: false, error: expect.stringMatching(/expected label="value"/) });
    expect(parseMatchers('cluster="a')).toMatchObject({ ok: false, error: expect.stringMatching(/closing quote/) });
    expect(parseMatchers('cluster="a" env="b"')).toMatchObject({ ok: false, error: expect.stringMatching(/comma after cluster/) });
    expect(parseMatchers('cluster=~".*"')).toMatchObject({ ok: false, error: expect.stringMatching(/every cluster/) });
    expect(parseMatchers('cluster!="a"')).toMatchObject({ ok: false });
  });

  it("uses a cluster's override where given, the library elsewhere", () => {
    const t = effectiveTemplates({ consumerLag: "sum by (group) (kafka_consumer_lag{…})", replicas: "  " });
    expect(t.consumerLag).toBe("sum by (group) (kafka_consumer_lag{…})");
    expect(t.replicas).toBe(QUERY_LIBRARY.replicas.template);
    expect(hasPlaceholder("up{…}")).toBe(true);
    expect(hasPlaceholder("up")).toBe(false);
    for (const q of Object.values(QUERY_LIBRARY)) expect(hasPlaceholder(q.template)).toBe(true);
  });
});

describe("step choice", () => {
  const h = 3_600_000;
  it("uses 5 s when the window allows it", () => {
    expect(chooseStep(0, h)).toBe(5);
    expect(pointsFor(0, h, 5)).toBe(721);
  });

  it("coarsens long windows so no query exceeds 11,000 points", () => {
    for (const span of [15 * h, 16 * h, 24 * h, 7 * 24 * h, 30 * 24 * h + 17_000, 365 * 24 * h]) {
      const step = chooseStep(1_700_000_000_000, 1_700_000_000_000 + span);
      expect(pointsFor(0, span, step)).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
      expect(pointsFor(0, span, step - 1)).toBeGreaterThan(step - 1 >= 5 ? MAX_POINTS_PER_SERIES : 0);
    }
    expect(chooseStep(0, 24 * h)).toBe(8);
  });

  it("keeps the exact boundary: 54,995 s at 5 s are 11,000 points, 55,000 s would be 11,001", () => {
    expect(chooseStep(0, 10_999 * 5000)).toBe(5);
    expect(chooseStep(0, 11_000 * 5000 - 1000)).toBe(5);
    expect(chooseStep(0, 11_000 * 5000)).toBe(6);
  });

  it("refuses an empty window", () => {
    expect(() => chooseStep(5, 5)).toThrow(RangeError);
  });
});

describe("pull window", () => {
  const startedAt = new Date("2026-05-14T10:00:00Z");
  it("runs from the margin before the fault (or start) to the margin after the end", () => {
    const w = pullWindow({ startedAt, endedAt: new Date("2026-05-14T10:30:00Z") }, startedAt.getTime() + 120_000, { beforeSec: 300, afterSec: 600 });
    expect(new Date(w.startMs).toISOString()).toBe("2026-05-14T09:55:00.000Z");
    expect(new Date(w.endMs).toISOString()).toBe("2026-05-14T10:40:00.000Z");
  });
  it("takes an hour after the start when no end is recorded, and a fault before the start", () => {
    const w = pullWindow({ startedAt, endedAt: null }, startedAt.getTime() - 60_000, { beforeSec: 0, afterSec: 0 });
    expect(new Date(w.startMs).toISOString()).toBe("2026-05-14T09:59:00.000Z");
    expect(new Date(w.endMs).toISOString()).toBe("2026-05-14T11:00:00.000Z");
  });
});
