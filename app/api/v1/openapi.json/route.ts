import { registeredEndpoints } from "@/lib/api/endpoints";
import { buildOpenApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 document, generated from the endpoint registry. Public: it holds no data. */
export function GET() {
  return Response.json(buildOpenApiDocument(registeredEndpoints()), { headers: { "Cache-Control": "public, max-age=300" } });
}
