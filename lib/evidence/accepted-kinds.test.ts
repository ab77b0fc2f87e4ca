import { describe, expect, it } from "vitest";
import { acceptedKindsExplanation } from "./accepted-kinds";

describe("accepted evidence kinds", () => {
  it("says why a measured item refuses links and notes", () => {
    expect(acceptedKindsExplanation(["drill", "metric_export"])).toBe(
      "This item needs a drill or a metric export: a link or a note alone does not prove recovery, a measurement does.",
    );
  });

  it("names the kinds of a set-up item, and a mixed list as it is", () => {
    expect(acceptedKindsExplanation(["link", "note", "file"])).toBe(
      "This item takes a link, a note or a file: it is about how things are set up, not about a measured recovery.",
    );
    expect(acceptedKindsExplanation(["link", "drill"])).toBe("This item takes a link or a drill.");
  });
});
