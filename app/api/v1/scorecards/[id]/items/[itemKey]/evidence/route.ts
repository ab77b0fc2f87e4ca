import { apiRoute } from "@/lib/api/handler";
import { addEvidenceEndpoint } from "@/lib/api/endpoints/evidence";
import { findScorecardItemId, readEvidenceSummary } from "@/lib/api/queries";
import { addEvidence } from "@/lib/evidence/mutations";

export const dynamic = "force-dynamic";

export const POST = apiRoute(addEvidenceEndpoint, async ({ user, params, body }) => {
  const itemId = await findScorecardItemId(user, params.id, params.itemKey);
  const { file, ...fields } = body;
  const upload = file ? { name: file.name, bytes: new Uint8Array(Buffer.from(file.contentBase64, "base64")) } : null;
  // the answer is read inside the write's transaction, so it can never fail after the commit
  const { view } = await addEvidence(user, { ...fields, itemId, hasFile: Boolean(upload) }, upload, new Date(), readEvidenceSummary);
  return { data: view };
});
