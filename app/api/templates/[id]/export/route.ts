import { requirePermission } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/http/attachment";
import { errorResponse } from "@/lib/http/respond";
import { getTemplateDocument } from "@/lib/templates/queries";

export const dynamic = "force-dynamic";

/** Downloads one template version as a JSON document that the import accepts unchanged. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("template:read", request.headers);
    const found = await getTemplateDocument(user, (await params).id);
    if (!found) throw new NotFoundError("This template does not exist.");
    return new Response(`${JSON.stringify(found.document, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": attachmentDisposition(`${found.document.key}-v${found.version}.json`),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, "template export");
  }
}
