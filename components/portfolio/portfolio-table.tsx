"use client";

/**
 * The portfolio table: @tanstack/react-table v9 in manual mode. The URL is the state:
 * sorting, filters, search and paging are read from it, and every change the table reports
 * (header click, filter, page) becomes a new URL that the server renders.
 */
import { functionalUpdate, useTable } from "@tanstack/react-table";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useTransition } from "react";
import type { PortfolioRow } from "@/lib/portfolio/export";
import { toQueryString, type PortfolioQuery } from "@/lib/portfolio/schema";
import { filtersToQuery, paginationToQuery, sortingToQuery, toTableState } from "@/lib/portfolio/table-state";
import { Table, TableBody, TableCaption, TableEmptyRow, TableHead, Td, Th } from "@/components/ui/table";
import { portfolioColumns, portfolioFeatures } from "./portfolio-columns";
import { PortfolioPagination } from "./portfolio-pagination";
import { PortfolioToolbar } from "./portfolio-toolbar";

interface Props {
  rows: PortfolioRow[];
  total: number;
  /** The view state, with `page` being the page actually shown. */
  query: PortfolioQuery;
  teams: string[];
  /** templates clusters are assessed against, for the template filter */
  templates: { key: string; name: string }[];
}

export function PortfolioTable({ rows, total, query, teams, templates }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const state = useMemo(() => toTableState(query), [query]);
  // The view last asked for: while one navigation is in flight the props are still the old
  // view, and a second change (a debounced search, a select) must build on the first.
  const requested = useRef(query);
  useEffect(() => {
    requested.current = query;
  }, [query]);
  const latest = () => toTableState(requested.current);
  const navigate = (patch: Partial<PortfolioQuery>) => {
    const next = { ...requested.current, ...patch };
    requested.current = next;
    startTransition(() => router.push(`${pathname}${toQueryString(next)}`, { scroll: false }));
  };

  const table = useTable({
    features: portfolioFeatures,
    columns: portfolioColumns,
    data: rows,
    state,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    rowCount: total,
    enableMultiSort: false,
    enableSortingRemoval: false,
    getRowId: (row) => row.id,
    onSortingChange: (updater) => navigate(sortingToQuery(functionalUpdate(updater, latest().sorting))),
    onColumnFiltersChange: (updater) => navigate(filtersToQuery(functionalUpdate(updater, latest().columnFilters), latest().globalFilter)),
    onGlobalFilterChange: (updater) => navigate(filtersToQuery(latest().columnFilters, String(functionalUpdate(updater, latest().globalFilter) ?? ""))),
    onPaginationChange: (updater) => navigate(paginationToQuery(functionalUpdate(updater, latest().pagination), latest().pagination)),
  });

  const sortedBy = table.getColumn(query.sort)?.columnDef.header;
  return (
    <div className="space-y-3">
      <PortfolioToolbar
        table={table}
        query={query}
        teams={teams}
        templates={templates}
        pending={pending}
        onClearFilters={() => navigate(filtersToQuery([], ""))}
      />
      <div className={`transition-opacity ${pending ? "opacity-60" : ""}`} aria-busy={pending}>
        <Table variant="framed" size="sm">
          <TableCaption srOnly>
            Clusters, sorted by {typeof sortedBy === "string" ? sortedBy : query.sort} {query.dir === "asc" ? "ascending" : "descending"}
          </TableCaption>
          <TableHead rows>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="text-left">
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <Th
                      key={header.id}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                      className="max-w-28 align-bottom"
                    >
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-end gap-1 text-left uppercase hover:text-slate-900"
                        title="Sort by this column"
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden className={sorted ? "text-brand-600" : "text-slate-300"}>
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    </Th>
                  );
                })}
              </tr>
            ))}
          </TableHead>
          <TableBody>
            {rows.length === 0 ? (
              <TableEmptyRow colSpan={portfolioColumns.length}>
                No cluster matches these filters.{" "}
                <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => navigate(filtersToQuery([], ""))}>
                  Clear filters
                </button>
              </TableEmptyRow>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className={row.original.regressedAt ? "bg-red-50/40 hover:bg-red-50" : "hover:bg-slate-50"}>
                  {row.getAllCells().map((cell) => (
                    <Td key={cell.id} className="whitespace-nowrap align-top">
                      <table.FlexRender cell={cell} />
                    </Td>
                  ))}
                </tr>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <PortfolioPagination table={table} total={total} pending={pending} />
    </div>
  );
}
