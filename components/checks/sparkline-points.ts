/** Where the sparkline's points go: pure, so it is unit-tested without a DOM. */

export interface SparkPoint {
  x: number;
  y: number;
}

/**
 * Spreads `values` (oldest first) evenly across `width` and scales them into `height`,
 * keeping `pad` free on every side so dots are not clipped. Higher values sit higher (smaller y);
 * a flat series draws along the middle. Non-finite values have no point (null in their place).
 */
export function sparklinePoints(values: number[], width: number, height: number, pad = 2): (SparkPoint | null)[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return values.map(() => null);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const innerW = Math.max(width - 2 * pad, 0);
  const innerH = Math.max(height - 2 * pad, 0);
  const stepX = values.length > 1 ? innerW / (values.length - 1) : 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  return values.map((v, i) => {
    if (!Number.isFinite(v)) return null;
    const y = max === min ? pad + innerH / 2 : pad + innerH - ((v - min) / (max - min)) * innerH;
    return { x: round(values.length > 1 ? pad + i * stepX : pad + innerW / 2), y: round(y) };
  });
}

/** The points as an SVG polyline `points` attribute ("x,y x,y …"), skipping gaps. */
export function toPolyline(points: (SparkPoint | null)[]): string {
  return points
    .filter((p): p is SparkPoint => p !== null)
    .map((p) => `${p.x},${p.y}`)
    .join(" ");
}
