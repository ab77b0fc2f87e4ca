import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/respond";
import { searchClusters } from "@/lib/portfolio/queries";

export const dynamic = "force-dynamic";

/** GET /api/portfolio/clusters?q=… — up to 20 clusters by name, team or region (for pickers). */
export async function GET(request: NextRequest) {
  try {
    const user = await requirePermission("cluster:read", request.headers);
    const q = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
    return Response.json({ clusters: await searchClusters(user, q) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "portfolio clusters");
  }
}
