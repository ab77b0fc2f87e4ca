/** The readiness gate (scope "read"): one `curl --fail` in a deploy or cutover pipeline. */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { OUTCOMES } from "@/lib/domain/constants";
import { defineEndpoint } from "../registry";

const outcome = z.enum(OUTCOMES);

export const readinessGateSchema = z.object({
  pass: z.boolean().meta({ description: "The outcome meets the required one" }),
  required: outcome,
  outcome: outcome.nullable().meta({ description: "The outcome now; null when the cluster has no scorecard of the template" }),
  score: z.number().nullable(),
  reasons: z
    .array(z.object({ severity: z.enum(["blocker", "gap", "missing"]), text: z.string() }))
    .meta({ description: "Why the requirement is not met (empty when it is)" }),
  cluster: z.object({ id: z.string(), name: z.string() }),
  template: z.object({ key: z.string(), name: z.string() }).nullable(),
  scorecard: z.object({ id: z.string(), title: z.string(), state: z.string() }).nullable(),
  version: z.number().int().nullable().meta({ description: "The scorecard's content version" }),
  contentHash: z.string().nullable().meta({ description: "SHA-256 of the scorecard's content at that version (the hash sign-offs and reports carry)" }),
  evaluatedAt: z.string().meta({ format: "date-time" }),
});

export const readinessGateEndpoint = defineEndpoint({
  method: "GET",
  path: "/clusters/{id}/readiness",
  operationId: "readinessGate",
  summary: "Readiness gate: does the cluster meet a required outcome?",
  description:
    "By cluster id or name. With `template`, the cluster's current scorecard of that template decides; without, the cluster's readiness (its weakest " +
    "current outcome). The outcome is computed at the time of the request, so evidence that turned stale counts. 200 when the requirement is met, " +
    "412 with the same body and the reasons when it is not — `curl --fail` stops the pipeline.",
  tag: "Readiness",
  permission: "scorecard:read",
  params: z.object({ id: boundaryString().min(1).max(200).meta({ description: "The cluster's id or name" }) }),
  query: z.object({
    template: boundaryString().trim().min(1).max(100).optional().meta({ description: "Template key, e.g. broker-failure-recovery" }),
    require: outcome.default("production_test").meta({ description: "The outcome the pipeline needs (default production_test)" }),
  }),
  response: z.object({ data: readinessGateSchema }),
  unmet: { status: 412, description: "The requirement is not met: the same body, with the reasons", when: (body) => !body.data.pass },
  errors: [404],
});
