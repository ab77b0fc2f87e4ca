import type { ReactNode } from "react";
import type { ConflictDetails } from "@/lib/action-state";
import { formatUtc } from "@/lib/format/dates";
import { Button } from "./button";
import { Table, TableBody, TableCaption, TableHead, Td, Th } from "./table";

interface Props {
  conflict: ConflictDetails;
  /** the refusal's own message (e.g. which revision won), shown as the heading in place of the generic one */
  message?: string;
  /** field key → the label its input shows; a key without one is shown as it is */
  labels: Readonly<Partial<Record<string, string>>>;
  /** how a value reads (e.g. an enum's label), blank ones too; values are shown as they are otherwise, a blank one as "(empty)" */
  formatValue?: (field: string, value: string) => string;
  /** puts their values into the form; no button without it */
  onUseTheirs?: () => void;
}

const cell = "whitespace-pre-wrap wrap-anywhere";

/**
 * A refused save (someone else saved first), side by side: per changed field, the value they
 * saved beside the one typed here, so the person decides knowingly which one wins.
 */
export function ConflictComparison({ conflict, message, labels, formatValue, onUseTheirs }: Props) {
  const shown = (field: string, value: string): ReactNode => {
    const text = formatValue ? formatValue(field, value) : value;
    return text.trim() ? text : <span className="text-slate-500 italic">(empty)</span>;
  };
  return (
    <div role="alert" data-testid="conflict-comparison" className="rounded-md bg-amber-50 p-4 ring-1 ring-amber-300 ring-inset">
      <p className="text-sm font-semibold text-amber-950">{message ?? "Someone else saved this while you were editing"}</p>
      {conflict.updatedAt ? (
        <p className="mt-1 text-xs text-amber-900">
          Their save: <time dateTime={conflict.updatedAt}>{formatUtc(conflict.updatedAt)}</time>
        </p>
      ) : null}
      {conflict.fields.length > 0 ? (
        <div className="mt-3">
          <Table variant="framed" className="text-left">
            <TableCaption srOnly>Fields they changed: their saved value beside yours</TableCaption>
            <TableHead>
              <Th>Field</Th>
              <Th>Saved by them</Th>
              <Th>Yours (not saved)</Th>
            </TableHead>
            <TableBody className="align-top">
              {conflict.fields.map((f) => (
                <tr key={f.field}>
                  <Th scope="row" className={`${cell} font-medium text-slate-700`}>
                    {labels[f.field] ?? f.field}
                  </Th>
                  <Td className={`${cell} text-slate-900`}>{shown(f.field, f.theirs)}</Td>
                  <Td className={`${cell} text-slate-900`}>{shown(f.field, f.yours)}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <p className="mt-3 text-xs text-amber-900">Saving again stores what the form below holds, replacing their values.</p>
      {onUseTheirs ? (
        <div className="mt-3">
          <Button type="button" variant="secondary" onClick={onUseTheirs}>
            Use their values
          </Button>
        </div>
      ) : null}
    </div>
  );
}
