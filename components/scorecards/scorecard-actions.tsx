import type { ScorecardState } from "@/lib/domain/constants";
import { formatDay } from "@/lib/format/dates";
import type { ScorecardPage } from "@/lib/scorecards/page-view";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { ReportDownloads } from "@/components/reports/report-downloads";
import { ArchiveScorecardButton } from "./archive-scorecard-button";
import { DeleteScorecardButton } from "./delete-scorecard-button";
import { EditDetailsDialog } from "./edit-details-dialog";
import { Icon } from "./icons";

interface ActionsProps {
  page: ScorecardPage;
  state: ScorecardState;
  owners: { id: string; name: string }[];
  canWrite: boolean;
  canReport: boolean;
}

/** The scorecard header's buttons: reports, review, milestones, and for editors details, archive and (drafts) delete. */
export function ScorecardActions({ page, state, owners, canWrite, canReport }: ActionsProps) {
  return (
    <>
      {canReport ? <ReportDownloads scorecardId={page.id} showView /> : null}
      <ButtonLink href="#review" variant="secondary">
        Design review
      </ButtonLink>
      <ButtonLink href={`/scorecards/${page.id}/milestones`} variant="secondary">
        <Icon name="flag" /> Milestones
      </ButtonLink>
      {canWrite ? (
        <EditDetailsDialog
          id={page.id}
          initial={{
            title: page.title,
            subject: page.subject,
            candidatePlatform: page.candidatePlatform ?? undefined,
            ownerId: page.owner?.id,
            dueDate: page.dueDate ?? undefined,
          }}
          owners={owners}
          today={page.computedAt.slice(0, 10)}
          subjectLocked={state === "draft" ? undefined : "Fixed once the scorecard was sent to review: reviewers signed off what it assesses."}
        />
      ) : null}
      {canWrite ? <ArchiveScorecardButton id={page.id} title={page.title} archived={page.archivedAt !== null} /> : null}
      {state === "draft" && canWrite ? <DeleteScorecardButton id={page.id} title={page.title} /> : null}
    </>
  );
}

/** What the page says above the sections: archived, and what just happened (started, archived, restored). */
export function ScorecardNotices({ page, flags }: { page: ScorecardPage; flags: { created?: string; archived?: string; restored?: string } }) {
  const notices = [
    page.archivedAt ? (
      <Alert key="archived-state" tone="amber" title={`Archived on ${formatDay(page.archivedAt)}`}>
        This scorecard is kept for history and reports but no longer counts towards {page.cluster.name}&apos;s readiness, and it is hidden from the lists.
      </Alert>
    ) : null,
    flags.archived ? (
      <Alert key="archived" tone="green">
        Scorecard archived.
      </Alert>
    ) : null,
    flags.restored ? (
      <Alert key="restored" tone="green">
        {page.isCurrent ? "Scorecard restored: it is its assessment's current scorecard again." : "Scorecard restored."}
      </Alert>
    ) : null,
    flags.created ? (
      <Alert key="created" tone="green">
        Scorecard started. Work through it one section at a time; every change is saved as you go.
      </Alert>
    ) : null,
  ].filter(Boolean);
  return notices.length ? <div className="mb-4 space-y-3">{notices}</div> : null;
}
