import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/auth/session";
import { ApiRequestError, errorResponse, toIssues } from "@/lib/http/respond";
import { ndjsonResponse } from "@/lib/http/ndjson";
import { pullDrillMetrics } from "@/lib/prometheus/pull-mutations";
import { idField } from "@/lib/validation/fields";

export const dynamic = "force-dynamic";

/**
 * POST /api/drills/{id}/metrics/pull — the drill page's "Pull metrics from Prometheus", with
 * the session cookie (same-origin only, lib/http/request-guard.ts). Answers a stream: one
 * `{ type: "query", query }` line as each query lands, then `{ type: "done", result }` or
 * `{ type: "error", status, error, issues }`. The JSON API's POST /api/v1/drills/{id}/metrics/pull
 * runs the same pull and answers once.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  let user;
  let drillId;
  try {
    user = await requirePermission("drill:write", request.headers);
    const id = idField("drill").safeParse((await params).id);
    if (!id.success) throw new ApiRequestError("The drill id is not valid.", 400, toIssues(id.error));
    drillId = id.data;
  } catch (error) {
    return errorResponse(error, "metrics pull");
  }
  return ndjsonResponse("metrics pull", async (send) => {
    const result = await pullDrillMetrics(user, drillId, (query) => send({ type: "query", query }));
    send({ type: "done", result });
  });
}
