import Link from "next/link";
import type { AuditPage } from "@/lib/audit/queries";
import { Badge } from "@/components/ui/card";
import { AuditChanges } from "./audit-changes";
import { formatDateTime } from "./format";

const actionTone = (action: string) => (action === "create" ? "green" : action === "delete" || action === "revoke" ? "red" : "blue");

/** One page of audit events, newest first, with paging links that keep the filters. */
export function AuditTable({ page, query }: { page: AuditPage; query: Record<string, string> }) {
  const link = (n: number) => `/admin/audit?${new URLSearchParams({ ...query, page: String(n) })}`;
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50">
            <tr className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <th scope="col" className="px-4 py-2.5">#</th>
              <th scope="col" className="px-4 py-2.5">When</th>
              <th scope="col" className="px-4 py-2.5">Actor</th>
              <th scope="col" className="px-4 py-2.5">Action</th>
              <th scope="col" className="px-4 py-2.5">Entity</th>
              <th scope="col" className="px-4 py-2.5">Cluster</th>
              <th scope="col" className="px-4 py-2.5">Changes</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {page.rows.map((e) => (
              <tr key={e.seq}>
                <td className="px-4 py-2.5 font-mono text-xs text-slate-500">{e.seq}</td>
                <td className="whitespace-nowrap px-4 py-2.5">
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                </td>
                <td className="px-4 py-2.5">{e.actorId ? e.actorLabel : <span className="italic text-slate-600">{e.actorLabel}</span>}</td>
                <td className="px-4 py-2.5">
                  <Badge tone={actionTone(e.action)}>{e.action}</Badge>
                </td>
                <td className="px-4 py-2.5">
                  <span className="block">{e.entityType}</span>
                  {e.entityLabel ? <span className="block max-w-[16rem] truncate text-slate-600" title={e.entityLabel}>{e.entityLabel}</span> : null}
                  <span className="font-mono text-xs text-slate-400" title={e.entityId}>
                    {e.entityId.slice(0, 12)}
                  </span>
                </td>
                <td className="px-4 py-2.5">
                  {e.clusterId ? (
                    <Link href={`/clusters/${e.clusterId}`} className="text-brand-700 hover:underline">
                      {e.clusterName ?? e.clusterId}
                    </Link>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
                <td className="px-4 py-2.5">
                  <AuditChanges before={e.before} after={e.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pagination" className="flex items-center justify-between gap-2 text-sm">
        <p className="text-slate-600">
          {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of {page.total.toLocaleString("en-US")} events
        </p>
        <div className="flex items-center gap-2">
          {page.page > 1 ? (
            <Link href={link(page.page - 1)} className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50">
              Previous
            </Link>
          ) : null}
          <span className="text-slate-600">
            Page {page.page} of {page.pageCount}
          </span>
          {page.page < page.pageCount ? (
            <Link href={link(page.page + 1)} className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50">
              Next
            </Link>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
