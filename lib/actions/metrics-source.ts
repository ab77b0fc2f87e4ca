"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { setClusterMetricsSource } from "@/lib/prometheus/datasource-mutations";
import { metricsSourceInputSchema } from "@/lib/prometheus/datasource-schema";
import { idField } from "@/lib/validation/fields";

/** The form sends each query as its own field, `queries.<key>`; the schema wants one object. */
const formSchema = z.preprocess(
  (raw) => {
    const r = raw as Record<string, string>;
    const queries = Object.fromEntries(
      Object.entries(r)
        .filter(([k]) => k.startsWith("queries."))
        .map(([k, v]) => [k.slice("queries.".length), v]),
    );
    return { ...r, queries };
  },
  z.object({ clusterId: idField("cluster") }).and(metricsSourceInputSchema),
);

const save = validatedAction("cluster:write", formSchema, ({ clusterId, ...input }, user) => setClusterMetricsSource(user, clusterId, input));

/** Links the cluster to a data source with its matchers and query overrides. */
export async function saveMetricsSourceAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await save(prev, formData);
  if (state.status === "ok") {
    revalidatePath(`/clusters/${state.data.clusterId}`);
    return { ...state, message: "Metrics source saved." };
  }
  return state;
}
