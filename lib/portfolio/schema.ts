/**
 * The portfolio's view state (search, filters, sort, page) as it travels in the URL. One zod
 * schema shared by the page, the export route and the client toolbar, plus the inverse
 * (state → query string) so every link the UI builds round-trips through the same rules.
 */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { ARCHITECTURES, ENVIRONMENTS, OUTCOMES } from "@/lib/domain/constants";

/** Columns the portfolio can be sorted by (all indexed on the cluster table). */
export const PORTFOLIO_SORTS = [
  "name",
  "environment",
  "architecture",
  "ownerTeam",
  "outcome",
  "score",
  "staleEvidenceCount",
  "lastDrillAt",
  "openRedAnswers",
  "pendingSignOffs",
  "regressedAt",
] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** Longest search text accepted; longer input is a mistake or an attack, not a search. */
export const MAX_SEARCH_LENGTH = 100;

/** `outcome=none` selects clusters that have no scorecard yet. */
export const OUTCOME_FILTERS = [...OUTCOMES, "none"] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];

const optionalText = (label: string, max: number) =>
  boundaryString()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((s) => s?.trim() ?? "");

const pageNumber = z.coerce
  .number({ error: "Page must be a number" })
  .int("Page must be a whole number")
  .min(1, "Page must be at least 1")
  .max(1_000_000, "Page is too large");

export const portfolioQuerySchema = z.object({
  q: optionalText("Search", MAX_SEARCH_LENGTH),
  env: z.enum(ENVIRONMENTS, { error: "Choose a valid environment" }).optional(),
  arch: z.enum(ARCHITECTURES, { error: "Choose a valid architecture" }).optional(),
  outcome: z.enum(OUTCOME_FILTERS, { error: "Choose a valid outcome" }).optional(),
  team: optionalText("Team", 100),
  /** a template key: clusters with a current scorecard of it (and `outcome` then means that template's outcome) */
  template: optionalText("Template", 100),
  regressed: z
    .enum(["1", "0", "true", "false"], { error: "regressed must be 1 or 0" })
    .optional()
    .transform((v) => v === "1" || v === "true"),
  sort: z.enum(PORTFOLIO_SORTS, { error: "Choose a valid sort column" }).default("name"),
  dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("asc"),
  page: pageNumber.default(1),
  size: z.coerce
    .number({ error: "Page size must be a number" })
    .int("Page size must be a whole number")
    .min(1, "Page size must be at least 1")
    .max(MAX_PAGE_SIZE, `Page size must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
});

export type PortfolioQuery = z.output<typeof portfolioQuerySchema>;

/** What Next passes as searchParams (or URLSearchParams flattened): repeated keys use the first. */
export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function flatten(raw: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    // blank values mean "no filter" (an emptied select or search box)
    if (first !== undefined && first !== "" && !(key in out)) out[key] = first;
  }
  return out;
}

/** Strict parse for the export API: any bad value is a 400 with the issues. */
export function parsePortfolioQuery(raw: RawParams) {
  return portfolioQuerySchema.safeParse(flatten(raw));
}

/**
 * Lenient parse for the page: a hand-edited or stale URL must not break the page, so each
 * invalid parameter is dropped (falls back to its default) and reported.
 */
export function readPortfolioQuery(raw: RawParams): { query: PortfolioQuery; ignored: string[] } {
  const values = flatten(raw);
  const first = portfolioQuerySchema.safeParse(values);
  if (first.success) return { query: first.data, ignored: [] };
  const ignored = [...new Set(first.error.issues.map((i) => String(i.path[0])))];
  for (const key of ignored) delete values[key];
  return { query: portfolioQuerySchema.parse(values), ignored };
}

export const DEFAULT_QUERY: PortfolioQuery = portfolioQuerySchema.parse({});

/** Filter fields only (no sort or paging), e.g. for an export or a campaign selection. */
export type PortfolioFilter = Pick<PortfolioQuery, "q" | "env" | "arch" | "outcome" | "team" | "regressed"> & { template?: string };

/**
 * The query string for a view state, leaving out defaults so URLs stay short. `patch`
 * overrides fields; changing any filter or the sort should also reset `page` to 1.
 */
export function toSearchParams(query: PortfolioQuery, patch: Partial<PortfolioQuery> = {}): URLSearchParams {
  const next = { ...query, ...patch };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.env) params.set("env", next.env);
  if (next.arch) params.set("arch", next.arch);
  if (next.outcome) params.set("outcome", next.outcome);
  if (next.team) params.set("team", next.team);
  if (next.template) params.set("template", next.template);
  if (next.regressed) params.set("regressed", "1");
  if (next.sort !== DEFAULT_QUERY.sort || next.dir !== DEFAULT_QUERY.dir) {
    params.set("sort", next.sort);
    params.set("dir", next.dir);
  }
  if (next.page !== 1) params.set("page", String(next.page));
  if (next.size !== DEFAULT_PAGE_SIZE) params.set("size", String(next.size));
  return params;
}

/** `?…` for links (empty string when everything is at its default). */
export function toQueryString(query: PortfolioQuery, patch: Partial<PortfolioQuery> = {}): string {
  const s = toSearchParams(query, patch).toString();
  return s ? `?${s}` : "";
}

/** Whether any filter narrows the portfolio. */
export function hasFilter(filter: PortfolioFilter): boolean {
  return Boolean(filter.q || filter.env || filter.arch || filter.outcome || filter.team || filter.template || filter.regressed);
}
