import { describe, expect, it } from "vitest";
import { exportDataEnd } from "./export-window";

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe("exportDataEnd", () => {
  it("is the newest sample of a CSV export, whatever the row order", () => {
    const csv = ["timestamp,metric,value", "1715680900,lag,10", "1715681200,lag,4", "1715680600,lag,90"].join("\n");
    expect(exportDataEnd(file("lag.CSV", csv))).toEqual(new Date(1715681200 * 1000));
  });

  it("is the newest sample across the series of a Prometheus range answer", () => {
    const json = JSON.stringify({
      status: "success",
      data: {
        resultType: "matrix",
        result: [
          {
            metric: { __name__: "a" },
            values: [
              [1715680600, "1"],
              [1715680660, "2"],
            ],
          },
          { metric: { __name__: "b" }, values: [[1715680720, "3"]] },
        ],
      },
    });
    expect(exportDataEnd(file("range.json", json))).toEqual(new Date(1715680720 * 1000));
  });

  it("is null for files that are no series: a screenshot, unreadable text, an empty export", () => {
    expect(exportDataEnd(file("graph.png", "\u0089PNG"))).toBeNull();
    expect(exportDataEnd(file("notes.txt", "not a metric file"))).toBeNull();
    expect(exportDataEnd(file("empty.csv", "timestamp,metric,value\n"))).toBeNull();
  });
});
