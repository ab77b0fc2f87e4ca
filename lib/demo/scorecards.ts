/**
 * Demo scorecards: started from a built-in template and assessed item by item through the
 * same mutations as the scorecard page (evidence first, then the status), so every outcome
 * the demo shows is one the rules computed.
 */
import { getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import type { ItemStatus } from "@/lib/domain/constants";
import { addEvidence } from "@/lib/evidence/mutations";
import { evidenceInputSchema } from "@/lib/evidence/schema";
import { createScorecard, saveScorecardItem } from "@/lib/scorecards/mutations";
import { createScorecardSchema, itemSaveSchema } from "@/lib/scorecards/schema";

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Starts a scorecard of the newest version of a built-in template. */
export async function startDemoScorecard(owner: CurrentUser, clusterId: string, templateKey: string, title: string, dueInDays: number, now: Date) {
  const db = await getDb();
  const template = await db.template.findFirstOrThrow({ where: { key: templateKey }, orderBy: { version: "desc" }, select: { id: true } });
  const input = createScorecardSchema.parse({
    clusterId,
    templateId: template.id,
    title,
    subject: "current",
    ownerId: owner.id,
    dueDate: day(new Date(now.getTime() + dueInDays * DAY)),
  });
  return (await createScorecard(owner, input, now)).id;
}

export interface ItemPlan {
  status: ItemStatus;
  /** age of the evidence in days (0 = today); no evidence when undefined */
  evidenceDaysAgo?: number;
  notes?: string;
  /** the drill this item cites, when not the scorecard's default one */
  drillId?: string;
}

/**
 * Assesses every item: `plan(key, index)` says the status and how old its evidence is. Items
 * that accept drills cite `drillId` (dated by the drill); the others get a link, a metric
 * export link or a note, whichever the item accepts.
 */
export async function assessDemoScorecard(
  user: CurrentUser,
  scorecardId: string,
  drillId: string | null,
  now: Date,
  plan: (key: string, index: number) => ItemPlan,
) {
  const db = await getDb();
  const items = await db.scorecardItem.findMany({
    where: { scorecardId },
    orderBy: { position: "asc" },
    select: { id: true, templateItem: { select: { key: true, title: true, evidenceKinds: true } } },
  });
  for (const [index, item] of items.entries()) {
    const { status, evidenceDaysAgo, notes, drillId: cited = drillId } = plan(item.templateItem.key, index);
    if (status === "not_started") continue;
    if (evidenceDaysAgo !== undefined) {
      const kinds = item.templateItem.evidenceKinds;
      const base = { itemId: item.id, capturedAt: day(new Date(now.getTime() - evidenceDaysAgo * DAY)), realisticTraffic: "on" };
      if (kinds.includes("drill") && cited) {
        // drill evidence is as old as the drill it cites (lib/evidence/dating-rules.ts)
        await addEvidence(user, evidenceInputSchema.parse({ ...base, capturedAt: "", kind: "drill", drillId: cited }), null, now);
      } else if (kinds.includes("link") || kinds.includes("metric_export")) {
        const kind = kinds.includes("link") ? "link" : "metric_export";
        await addEvidence(
          user,
          evidenceInputSchema.parse({ ...base, kind, title: `${item.templateItem.title}: dashboard`, url: "https://grafana.example.com/d/kafka-recovery" }),
          null,
          now,
        );
      } else {
        await addEvidence(
          user,
          evidenceInputSchema.parse({
            ...base,
            kind: "note",
            title: `${item.templateItem.title}: review notes`,
            body: "Walked through with the owning team; findings in the runbook.",
          }),
          null,
          now,
        );
      }
    }
    await setDemoItem(
      user,
      item.id,
      status,
      notes ??
        (status === "pass"
          ? "Checked against the drill and the dashboards."
          : status === "partial"
            ? "Covers the main topics; the long tail is not verified yet."
            : ""),
    );
  }
  return items.map((i) => ({ id: i.id, key: i.templateItem.key }));
}

/** Saves one item's status and notes, as the item editor's autosave does. */
export async function setDemoItem(user: CurrentUser, itemId: string, status: ItemStatus, notes: string) {
  const db = await getDb();
  const { version } = await db.scorecardItem.findUniqueOrThrow({ where: { id: itemId }, select: { version: true } });
  await saveScorecardItem(user, itemSaveSchema.parse({ itemId, version, status, ownerRole: "sre", notes }));
}
