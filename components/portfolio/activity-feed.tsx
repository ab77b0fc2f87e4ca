import Link from "next/link";
import { timeAgo, type ActivityItem } from "@/lib/portfolio/activity";
import { Card } from "@/components/ui/card";

const dot = { regression: "bg-red-500", recovery: "bg-emerald-500", normal: "bg-slate-300" } as const;

/** Recent changes across the portfolio, newest first. */
export function ActivityFeed({ items, now }: { items: ActivityItem[]; now: Date }) {
  return (
    <Card title="Recent activity">
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing has changed yet. Edits to clusters, scorecards, drills and campaigns show up here.</p>
      ) : (
        <ol className="space-y-3" aria-label="Recent activity">
          {items.map((item) => (
            <li key={item.id} className="flex gap-3 text-sm">
              <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${dot[item.tone]}`} />
              <div className="min-w-0">
                <p className={item.tone === "regression" ? "text-red-800" : "text-slate-800"}>
                  {item.href ? (
                    <Link href={item.href} className="hover:underline">
                      {item.text}
                    </Link>
                  ) : (
                    item.text
                  )}
                </p>
                <time dateTime={item.at} className="text-xs text-slate-500" title={item.at}>
                  {timeAgo(new Date(item.at), now)}
                </time>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
