import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY, parsePortfolioQuery, readPortfolioQuery, toQueryString } from "./schema";

describe("portfolio URL state", () => {
  it("defaults to page 1 of 25 sorted by name", () => {
    expect(DEFAULT_QUERY).toMatchObject({ q: "", team: "", regressed: false, sort: "name", dir: "asc", page: 1, size: 25 });
    expect(toQueryString(DEFAULT_QUERY)).toBe("");
  });

  it("round-trips every field through the query string", () => {
    const { query, ignored } = readPortfolioQuery({
      q: " orders ",
      env: "production",
      arch: "apache_kafka",
      outcome: "none",
      team: "payments",
      template: "leader-movement-recovery",
      regressed: "1",
      sort: "score",
      dir: "desc",
      page: "3",
      size: "10",
    });
    expect(ignored).toEqual([]);
    expect(query).toEqual({
      q: "orders",
      env: "production",
      arch: "apache_kafka",
      outcome: "none",
      team: "payments",
      template: "leader-movement-recovery",
      regressed: true,
      sort: "score",
      dir: "desc",
      page: 3,
      size: 10,
    });
    const again = readPortfolioQuery(new URLSearchParams(toQueryString(query).slice(1))).query;
    expect(again).toEqual(query);
  });

  it("treats blank values as no filter and takes the first of repeated keys", () => {
    const { query } = readPortfolioQuery({ env: "", q: ["a", "b"] });
    expect(query.env).toBeUndefined();
    expect(query.q).toBe("a");
  });

  it("the page drops invalid parameters one by one and keeps the rest", () => {
    const { query, ignored } = readPortfolioQuery({ env: "prod", sort: "password", page: "-2", size: "1000", team: "core" });
    expect(ignored.sort()).toEqual(["env", "page", "size", "sort"]);
    expect(query.env).toBeUndefined();
    expect(query).toMatchObject({ sort: "name", page: 1, size: 25, team: "core" });
  });

  it("the API reports invalid parameters with readable messages", () => {
    const parsed = parsePortfolioQuery(new URLSearchParams("outcome=great&size=abc&q=" + "x".repeat(101)));
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining(["outcome: Choose a valid outcome", "size: Page size must be a number", "q: Search must be at most 100 characters"]),
    );
  });

  it("changing a filter through the patch can reset the page", () => {
    const { query } = readPortfolioQuery({ page: "4", env: "staging" });
    expect(toQueryString(query, { env: "production", page: 1 })).toBe("?env=production");
  });
});
