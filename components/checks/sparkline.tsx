import { formatCheckValue } from "./run-meta";
import { sparklinePoints, toPolyline } from "./sparkline-points";

const WIDTH = 120;
const HEIGHT = 28;
const PAD = 3;

/**
 * A tiny line of values, oldest to newest, with the flagged ones (failed runs) as red dots.
 * Nothing to draw below two values.
 */
export function Sparkline({ values, flags, what = "Max value" }: { values: number[]; flags: boolean[]; what?: string }) {
  if (values.length < 2) return null;
  const points = sparklinePoints(values, WIDTH, HEIGHT, PAD);
  const failed = flags.filter(Boolean).length;
  const label = `${what} of the last ${values.length} runs: lowest ${formatCheckValue(Math.min(...values))}, highest ${formatCheckValue(Math.max(...values))}${
    failed ? `; ${failed} failed` : ""
  }`;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} className="block max-w-full overflow-visible">
      <title>{label}</title>
      <polyline points={toPolyline(points)} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" className="text-brand-500" />
      {points.map((p, i) => (p && flags[i] ? <circle key={i} cx={p.x} cy={p.y} r={2.5} className="fill-red-600" /> : null))}
    </svg>
  );
}
