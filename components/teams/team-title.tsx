import { Badge } from "@/components/ui/badge";

/** A team's name as a page title, marked when archived (the team page and Admin → Teams). */
export function TeamTitle({ name, archivedAt }: { name: string; archivedAt: string | null }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      {name} {archivedAt ? <Badge tone="amber">Archived</Badge> : null}
    </span>
  );
}
