import type { CampaignProgress } from "@/lib/campaigns/rules";

/** Share of clusters at or above the target, as an accessible progress bar. */
export function CampaignProgressBar({ progress, label, size = "md" }: { progress: CampaignProgress; label: string; size?: "sm" | "md" }) {
  return (
    <div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.atTarget}
        aria-valuetext={`${progress.atTarget} of ${progress.total} clusters at target (${progress.percent}%)`}
        className={`overflow-hidden rounded-full bg-slate-100 ${size === "sm" ? "h-2" : "h-3"}`}
      >
        <div className="h-full rounded-full bg-emerald-500 transition-[width]" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {progress.atTarget} of {progress.total} at target · {progress.percent}%
      </p>
    </div>
  );
}
