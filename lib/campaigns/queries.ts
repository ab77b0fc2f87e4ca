/** Read side of campaigns: the list with progress, one campaign with its shortfall. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { OUTCOMES, type Environment, type Outcome } from "@/lib/domain/constants";
import { evaluateScorecard } from "@/lib/scorecards/evaluate";
import { outcomeRank } from "@/lib/portfolio/rules";
import { campaignProgress, dueStatus, meetsTarget, type CampaignProgress, type DueStatus } from "./rules";

/** Short clusters whose reasons are computed on the campaign page (the rest are listed without). */
export const REASONS_LIMIT = 50;
const REASONS_CONCURRENCY = 5;

function assertRead(user: CurrentUser) {
  if (!can(user.role, "cluster:read")) throw new ForbiddenError();
}

export interface CampaignSummary {
  id: string;
  name: string;
  targetOutcome: Outcome;
  dueDate: string;
  selection: string;
  progress: CampaignProgress;
  status: DueStatus;
}

async function outcomeCounts(campaignIds: string[]) {
  const db = await getDb();
  if (campaignIds.length === 0) return [];
  // one aggregate over the membership table instead of loading every member row
  return db.$queryRaw<{ campaignId: string; outcome: Outcome | null; count: bigint }[]>`
    SELECT cc."campaignId", c."outcome"::text AS "outcome", count(*) AS "count"
    FROM "campaign_cluster" cc JOIN "cluster" c ON c."id" = cc."clusterId"
    WHERE cc."campaignId" = ANY(${campaignIds})
    GROUP BY cc."campaignId", c."outcome"`;
}

/** Every campaign with its progress, soonest due first. */
export async function listCampaigns(user: CurrentUser, now = new Date()): Promise<CampaignSummary[]> {
  assertRead(user);
  const db = await getDb();
  const campaigns = await db.campaign.findMany({
    orderBy: [{ dueDate: "asc" }, { name: "asc" }],
    take: 500,
    select: { id: true, name: true, targetOutcome: true, dueDate: true, selection: true },
  });
  const counts = await outcomeCounts(campaigns.map((c) => c.id));
  return campaigns.map((c) => {
    const mine = counts.filter((r) => r.campaignId === c.id).map((r) => ({ outcome: r.outcome, count: Number(r.count) }));
    const progress = campaignProgress(mine, c.targetOutcome);
    return { ...c, dueDate: c.dueDate.toISOString(), progress, status: dueStatus(c.dueDate, progress, now) };
  });
}

export interface CampaignMember {
  id: string;
  name: string;
  environment: Environment;
  ownerTeam: string;
  outcome: Outcome | null;
  score: number | null;
  staleEvidenceCount: number;
  openRedAnswers: number;
  regressionReason: string | null;
  atTarget: boolean;
  /** What keeps it from its next outcome (computed for the first REASONS_LIMIT short clusters). */
  reasons: string[] | null;
}

export interface CampaignDetail extends CampaignSummary {
  description: string;
  revision: number;
  short: CampaignMember[];
  done: CampaignMember[];
}

/** One campaign with progress, the clusters short of the target (with reasons) and those done. */
export async function getCampaign(user: CurrentUser, id: string, now = new Date()): Promise<CampaignDetail | null> {
  assertRead(user);
  const db = await getDb();
  const campaign = await db.campaign.findUnique({
    where: { id },
    select: { id: true, name: true, targetOutcome: true, dueDate: true, selection: true, description: true, revision: true },
  });
  if (!campaign) return null;
  const members = await db.cluster.findMany({
    where: { campaigns: { some: { campaignId: id } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, environment: true, ownerTeam: true, outcome: true, score: true, staleEvidenceCount: true, openRedAnswers: true, regressionReason: true },
  });
  const rows: CampaignMember[] = members.map((m) => ({ ...m, atTarget: meetsTarget(m.outcome, campaign.targetOutcome), reasons: null }));
  // furthest from the target first
  const short = rows.filter((r) => !r.atTarget).sort((a, b) => outcomeRank(a.outcome) - outcomeRank(b.outcome) || a.name.localeCompare(b.name));
  // a few at a time: parallel enough to hide round trips, few enough to leave the pool to others
  const explained = short.slice(0, REASONS_LIMIT);
  for (let i = 0; i < explained.length; i += REASONS_CONCURRENCY) {
    await Promise.all(explained.slice(i, i + REASONS_CONCURRENCY).map(async (m) => (m.reasons = await reasonsFor(m, now))));
  }
  const counts = OUTCOMES.map((o) => ({ outcome: o as Outcome | null, count: rows.filter((r) => r.outcome === o).length }));
  counts.push({ outcome: null, count: rows.filter((r) => r.outcome === null).length });
  const progress = campaignProgress(counts, campaign.targetOutcome);
  return {
    ...campaign,
    dueDate: campaign.dueDate.toISOString(),
    progress,
    status: dueStatus(campaign.dueDate, progress, now),
    short,
    done: rows.filter((r) => r.atTarget),
  };
}

/** The outcome reasons of the cluster's current scorecard (the one its outcome comes from). */
async function reasonsFor(member: CampaignMember, now: Date): Promise<string[]> {
  const db = await getDb();
  const scorecard = await db.scorecard.findFirst({ where: { clusterId: member.id }, orderBy: { updatedAt: "desc" }, select: { id: true } });
  const extra = member.regressionReason ? [`Regressed: ${member.regressionReason}`] : [];
  if (!scorecard) return ["No scorecard yet: start one to see what keeps this cluster from the target", ...extra];
  const result = await evaluateScorecard(db, scorecard.id, now);
  return [...result.reasons.map((r) => r.text), ...extra];
}

/** For the edit form. */
export async function getCampaignForEdit(user: CurrentUser, id: string) {
  assertRead(user);
  const db = await getDb();
  return db.campaign.findUnique({ where: { id }, select: { id: true, name: true, targetOutcome: true, dueDate: true, description: true, revision: true } });
}
