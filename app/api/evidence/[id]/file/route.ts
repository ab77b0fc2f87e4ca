import { requirePermission } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getEvidenceFile } from "@/lib/evidence/queries";
import { attachmentDisposition } from "@/lib/http/attachment";
import { errorResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/**
 * Downloads an evidence file for anyone who may read scorecards. Always an attachment with
 * the MIME type decided at upload, never sniffed by the browser, never rendered inline.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("scorecard:read", request.headers);
    const file = await getEvidenceFile(user, (await params).id);
    if (!file) throw new NotFoundError("This file does not exist or was removed.");
    return new Response(Buffer.from(file.data), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.size),
        "Content-Disposition": attachmentDisposition(file.filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
        ETag: `"${file.sha256}"`,
      },
    });
  } catch (error) {
    return errorResponse(error, "evidence file");
  }
}
