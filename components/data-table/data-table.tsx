"use client";

/**
 * Generic client-side table: sorting, a text search across columns and pagination, built
 * on @tanstack/react-table v9. For server-paginated tables see the portfolio page.
 */
import {
  createFilteredRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  columnFilteringFeature,
  filterFn_equalsString,
  filterFn_includesString,
  globalFilteringFeature,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnFiltersState,
} from "@tanstack/react-table";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableEmptyRow, TableHead, Td, Th } from "@/components/ui/table";

export const dataTableFeatures = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  rowSortingFeature,
  rowPaginationFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
  filterFns: { includesString: filterFn_includesString, equalsString: filterFn_equalsString },
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, datetime: sortFn_datetime, text: sortFn_text },
});

export type DataTableFeatures = typeof dataTableFeatures;

interface DataTableProps<Row extends object> {
  // each column has its own value type; the table only needs them to share the row type
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<DataTableFeatures, Row, any>[];
  data: Row[];
  searchLabel: string;
  emptyMessage: string;
  pageSize?: number;
  /** Optional drop-down filters, each on one column (give that column `filterFn: "equalsString"`). */
  filters?: { columnId: string; label: string; options: { value: string; label: string }[] }[];
}

export function DataTable<Row extends object>({ columns, data, searchLabel, emptyMessage, pageSize = 20, filters = [] }: DataTableProps<Row>) {
  const [search, setSearch] = useState("");
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    globalFilterFn: "includesString",
    state: { globalFilter: search, columnFilters },
    onGlobalFilterChange: (updater) => setSearch(typeof updater === "function" ? updater(search) : updater),
    onColumnFiltersChange: setColumnFilters,
    initialState: { pagination: { pageIndex: 0, pageSize } },
  });
  const rows = table.getRowModel().rows;
  const total = table.getFilteredRowModel().rows.length;
  const { pageIndex } = table.store.state.pagination;
  const pageCount = Math.max(1, table.getPageCount());

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm">
          <span className="sr-only">{searchLabel}</span>
          <Input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={searchLabel} inline className="w-72" />
        </label>
        {filters.map((f) => {
          const column = table.getColumn(f.columnId);
          return (
            <label key={f.columnId} className="flex items-center gap-2 text-sm text-slate-600">
              {f.label}
              <Select value={String(column?.getFilterValue() ?? "")} onChange={(e) => column?.setFilterValue(e.target.value || undefined)} inline>
                <option value="">All</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </label>
          );
        })}
        <p className="ml-auto text-xs text-slate-500" aria-live="polite">
          {total} {total === 1 ? "row" : "rows"}
        </p>
      </div>
      <Table variant="framed">
        <TableHead rows>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="text-left">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const sortable = header.column.getCanSort();
                return (
                  <Th key={header.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                    {header.isPlaceholder ? null : sortable ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden className="text-slate-500">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </Th>
                );
              })}
            </tr>
          ))}
        </TableHead>
        <TableBody>
          {rows.length === 0 ? (
            <TableEmptyRow colSpan={columns.length}>{emptyMessage}</TableEmptyRow>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getAllCells().map((cell) => (
                  <Td key={cell.id} className="whitespace-nowrap">
                    <table.FlexRender cell={cell} />
                  </Td>
                ))}
              </tr>
            ))
          )}
        </TableBody>
      </Table>
      {pageCount > 1 ? (
        <nav aria-label="Pagination" className="flex items-center justify-end gap-2 text-sm">
          <button
            type="button"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
            className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 disabled:opacity-40"
          >
            Previous
          </button>
          <span className="text-slate-600">
            Page {pageIndex + 1} of {pageCount}
          </span>
          <button
            type="button"
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
            className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 disabled:opacity-40"
          >
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}
