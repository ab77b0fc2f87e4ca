import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getRecoveryModelData } from "@/lib/recovery-model/queries";
import { Card } from "@/components/ui/card";
import { RecoveryModelPanel } from "./recovery-model-panel";

/** The cluster page's recovery model: broker-local versus shared storage, against the drills. */
export async function RecoveryModelSection({ clusterId, user }: { clusterId: string; user: CurrentUser }) {
  const data = await getRecoveryModelData(user, clusterId);
  if (!data) return null;
  return (
    <div className="mt-6">
      <Card title="Recovery model: what one broker failure costs">
        <RecoveryModelPanel cluster={data.cluster} drills={data.drills} canWrite={can(user.role, "cluster:write")} />
      </Card>
    </div>
  );
}
