/**
 * Builds the portfolio export response (CSV or JSON) for a user and the page's query
 * parameters. Kept out of the route file so integration tests call it with a user directly.
 */
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { toCsv } from "./export";
import { badQueryResponse, errorResponse } from "@/lib/http/respond";
import { exportPortfolio, listAssessedTemplates } from "./queries";
import { describeFilter } from "./rules";
import { parsePortfolioQuery } from "./schema";

const formatSchema = z.enum(["csv", "json"], { error: "format must be csv or json" });

export async function portfolioExportResponse(user: CurrentUser, params: URLSearchParams, now = new Date()): Promise<Response> {
  const format = formatSchema.safeParse(params.get("format") ?? "csv");
  const rest = new URLSearchParams(params);
  rest.delete("format");
  const query = parsePortfolioQuery(rest);
  if (!format.success) return badQueryResponse(format.error, "portfolio export");
  if (!query.success) return badQueryResponse(query.error, "portfolio export");
  try {
    const { records, total, truncated } = await exportPortfolio(user, query.data);
    const stamp = now.toISOString().slice(0, 10);
    const headers: Record<string, string> = {
      "cache-control": "no-store",
      "content-disposition": `attachment; filename="drillbook-portfolio-${stamp}.${format.data}"`,
      "x-drillbook-total": String(total),
    };
    if (format.data === "csv") {
      if (truncated) headers["x-drillbook-truncated"] = "true";
      // a BOM lets spreadsheet programs read the file as UTF-8
      return new Response("\uFEFF" + toCsv(records), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
    }
    const { q, env, arch, outcome, team, template, regressed, sort, dir } = query.data;
    const templateName = template ? (await listAssessedTemplates(user)).find((t) => t.key === template)?.name : undefined;
    const body = {
      generatedAt: now.toISOString(),
      filter: { q, env: env ?? null, arch: arch ?? null, outcome: outcome ?? null, team, template: template || null, regressed, sort, dir },
      description: describeFilter(query.data, templateName ?? template),
      total,
      truncated,
      clusters: records,
    };
    return new Response(JSON.stringify(body, null, 2), { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
  } catch (error) {
    return errorResponse(error, "portfolio export");
  }
}
