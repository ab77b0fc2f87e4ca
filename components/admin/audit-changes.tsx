import { diffAuditValues } from "@/lib/audit/diff";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

const kindStyle = { added: "text-emerald-700", removed: "text-red-700", changed: "text-amber-800" };

/** Before/after of one audit event, field by field, behind a disclosure. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const changes = diffAuditValues(before, after);
  if (changes.length === 0) return <span className="text-slate-500">no field changes</span>;
  return (
    <details className="group">
      <summary className="cursor-pointer text-brand-700 hover:underline">
        {changes.length} {changes.length === 1 ? "field" : "fields"}
      </summary>
      {/* a minimum width so that Before and After stay readable in the narrow Changes column */}
      <div className="mt-2 min-w-[28rem]">
        <Table size="sm">
          <TableHead>
            <Th>Field</Th>
            <Th>Before</Th>
            <Th>After</Th>
          </TableHead>
          <TableBody className="align-top">
            {changes.map((c) => (
              <tr key={c.path}>
                <Th scope="row" className={`text-left font-mono font-normal ${kindStyle[c.kind]}`}>
                  {c.path}
                </Th>
                <Td className="max-w-[18rem] whitespace-pre-wrap break-words text-slate-600">
                  {c.before === null ? <span className="text-slate-500">—</span> : <del className="decoration-red-300">{c.before}</del>}
                </Td>
                <Td className="max-w-[18rem] whitespace-pre-wrap break-words">
                  {c.after === null ? <span className="text-slate-500">—</span> : <ins className="no-underline">{c.after}</ins>}
                </Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      </div>
    </details>
  );
}
