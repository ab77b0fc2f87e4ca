import { readinessReportJsonSchema } from "@/lib/reports/schema";

/** The JSON Schema of readiness reports, generated from the zod schema. Public: it holds no data. */
export function GET() {
  return Response.json(readinessReportJsonSchema(), { headers: { "Cache-Control": "public, max-age=300" } });
}
