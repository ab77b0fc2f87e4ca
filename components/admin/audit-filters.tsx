import type { AuditFilterOptions } from "@/lib/audit/queries";
import { AUDIT_PAGE_SIZES } from "@/lib/audit/schema";
import { Button, ButtonLink } from "@/components/ui/button";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";

type Values = Partial<Record<"actor" | "entityType" | "action" | "cluster" | "from" | "to" | "pageSize", string>>;

const all = (label: string) => ({ value: "", label });

/** Filter form of the audit log: a plain GET form, so filtered views can be bookmarked and shared. */
export function AuditFilters({ options, values, errors }: { options: AuditFilterOptions; values: Values; errors: Record<string, string[]> }) {
  return (
    <form method="get" action="/admin/audit" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter the audit log">
      <SelectInput name="actor" label="Actor" defaultValue={values.actor ?? ""} error={errors.actor} options={[all("Anyone"), ...options.actors]} />
      <SelectInput
        name="entityType"
        label="Entity type"
        defaultValue={values.entityType ?? ""}
        error={errors.entityType}
        options={[all("Any entity"), ...options.entityTypes.map((v) => ({ value: v, label: v }))]}
      />
      <SelectInput
        name="action"
        label="Action"
        defaultValue={values.action ?? ""}
        error={errors.action}
        options={[all("Any action"), ...options.actions.map((v) => ({ value: v, label: v }))]}
      />
      <SelectInput
        name="cluster"
        label="Cluster"
        defaultValue={values.cluster ?? ""}
        error={errors.cluster}
        options={[all("Any cluster"), ...options.clusters]}
      />
      <TextInput name="from" label="From (UTC day)" type="date" defaultValue={values.from} error={errors.from} />
      <TextInput name="to" label="To (UTC day)" type="date" defaultValue={values.to} error={errors.to} />
      <SelectInput
        name="pageSize"
        label="Per page"
        defaultValue={values.pageSize ?? "50"}
        options={AUDIT_PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
      />
      <div className="flex items-end gap-2">
        <Button type="submit">Apply filters</Button>
        <ButtonLink href="/admin/audit" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}
