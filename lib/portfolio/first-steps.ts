/**
 * The "what to do first" panel of a new installation: add a cluster, start a scorecard, record a
 * drill. Each step is done when the data says so (not when someone dismissed it), so the panel
 * goes away by itself once the three exist. Sample data does not count: it is there to look at,
 * not a sign that the team has started.
 */

/** What exists that the team added itself (sample data excluded). */
export interface FirstStepCounts {
  clusters: number;
  scorecards: number;
  drills: number;
  /** a cluster of the team's own, where its first scorecard is started */
  firstClusterId: string | null;
}

export interface FirstStep {
  key: "cluster" | "scorecard" | "drill";
  title: string;
  description: string;
  href: string;
  action: string;
  done: boolean;
}

/** The three first steps with their state, or null once all are done. */
export function firstSteps(counts: FirstStepCounts): FirstStep[] | null {
  const steps: FirstStep[] = [
    {
      key: "cluster",
      title: "Add a cluster",
      description: "Name, environment and architecture; brokers, zones and traffic feed the recovery model.",
      href: "/clusters/new",
      action: "New cluster",
      done: counts.clusters > 0,
    },
    {
      key: "scorecard",
      title: "Start a scorecard",
      description: "Evaluate the cluster against a template, item by item, with evidence.",
      href: counts.firstClusterId ? `/clusters/${counts.firstClusterId}` : "/clusters",
      action: counts.firstClusterId ? "Open the cluster" : "Clusters",
      done: counts.scorecards > 0,
    },
    {
      key: "drill",
      title: "Record a drill",
      description: "Kill a broker or move leaders under load, then record what you measured.",
      href: "/drills/new",
      action: "New drill",
      done: counts.drills > 0,
    },
  ];
  return steps.every((s) => s.done) ? null : steps;
}
