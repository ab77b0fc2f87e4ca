import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/respond";
import { reportFormatSchema } from "@/lib/reports/schema";
import { reportDownloadResponse } from "@/lib/reports/response";

export const dynamic = "force-dynamic";

/** GET /api/scorecards/{id}/report?format=pdf|md|json|junit — the readiness report as a download. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("report:read", request.headers);
    const format = reportFormatSchema.safeParse(request.nextUrl.searchParams.get("format") ?? "pdf");
    if (!format.success) {
      return Response.json({ error: "Invalid query parameters.", issues: [{ path: "format", message: format.error.issues[0].message }] }, { status: 400 });
    }
    return await reportDownloadResponse(user, (await params).id, format.data);
  } catch (error) {
    return errorResponse(error, "scorecard report");
  }
}
