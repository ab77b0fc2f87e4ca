import { Badge } from "@/components/ui/badge";

export function TemplateBadges({
  builtIn,
  version,
  latest = true,
  archived = false,
}: {
  builtIn: boolean;
  version: number;
  latest?: boolean;
  archived?: boolean;
}) {
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      {builtIn ? <Badge tone="blue">Built-in</Badge> : <Badge>Custom</Badge>}
      <Badge tone={latest ? "green" : "amber"}>
        v{version}
        {latest ? "" : " (older version)"}
      </Badge>
      {archived ? <Badge tone="slate">Archived</Badge> : null}
    </span>
  );
}
