import Link from "next/link";
import type { TemplateDetail } from "@/lib/templates/queries";
import { formatLongDay } from "@/lib/format/dates";
import { Alert } from "@/components/ui/alert";

const SAVED: Record<string, string> = {
  in_place: "Template saved.",
  new_version: "Saved as a new version. Scorecards started from the previous version keep using it.",
  unchanged: "Nothing changed, so nothing was saved.",
};

export type TemplateFlags = { imported?: string; saved?: string; archived?: string; restored?: string };

/** What the page says above the sections: archived, just saved or imported, an older version, built in. */
export function TemplateNotices({ t, flags, canWrite }: { t: TemplateDetail; flags: TemplateFlags; canWrite: boolean }) {
  const latestId = t.versions[0]?.id;
  return (
    <>
      {t.archivedAt ? (
        <div className="mb-4">
          <Alert tone="amber" title={`Archived on ${formatLongDay(t.archivedAt)}`}>
            No new scorecard or campaign can use this template. Scorecards already started from it keep working.
          </Alert>
        </div>
      ) : null}
      {flags.archived || flags.restored ? (
        <div className="mb-4">
          <Alert tone="green">{flags.archived ? "Template archived." : "Template restored: it can start scorecards again."}</Alert>
        </div>
      ) : null}
      {flags.imported ? (
        <div className="mb-4">
          <Alert tone="green">Template imported.</Alert>
        </div>
      ) : null}
      {flags.saved && SAVED[flags.saved] ? (
        <div className="mb-4">
          <Alert tone="green">{SAVED[flags.saved]}</Alert>
        </div>
      ) : null}
      {!t.isLatest && latestId ? (
        <div className="mb-4">
          <Alert tone="amber" title={`This is version ${t.version}; the latest is version ${t.latestVersion}.`}>
            Scorecards started from this version keep it.{" "}
            <Link href={`/templates/${latestId}`} className="font-medium underline">
              Open the latest version
            </Link>
            .
          </Alert>
        </div>
      ) : null}
      {t.builtIn && canWrite ? (
        <div className="mb-4">
          <Alert tone="blue">Built-in templates are read-only so every team starts from the same baseline. Clone this one to adapt it.</Alert>
        </div>
      ) : null}
    </>
  );
}
