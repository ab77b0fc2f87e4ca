/** Inputs of the API token admin page. */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { textField } from "@/lib/validation/fields";
import { API_SCOPES, TOKEN_LIFETIMES_DAYS } from "./scopes";

const LIFETIMES = TOKEN_LIFETIMES_DAYS.map(String) as [string, ...string[]];

export const createTokenSchema = z.object({
  name: textField("Name", 80),
  // one checkbox arrives as a string, several as an array
  scopes: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(API_SCOPES, { error: "Choose scopes from the list" }))
      .min(1, "Choose at least one scope")
      .transform((s) => [...new Set(s)]),
  ),
  expiresInDays: z.enum(LIFETIMES, { error: `Choose an expiry: ${TOKEN_LIFETIMES_DAYS.join(", ")} days` }).transform(Number),
});

export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({ id: boundaryString({ error: "Missing token" }).min(1, "Missing token").max(64) });
