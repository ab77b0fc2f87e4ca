import { ENVIRONMENT_LABELS, type Environment } from "@/lib/domain/constants";
import { Badge } from "@/components/ui/badge";

// Red and amber mean problems everywhere else in Drillbook, so an environment never uses them:
// production stands out in the brand colour, the others stay neutral.
const TONE = { production: "blue", staging: "slate", development: "slate" } as const satisfies Record<Environment, string>;

/** The environment of a cluster as a badge. */
export function EnvironmentBadge({ environment }: { environment: Environment }) {
  return <Badge tone={TONE[environment]}>{ENVIRONMENT_LABELS[environment]}</Badge>;
}
