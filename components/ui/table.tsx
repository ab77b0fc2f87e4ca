import type { ComponentProps, ReactNode } from "react";

/**
 * The one look of a data table. "plain": inside a Card (which scrolls sideways), compact
 * cells; "framed": a table standing on its own, in a white box that scrolls sideways on a
 * phone, with a tinted header row. Cell padding comes from the table (descendant selectors),
 * so Th and Td carry only what is special about a column (alignment, wrapping, width).
 * For sorting, filtering and paging use components/data-table (TanStack Table).
 */
const VARIANTS = {
  plain:
    "min-w-full text-sm [&_thead_th]:pb-2 [&_thead_th]:text-xs [&_thead_th]:font-medium [&_thead_th]:tracking-wide [&_thead_th]:text-slate-500 [&_thead_th]:uppercase [&_tbody_td]:py-2 [&_tbody_th]:py-2 [&_td:not(:last-child)]:pr-4 [&_th:not(:last-child)]:pr-4",
  framed:
    "min-w-full divide-y divide-slate-200 text-sm [&_thead]:bg-slate-50 [&_thead_th]:px-4 [&_thead_th]:py-2.5 [&_thead_th]:text-xs [&_thead_th]:font-semibold [&_thead_th]:tracking-wide [&_thead_th]:text-slate-600 [&_thead_th]:uppercase [&_tbody_td]:px-4 [&_tbody_td]:py-3 [&_tbody_th]:px-4 [&_tbody_th]:py-3",
} as const;

export function Table({ variant = "plain", className = "", children, ...rest }: ComponentProps<"table"> & { variant?: keyof typeof VARIANTS }) {
  const table = (
    <table className={`${VARIANTS[variant]} ${className}`} {...rest}>
      {children}
    </table>
  );
  return variant === "framed" ? <div className="relative overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">{table}</div> : table;
}

/** The header row: pass the column headings (Th). */
export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead>
      <tr className="text-left">{children}</tr>
    </thead>
  );
}

export function TableBody({ className = "", ...rest }: ComponentProps<"tbody">) {
  return <tbody className={`divide-y divide-slate-100 ${className}`} {...rest} />;
}

/** A column heading (scope="col") or, with scope="row", a row's heading cell. */
export function Th({ scope = "col", ...rest }: ComponentProps<"th">) {
  return <th scope={scope} {...rest} />;
}

export function Td(props: ComponentProps<"td">) {
  return <td {...props} />;
}
