import { describe, expect, it } from "vitest";
import { filtersToQuery, paginationToQuery, sortingToQuery, toTableState } from "./table-state";
import { readPortfolioQuery, toQueryString } from "./schema";

describe("portfolio table state ⇄ URL", () => {
  const query = readPortfolioQuery({
    q: "orders",
    env: "production",
    outcome: "none",
    team: "core",
    regressed: "1",
    sort: "score",
    dir: "desc",
    page: "3",
    size: "50",
  }).query;

  it("maps the URL to TanStack state slices", () => {
    expect(toTableState(query)).toEqual({
      sorting: [{ id: "score", desc: true }],
      columnFilters: [
        { id: "environment", value: "production" },
        { id: "outcome", value: "none" },
        { id: "ownerTeam", value: "core" },
        { id: "regressedAt", value: true },
      ],
      globalFilter: "orders",
      pagination: { pageIndex: 2, pageSize: 50 },
    });
  });

  it("maps the state back, resetting the page when filters or sorting change", () => {
    const state = toTableState(query);
    const back = { ...query, ...filtersToQuery(state.columnFilters, state.globalFilter), ...sortingToQuery(state.sorting) };
    expect(back).toEqual({ ...query, page: 1 });
    expect(toQueryString(query, filtersToQuery([{ id: "architecture", value: "apache_kafka" }], " x "))).toBe(
      "?q=x&arch=apache_kafka&sort=score&dir=desc&size=50",
    );
  });

  it("ignores unknown values and falls back to sorting by name", () => {
    expect(filtersToQuery([{ id: "environment", value: "moon" }], "")).toMatchObject({ env: undefined, page: 1 });
    expect(sortingToQuery([])).toEqual({ sort: "name", dir: "asc", page: 1 });
    expect(sortingToQuery([{ id: "password", desc: true }])).toEqual({ sort: "name", dir: "asc", page: 1 });
  });

  it("moves pages and resets to page 1 on a new page size", () => {
    expect(paginationToQuery({ pageIndex: 3, pageSize: 25 }, { pageIndex: 2, pageSize: 25 })).toEqual({ page: 4 });
    expect(paginationToQuery({ pageIndex: 3, pageSize: 100 }, { pageIndex: 3, pageSize: 25 })).toEqual({ size: 100, page: 1 });
  });
});
