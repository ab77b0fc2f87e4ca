import { Badge } from "@/components/ui/card";

export function TemplateBadges({ builtIn, version, latest = true }: { builtIn: boolean; version: number; latest?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      {builtIn ? <Badge tone="blue">Built-in</Badge> : <Badge>Custom</Badge>}
      <Badge tone={latest ? "green" : "amber"}>
        v{version}
        {latest ? "" : " (older version)"}
      </Badge>
    </span>
  );
}
