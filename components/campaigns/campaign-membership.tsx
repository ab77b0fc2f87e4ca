"use client";

import { useActionState, useState } from "react";
import { changeCampaignClustersAction } from "@/lib/actions/campaigns";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { ClusterPicker, type PickedCluster } from "./cluster-picker";

function Result({ state }: { state: ActionState }) {
  if (state.status === "error")
    return (
      <p role="alert" className="text-sm text-red-600">
        {state.message}
      </p>
    );
  if (state.status === "ok") {
    const { added, removed } = state.data as { added: number; removed: number };
    return (
      <p role="status" className="text-sm text-emerald-700">
        {added ? `Added ${added} cluster(s).` : removed ? `Removed ${removed} cluster(s).` : "Nothing changed."}
      </p>
    );
  }
  return null;
}

/** Adds picked clusters to a campaign. */
export function AddCampaignClusters({ campaignId }: { campaignId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changeCampaignClustersAction, idleState);
  const [picked, setPicked] = useState<PickedCluster[]>([]);
  return (
    <form
      action={async (formData) => {
        await action(formData);
        setPicked([]);
      }}
      className="space-y-3"
    >
      <input type="hidden" name="id" value={campaignId} />
      <ClusterPicker name="add" picked={picked} onChange={setPicked} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || picked.length === 0}>
          {pending ? "Adding…" : picked.length ? `Add ${picked.length} to campaign` : "Add to campaign"}
        </Button>
        <Result state={state} />
      </div>
    </form>
  );
}

/** Takes one cluster out of a campaign (the cluster itself is untouched, so no confirmation). */
export function RemoveCampaignCluster({ campaignId, clusterId, clusterName }: { campaignId: string; clusterId: string; clusterName: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changeCampaignClustersAction, idleState);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={campaignId} />
      <input type="hidden" name="remove" value={clusterId} />
      <button
        type="submit"
        disabled={pending}
        className="text-xs text-slate-500 hover:text-red-700 hover:underline"
        aria-label={`Remove ${clusterName} from this campaign`}
      >
        {pending ? "Removing…" : "Remove"}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="ml-2 text-xs text-red-600">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
