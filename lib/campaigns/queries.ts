/** Read side of campaigns: the list with progress, one campaign with its shortfall. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { OUTCOMES, type Environment, type Outcome } from "@/lib/domain/constants";
import { evaluateScorecard } from "@/lib/readiness/evaluate";
import { outcomeRank } from "@/lib/readiness/signal-rules";
import { campaignOutcomeOf, campaignProgress, dueStatus, meetsTarget, type CampaignProgress, type DueStatus } from "./rules";

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
  /** the assessment the target is for (null: the cluster's readiness across assessments) */
  templateKey: string | null;
  templateName: string | null;
  dueDate: string;
  selection: string;
  progress: CampaignProgress;
  status: DueStatus;
}

async function outcomeCounts(campaignIds: string[]) {
  const db = await getDb();
  if (campaignIds.length === 0) return [];
  // one aggregate over the membership table instead of loading every member row; a campaign for
  // one assessment counts that template's current outcome (campaignOutcomeOf, in SQL)
  return db.$queryRaw<{ campaignId: string; outcome: Outcome | null; count: bigint }[]>`
    SELECT m."campaignId", m."outcome", count(*) AS "count"
    FROM (
      SELECT cc."campaignId",
        CASE WHEN cp."templateKey" IS NULL THEN c."outcome"::text
             WHEN jsonb_typeof(c."templateOutcomes") = 'array' THEN (
               SELECT t->>'outcome' FROM jsonb_array_elements(c."templateOutcomes") t WHERE t->>'templateKey' = cp."templateKey" LIMIT 1)
        END AS "outcome"
      FROM "campaign_cluster" cc
      JOIN "cluster" c ON c."id" = cc."clusterId"
      JOIN "campaign" cp ON cp."id" = cc."campaignId"
      WHERE cc."campaignId" = ANY(${campaignIds})
    ) m
    GROUP BY m."campaignId", m."outcome"`;
}

/** Template names by key (the newest version's), for campaigns that target one assessment. */
async function templateNames(keys: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(keys.filter((k): k is string => !!k))];
  if (wanted.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.template.findMany({ where: { key: { in: wanted } }, orderBy: { version: "asc" }, select: { key: true, name: true } });
  return new Map(rows.map((r) => [r.key, r.name]));
}

/** Every campaign with its progress, soonest due first. */
export async function listCampaigns(user: CurrentUser, now = new Date(), options: { teamId?: string } = {}): Promise<CampaignSummary[]> {
  assertRead(user);
  const db = await getDb();
  const campaigns = await db.campaign.findMany({
    // a team's campaigns: those with at least one of its clusters
    where: options.teamId ? { clusters: { some: { cluster: { teamId: options.teamId } } } } : {},
    orderBy: [{ dueDate: "asc" }, { name: "asc" }],
    take: 500,
    select: { id: true, name: true, targetOutcome: true, templateKey: true, dueDate: true, selection: true },
  });
  const [counts, names] = await Promise.all([outcomeCounts(campaigns.map((c) => c.id)), templateNames(campaigns.map((c) => c.templateKey))]);
  return campaigns.map((c) => {
    const mine = counts.filter((r) => r.campaignId === c.id).map((r) => ({ outcome: r.outcome, count: Number(r.count) }));
    const progress = campaignProgress(mine, c.targetOutcome);
    const templateName = c.templateKey ? (names.get(c.templateKey) ?? c.templateKey) : null;
    return { ...c, templateName, dueDate: c.dueDate.toISOString(), progress, status: dueStatus(c.dueDate, progress, now) };
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
  /** the template whose current scorecard the reasons come from (the campaign's, or the weakest) */
  reasonsFrom: string | null;
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
    select: { id: true, name: true, targetOutcome: true, templateKey: true, dueDate: true, selection: true, description: true, revision: true },
  });
  if (!campaign) return null;
  const templateName = campaign.templateKey ? ((await templateNames([campaign.templateKey])).get(campaign.templateKey) ?? campaign.templateKey) : null;
  const members = await db.cluster.findMany({
    where: { campaigns: { some: { campaignId: id } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      environment: true,
      ownerTeam: true,
      outcome: true,
      score: true,
      staleEvidenceCount: true,
      openRedAnswers: true,
      regressionReason: true,
      heldBackBy: true,
      templateOutcomes: true,
    },
  });
  const rows: CampaignMember[] = members.map(({ templateOutcomes, heldBackBy, ...m }) => {
    const outcome = campaignOutcomeOf({ outcome: m.outcome, templateOutcomes }, campaign.templateKey);
    return { ...m, outcome, reasonsFrom: campaign.templateKey ?? heldBackBy, atTarget: meetsTarget(outcome, campaign.targetOutcome), reasons: null };
  });
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
    templateName,
    dueDate: campaign.dueDate.toISOString(),
    progress,
    status: dueStatus(campaign.dueDate, progress, now),
    short,
    done: rows.filter((r) => r.atTarget),
  };
}

/**
 * The outcome reasons of the current scorecard the campaign's outcome comes from: its template's,
 * or for a campaign over every assessment the one that holds the cluster back.
 */
async function reasonsFor(member: CampaignMember, now: Date): Promise<string[]> {
  const db = await getDb();
  const scorecard = await db.scorecard.findFirst({
    where: { clusterId: member.id, isCurrent: true, ...(member.reasonsFrom ? { template: { key: member.reasonsFrom } } : {}) },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const extra = member.regressionReason ? [`Regressed: ${member.regressionReason}`] : [];
  if (!scorecard) return ["No scorecard yet: start one to see what keeps this cluster from the target", ...extra];
  const result = await evaluateScorecard(db, scorecard.id, now);
  return [...result.reasons.map((r) => r.text), ...extra];
}

/** For the edit form. */
export async function getCampaignForEdit(user: CurrentUser, id: string) {
  assertRead(user);
  const db = await getDb();
  return db.campaign.findUnique({
    where: { id },
    select: { id: true, name: true, targetOutcome: true, templateKey: true, dueDate: true, description: true, revision: true },
  });
}

/**
 * The assessments a campaign can target: every template key not archived, by its newest
 * version's name, and `keep` (the key an edited campaign already targets) even if archived.
 */
export async function campaignTemplates(user: CurrentUser, keep?: string | null): Promise<{ key: string; name: string }[]> {
  assertRead(user);
  const db = await getDb();
  const rows = await db.template.findMany({
    where: keep ? { OR: [{ archivedAt: null }, { key: keep }] } : { archivedAt: null },
    orderBy: [{ key: "asc" }, { version: "desc" }],
    distinct: ["key"],
    take: 200,
    select: { key: true, name: true },
  });
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}
