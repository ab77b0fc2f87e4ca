"use client";

import type { ReactTable } from "@tanstack/react-table";
import type { PortfolioRow } from "@/lib/portfolio/export";
import { PAGE_SIZES } from "@/lib/portfolio/schema";
import { Select } from "@/components/ui/select";
import type { portfolioFeatures } from "./portfolio-columns";

const pager = "rounded-md px-3 py-1.5 text-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40";

/** Page navigation through the table's pagination API (each move is a new URL). */
export function PortfolioPagination({ table, total, pending }: { table: ReactTable<typeof portfolioFeatures, PortfolioRow>; total: number; pending: boolean }) {
  const { pageIndex, pageSize } = table.state.pagination;
  const pageCount = Math.max(1, table.getPageCount());
  const first = total === 0 ? 0 : pageIndex * pageSize + 1;
  const last = Math.min(total, (pageIndex + 1) * pageSize);
  const sizes = (PAGE_SIZES as readonly number[]).includes(pageSize) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600" aria-live="polite">
        {total === 0 ? "No clusters" : `Showing ${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} clusters`}
        {pending ? <span className="ml-2 text-slate-500">Loading…</span> : null}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-slate-600">
          Rows per page
          <Select value={pageSize} onChange={(e) => table.setPageSize(Number(e.target.value))} inline density="xs">
            {sizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </Select>
        </label>
        <button type="button" className={pager} onClick={() => table.firstPage()} disabled={!table.getCanPreviousPage()} aria-label="First page">
          «
        </button>
        <button type="button" className={pager} onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
          Previous
        </button>
        <span className="px-1 text-slate-700">
          Page {pageIndex + 1} of {pageCount.toLocaleString("en-US")}
        </span>
        <button type="button" className={pager} onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
          Next
        </button>
        <button type="button" className={pager} onClick={() => table.lastPage()} disabled={!table.getCanNextPage()} aria-label="Last page">
          »
        </button>
      </div>
    </nav>
  );
}
