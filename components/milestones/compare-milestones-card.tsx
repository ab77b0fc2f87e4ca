import type { MilestoneRow } from "@/lib/milestones/queries";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { formatDay } from "@/lib/format/dates";

/** Picks two milestones (newest first: the second newest as "before") and opens their comparison. */
export function CompareMilestonesCard({ scorecardId, milestones }: { scorecardId: string; milestones: MilestoneRow[] }) {
  return (
    <Card title="Compare two milestones">
      {milestones.length < 2 ? (
        <p className="text-sm text-slate-600">Take at least two milestones to compare them side by side.</p>
      ) : (
        <form action={`/scorecards/${scorecardId}/milestones/compare`} method="get" className="space-y-3">
          <MilestoneSelect id="compare-a" name="a" label="Before" milestones={milestones} defaultValue={milestones[1].id} />
          <MilestoneSelect id="compare-b" name="b" label="After" milestones={milestones} defaultValue={milestones[0].id} />
          <Button type="submit">Compare</Button>
        </form>
      )}
    </Card>
  );
}

function MilestoneSelect({
  id,
  name,
  label,
  milestones,
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  milestones: MilestoneRow[];
  defaultValue: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <Select id={id} name={name} defaultValue={defaultValue} className="mt-1">
        {milestones.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} · {formatDay(m.createdAt)}
          </option>
        ))}
      </Select>
    </div>
  );
}
