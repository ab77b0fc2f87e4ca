import type { ComponentProps, ReactNode } from "react";

/**
 * The one look of a data table. "plain": inside a Card (which scrolls sideways), compact
 * cells; "framed": a table standing on its own, in a white box that scrolls sideways on a
 * phone, with a tinted header row. size "sm" tightens the cells: for a small plain table
 * nested in a cell or a disclosure, or a framed table with many columns.
 * Cell padding comes from the table (child selectors, so a table nested in another one's
 * cell keeps its own look), so Th and Td carry only what is special about a column
 * (alignment, wrapping, width).
 * For sorting, filtering and paging use components/data-table (TanStack Table).
 */
const LOOKS = {
  plain: "[&>thead>tr>th]:text-xs [&>thead>tr>th]:font-medium [&>thead>tr>th]:tracking-wide [&>thead>tr>th]:text-slate-500 [&>thead>tr>th]:uppercase",
  framed:
    "divide-y divide-slate-200 [&>thead]:bg-slate-50 [&>thead>tr>th]:text-xs [&>thead>tr>th]:font-semibold [&>thead>tr>th]:tracking-wide [&>thead>tr>th]:text-slate-600 [&>thead>tr>th]:uppercase",
} as const;

const CELLS = {
  plain: {
    md: "text-sm [&>thead>tr>th]:pb-2 [&>tbody>tr>td]:py-2 [&>tbody>tr>th]:py-2 [&>*>tr>td:not(:last-child)]:pr-4 [&>*>tr>th:not(:last-child)]:pr-4",
    sm: "text-xs [&>thead>tr>th]:pb-1 [&>tbody>tr>td]:py-1 [&>tbody>tr>th]:py-1 [&>*>tr>td:not(:last-child)]:pr-3 [&>*>tr>th:not(:last-child)]:pr-3",
  },
  framed: {
    md: "text-sm [&>thead>tr>th]:px-4 [&>thead>tr>th]:py-2.5 [&>tbody>tr>td]:px-4 [&>tbody>tr>td]:py-3 [&>tbody>tr>th]:px-4 [&>tbody>tr>th]:py-3",
    sm: "text-sm [&>thead>tr>th]:px-2.5 [&>thead>tr>th]:py-2.5 [&>tbody>tr>td]:px-2.5 [&>tbody>tr>td]:py-2.5 [&>tbody>tr>th]:px-2.5 [&>tbody>tr>th]:py-2.5",
  },
} as const;

type TableProps = ComponentProps<"table"> & { variant?: keyof typeof LOOKS; size?: "md" | "sm" };

export function Table({ variant = "plain", size = "md", className = "", children, ...rest }: TableProps) {
  const table = (
    <table className={`min-w-full ${LOOKS[variant]} ${CELLS[variant][size]} ${className}`} {...rest}>
      {children}
    </table>
  );
  return variant === "framed" ? <div className="relative overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">{table}</div> : table;
}

/** What the table lists, its accessible name; `srOnly` when a heading above already says it to sighted readers. */
export function TableCaption({ srOnly = false, className = "", ...rest }: ComponentProps<"caption"> & { srOnly?: boolean }) {
  return <caption className={`${srOnly ? "sr-only" : "mb-1 text-left text-sm font-medium text-slate-800"} ${className}`} {...rest} />;
}

/**
 * The header row: pass the column headings (Th). With `rows`, pass whole header rows
 * (`<tr className="text-left">`) instead, e.g. one per TanStack header group.
 */
export function TableHead({ rows = false, children }: { rows?: boolean; children: ReactNode }) {
  return <thead>{rows ? children : <tr className="text-left">{children}</tr>}</thead>;
}

export function TableBody({ className = "", ...rest }: ComponentProps<"tbody">) {
  return <tbody className={`divide-y divide-slate-100 ${className}`} {...rest} />;
}

/** The one body row of a table without rows: a message across every column. */
export function TableEmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="text-center text-slate-500">
        <div className="py-8">{children}</div>
      </td>
    </tr>
  );
}

/** A column heading (scope="col") or, with scope="row", a row's heading cell. */
export function Th({ scope = "col", ...rest }: ComponentProps<"th">) {
  return <th scope={scope} {...rest} />;
}

export function Td(props: ComponentProps<"td">) {
  return <td {...props} />;
}
