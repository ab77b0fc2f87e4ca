import { describe, expect, it } from "vitest";
import { sparklinePoints, toPolyline } from "./sparkline-points";

describe("sparklinePoints", () => {
  it("spreads the values across the width, the highest at the top", () => {
    expect(sparklinePoints([0, 5, 10], 24, 12, 2)).toEqual([
      { x: 2, y: 10 },
      { x: 12, y: 6 },
      { x: 22, y: 2 },
    ]);
  });

  it("draws a flat series along the middle", () => {
    expect(sparklinePoints([3, 3], 10, 10, 1)).toEqual([
      { x: 1, y: 5 },
      { x: 9, y: 5 },
    ]);
  });

  it("leaves a gap for a value that is not a number and scales by the others", () => {
    const points = sparklinePoints([1, Number.NaN, 2], 20, 10, 0);
    expect(points).toEqual([{ x: 0, y: 10 }, null, { x: 20, y: 0 }]);
    expect(toPolyline(points)).toBe("0,10 20,0");
  });

  it("centres a single value and gives nothing for no numbers", () => {
    expect(sparklinePoints([7], 10, 10, 0)).toEqual([{ x: 5, y: 5 }]);
    expect(sparklinePoints([Number.NaN], 10, 10)).toEqual([null]);
    expect(sparklinePoints([], 10, 10)).toEqual([]);
  });

  it("rounds to two decimals so the markup stays short", () => {
    const [, middle] = sparklinePoints([0, 1, 3], 10, 10, 0);
    expect(middle).toEqual({ x: 5, y: 6.67 });
  });
});
