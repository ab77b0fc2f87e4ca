import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DateTime, type DateTimeFormat } from "./date-time";

const render = (value: Date | string, format: DateTimeFormat) => renderToStaticMarkup(createElement(DateTime, { value, format }));

describe("DateTime", () => {
  it("is a <time> with the ISO moment and the text of lib/format/dates", () => {
    const at = "2026-12-02T07:07:07.000Z";
    expect(render(at, "day")).toBe(`<time dateTime="${at}">2026-12-02</time>`);
    expect(render(new Date(at), "minutes")).toBe(`<time dateTime="${at}">2026-12-02 07:07 UTC</time>`);
    expect(render(at, "seconds")).toContain(">2026-12-02 07:07:07 UTC<");
    expect(render(at, "long-day")).toContain(">2 Dec 2026<");
    expect(render(at, "long-minutes")).toContain(">2 Dec 2026, 07:07 UTC<");
  });
});
