import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/auth/session";
import { portfolioExportResponse } from "@/lib/portfolio/export-response";
import { errorResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** GET /api/portfolio/export?format=csv|json&…the portfolio page's filter and sort parameters */
export async function GET(request: NextRequest) {
  try {
    const user = await requirePermission("cluster:read", request.headers);
    return await portfolioExportResponse(user, request.nextUrl.searchParams);
  } catch (error) {
    return errorResponse(error, "portfolio export");
  }
}
