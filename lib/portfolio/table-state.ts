/**
 * The bridge between the URL state (PortfolioQuery) and TanStack Table's state slices
 * (sorting, columnFilters, globalFilter, pagination). The table runs in manual mode: it
 * only records what the person asked for; every change becomes a new URL, and the server
 * filters, sorts and paginates. Pure, so both directions are unit-tested.
 */
import { ARCHITECTURES, ENVIRONMENTS, type Architecture, type Environment } from "@/lib/domain/constants";
import { OUTCOME_FILTERS, PORTFOLIO_SORTS, type OutcomeFilter, type PortfolioQuery, type PortfolioSort } from "./schema";

export interface SortingEntry {
  id: string;
  desc: boolean;
}
export interface ColumnFilterEntry {
  id: string;
  value: unknown;
}
export interface PaginationSlice {
  pageIndex: number;
  pageSize: number;
}

export interface PortfolioTableState {
  sorting: SortingEntry[];
  columnFilters: ColumnFilterEntry[];
  globalFilter: string;
  pagination: PaginationSlice;
}

/** Column ids the filters live on (the URL uses shorter names). */
export const FILTER_COLUMNS = {
  environment: "env",
  architecture: "arch",
  outcome: "outcome",
  ownerTeam: "team",
  templateOutcomes: "template",
  regressedAt: "regressed",
} as const;

export function toTableState(query: PortfolioQuery): PortfolioTableState {
  const columnFilters: ColumnFilterEntry[] = [];
  if (query.env) columnFilters.push({ id: "environment", value: query.env });
  if (query.arch) columnFilters.push({ id: "architecture", value: query.arch });
  if (query.outcome) columnFilters.push({ id: "outcome", value: query.outcome });
  if (query.team) columnFilters.push({ id: "ownerTeam", value: query.team });
  if (query.template) columnFilters.push({ id: "templateOutcomes", value: query.template });
  if (query.regressed) columnFilters.push({ id: "regressedAt", value: true });
  return {
    sorting: [{ id: query.sort, desc: query.dir === "desc" }],
    columnFilters,
    globalFilter: query.q,
    pagination: { pageIndex: query.page - 1, pageSize: query.size },
  };
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined => ((values as readonly unknown[]).includes(v) ? (v as T) : undefined);

/** Filters and search as a query patch; any filter change starts again at page 1. */
export function filtersToQuery(columnFilters: ColumnFilterEntry[], globalFilter: string): Partial<PortfolioQuery> {
  const value = (id: string) => columnFilters.find((f) => f.id === id)?.value;
  const team = value("ownerTeam");
  const template = value("templateOutcomes");
  return {
    q: globalFilter.trim().slice(0, 100),
    env: oneOf<Environment>(ENVIRONMENTS, value("environment")),
    arch: oneOf<Architecture>(ARCHITECTURES, value("architecture")),
    outcome: oneOf<OutcomeFilter>(OUTCOME_FILTERS, value("outcome")),
    team: typeof team === "string" ? team : "",
    template: typeof template === "string" ? template.slice(0, 100) : "",
    regressed: value("regressedAt") === true,
    page: 1,
  };
}

/** Sorting as a query patch (no sort → by name); a new sort starts again at page 1. */
export function sortingToQuery(sorting: SortingEntry[]): Partial<PortfolioQuery> {
  const first = sorting[0];
  const sort = oneOf<PortfolioSort>(PORTFOLIO_SORTS, first?.id);
  if (!first || !sort) return { sort: "name", dir: "asc", page: 1 };
  return { sort, dir: first.desc ? "desc" : "asc", page: 1 };
}

/** Pagination as a query patch; changing the page size goes back to page 1. */
export function paginationToQuery(next: PaginationSlice, current: PaginationSlice): Partial<PortfolioQuery> {
  if (next.pageSize !== current.pageSize) return { size: next.pageSize, page: 1 };
  return { page: next.pageIndex + 1 };
}
