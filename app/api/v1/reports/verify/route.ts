import { apiRoute } from "@/lib/api/handler";
import { verifyReportEndpoint } from "@/lib/api/endpoints/reports";
import { verifyReport } from "@/lib/reports/verify";

export const dynamic = "force-dynamic";

export const POST = apiRoute(verifyReportEndpoint, async ({ user, body }) => ({ data: await verifyReport(user, body) }));
