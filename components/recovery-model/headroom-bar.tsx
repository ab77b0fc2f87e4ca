import type { RecoveryEstimate } from "@/lib/recovery-model/rules";

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : Number(n.toPrecision(3)).toString());

/** Live plus recovery traffic against one broker's network capacity, as a stacked bar. */
export function HeadroomBar({ headroom, testId }: { headroom: RecoveryEstimate["headroom"]; testId: string }) {
  const { liveMBps, recoveryMBps, capacityMBps, headroomPercent, status } = headroom;
  const pct = (v: number) => Math.max(0, Math.min(100, (v / capacityMBps) * 100));
  const live = pct(liveMBps);
  const recovery = Math.min(100 - live, pct(recoveryMBps));
  const over = status === "saturated";
  const label = over ? `Over capacity by ${fmt(-headroomPercent)}%` : `${fmt(headroomPercent)}% headroom${status === "tight" ? " (tight)" : ""}`;
  return (
    <div>
      <div
        role="img"
        aria-label={`Live ${fmt(liveMBps)} MB/s plus recovery ${fmt(recoveryMBps)} MB/s of ${fmt(capacityMBps)} MB/s per broker: ${label}`}
        className={`flex h-3 overflow-hidden rounded-full bg-slate-100 ${over ? "ring-2 ring-red-500" : ""}`}
      >
        <div className="h-full bg-slate-500" style={{ width: `${live}%` }} />
        <div className={`h-full ${over ? "bg-red-500" : status === "tight" ? "bg-amber-500" : "bg-amber-300"}`} style={{ width: `${recovery}%` }} />
      </div>
      <p className="mt-1 flex flex-wrap justify-between gap-x-3 text-xs text-slate-600">
        <span>
          <span className="mr-1 inline-block size-2 rounded-sm bg-slate-500" aria-hidden />
          live {fmt(liveMBps)} + <span className="mx-1 inline-block size-2 rounded-sm bg-amber-400" aria-hidden />
          recovery {fmt(recoveryMBps)} of {fmt(capacityMBps)} MB/s
        </span>
        <span data-testid={testId} className={over ? "font-semibold text-red-700" : status === "tight" ? "font-semibold text-amber-700" : "text-emerald-700"}>
          {label}
        </span>
      </p>
    </div>
  );
}
