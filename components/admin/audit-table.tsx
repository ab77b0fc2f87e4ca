import Link from "next/link";
import type { AuditPage } from "@/lib/audit/queries";
import { Badge } from "@/components/ui/badge";
import { AuditChanges } from "./audit-changes";
import { DateTime } from "@/components/ui/date-time";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

const actionTone = (action: string) => (action === "create" ? "green" : action === "delete" || action === "revoke" ? "red" : "blue");

/** One page of audit events, newest first, with paging links that keep the filters. */
export function AuditTable({ page, query }: { page: AuditPage; query: Record<string, string> }) {
  const link = (n: number) => `/admin/audit?${new URLSearchParams({ ...query, page: String(n) })}`;
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;
  return (
    <div className="space-y-3">
      <Table variant="framed">
        <TableHead>
          <Th>#</Th>
          <Th>When</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Entity</Th>
          <Th>Cluster</Th>
          <Th>Changes</Th>
        </TableHead>
        <TableBody className="align-top">
          {page.rows.map((e) => (
            <tr key={e.seq}>
              <Td className="font-mono text-xs text-slate-500">{e.seq}</Td>
              <Td className="whitespace-nowrap">
                <DateTime value={e.at} format="minutes" />
              </Td>
              <Td>{e.actorId ? e.actorLabel : <span className="italic text-slate-600">{e.actorLabel}</span>}</Td>
              <Td>
                <Badge tone={actionTone(e.action)}>{e.action}</Badge>
              </Td>
              <Td>
                <span className="block">{e.entityType}</span>
                {e.entityLabel ? (
                  <span className="block max-w-[16rem] truncate text-slate-600" title={e.entityLabel}>
                    {e.entityLabel}
                  </span>
                ) : null}
                <span className="font-mono text-xs text-slate-500" title={e.entityId}>
                  {e.entityId.slice(0, 12)}
                </span>
              </Td>
              <Td>
                {e.clusterId ? (
                  <Link href={`/clusters/${e.clusterId}`} className="text-brand-700 hover:underline">
                    {e.clusterName ?? e.clusterId}
                  </Link>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </Td>
              <Td>
                <AuditChanges before={e.before} after={e.after} />
              </Td>
            </tr>
          ))}
        </TableBody>
      </Table>
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
