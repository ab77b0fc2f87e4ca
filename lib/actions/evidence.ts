"use server";

import { formDataToObject, refreshOnSuccess, validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { evidenceInputSchema, removeEvidenceSchema } from "@/lib/evidence/schema";
import { addEvidence, removeEvidence } from "@/lib/evidence/mutations";

/** The attached file of an evidence form, or null when none was chosen. */
function attached(formData: FormData): File | null {
  const file = formData.get("file");
  return file instanceof File && file.size > 0 ? file : null;
}

const add = refreshOnSuccess(
  validatedAction(
    "scorecard:write",
    evidenceInputSchema,
    async (input, user, formData) => {
      const upload = attached(formData);
      return addEvidence(user, input, upload ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : null);
    },
    // the schema checks a file kind has a file; the bytes go to addEvidence
    { read: (formData) => ({ ...formDataToObject(formData), hasFile: attached(formData) ? "true" : "false" }) },
  ),
);

/** Evidence with an optional file: the fields go through the schema, the bytes through addEvidence. */
export async function addEvidenceAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return add(prev, formData);
}

const remove = refreshOnSuccess(validatedAction("scorecard:write", removeEvidenceSchema, (input, user) => removeEvidence(user, input.evidenceId)));

export async function removeEvidenceAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return remove(prev, formData);
}
