import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TabPanel, Tabs } from "./tabs";

const tabs = [
  { key: "write", label: "Write" },
  { key: "preview", label: "Preview" },
] as const;

describe("Tabs", () => {
  it("marks the chosen tab selected and the only one in the Tab order, each tab naming its panel", () => {
    const html = renderToStaticMarkup(createElement(Tabs, { id: "n", label: "Notes view", tabs, value: "preview", onChange: () => {} }));
    expect(html).toContain('role="tablist" aria-label="Notes view"');
    expect(html).toContain('role="tab" id="n-tab-write" aria-selected="false" aria-controls="n-panel-write" tabindex="-1"');
    expect(html).toContain('role="tab" id="n-tab-preview" aria-selected="true" aria-controls="n-panel-preview" tabindex="0"');
  });

  it("renders every panel, hiding and emptying all but the chosen one", () => {
    const panel = (tab: string) =>
      renderToStaticMarkup(createElement(TabPanel, { id: "n", tab, value: "write" } as ComponentProps<typeof TabPanel>, "content"));
    expect(panel("write")).toContain('role="tabpanel" id="n-panel-write" aria-labelledby="n-tab-write"');
    expect(panel("write")).toContain(">content</div>");
    expect(panel("preview")).toContain("hidden");
    expect(panel("preview")).not.toContain("content");
  });
});
