import { diffAuditValues } from "@/lib/audit/diff";

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
      <table className="mt-2 w-full min-w-[28rem] text-xs">
        <thead>
          <tr className="text-left text-slate-500">
            <th scope="col" className="py-1 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Before
            </th>
            <th scope="col" className="py-1 font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {changes.map((c) => (
            <tr key={c.path}>
              <th scope="row" className={`py-1 pr-3 text-left font-mono font-normal ${kindStyle[c.kind]}`}>
                {c.path}
              </th>
              <td className="max-w-[18rem] whitespace-pre-wrap break-words py-1 pr-3 text-slate-600">
                {c.before === null ? <span className="text-slate-500">—</span> : <del className="decoration-red-300">{c.before}</del>}
              </td>
              <td className="max-w-[18rem] whitespace-pre-wrap break-words py-1">
                {c.after === null ? <span className="text-slate-500">—</span> : <ins className="no-underline">{c.after}</ins>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
