import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { toFieldErrors } from "@/lib/action";
import { auditFilterOptions, listAuditEvents } from "@/lib/audit/queries";
import { auditFilterSchema } from "@/lib/audit/schema";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { VerifyChainButton } from "@/components/admin/verify-chain-button";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

/** The filter values as plain strings (first value of repeated keys), for the form and page links. */
function filterValues(search: Search): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["actor", "entityType", "action", "cluster", "from", "to", "pageSize"]) {
    const v = search[key];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) out[key] = s;
  }
  return out;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePagePermission("audit:read");
  const search = await searchParams;
  const values = filterValues(search);
  const parsed = auditFilterSchema.safeParse({ ...values, page: Array.isArray(search.page) ? search.page[0] : search.page });
  const [options, page] = await Promise.all([auditFilterOptions(user), parsed.success ? listAuditEvents(user, parsed.data) : null]);
  const filtered = Object.keys(values).some((k) => k !== "pageSize");
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, who made it and when, with before and after. Each event carries the hash of the one before it, so an altered or removed row breaks the chain."
      />
      <div className="space-y-6">
        <Card title="Tamper check">
          <VerifyChainButton />
        </Card>
        <Card title="Filters">
          <AuditFilters options={options} values={values} errors={parsed.success ? {} : toFieldErrors(parsed.error)} />
        </Card>
        {!page ? (
          <Alert>Correct the highlighted filters to see events.</Alert>
        ) : page.total === 0 ? (
          <EmptyState
            title={filtered ? "No event matches these filters" : "No events yet"}
            description={filtered ? "Widen the date range or clear a filter." : "Changes to clusters, scorecards, users and tokens appear here as they happen."}
          />
        ) : (
          <AuditTable page={page} query={values} />
        )}
      </div>
    </>
  );
}
