/**
 * The demo portfolio: eight clusters over the four architectures and three environments, with
 * scorecards at each outcome, fresh and stale evidence, an exemption, drills with metric
 * series and decision matrices (one red), a review in progress and one approved with a
 * condition, a campaign, recovery targets and a regression. Everything is written through the
 * domain mutations (so it obeys every rule the product enforces) and dated relative to `now`.
 * The clusters and the campaign carry `isSample`; the people are sample users (people.ts).
 */
import { getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { createCampaign } from "@/lib/campaigns/mutations";
import { campaignCreateSchema } from "@/lib/campaigns/schema";
import { createCluster } from "@/lib/clusters/mutations";
import { clusterInputSchema } from "@/lib/clusters/schema";
import { saveRecoveryTarget } from "@/lib/drills/target-mutations";
import { recoveryTargetInputSchema } from "@/lib/drills/schema";
import { decideExemption, requestExemption } from "@/lib/exemptions/mutations";
import { decideExemptionSchema, requestExemptionSchema } from "@/lib/exemptions/schema";
import { requestReview, signOff } from "@/lib/reviews/mutations";
import { requestReviewSchema, signOffSchema } from "@/lib/reviews/schema";
import { DEMO_CLUSTERS, type DemoCluster } from "./catalog";
import { recordDemoDrill, type DemoDrill } from "./drills";
import { ensureDemoPeople, type DemoPeople } from "./people";
import { assessDemoScorecard, setDemoItem, startDemoScorecard, type ItemPlan } from "./scorecards";
import { writeTransaction } from "@/lib/write/transaction";

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Whether the database holds sample data now. */
export async function hasSampleData(): Promise<boolean> {
  const db = await getDb();
  return (await db.cluster.count({ where: { isSample: true } })) > 0;
}

/** A steady broker kill: leaders in 14 s, lag back in about 7 minutes. */
function brokerKill(title: string, daysAgo: number, over: Partial<DemoDrill> = {}): DemoDrill {
  return {
    scenario: "broker_kill",
    title,
    daysAgo,
    shape: { baselineLag: 400, peakLag: 160_000, lagRecoveredSec: 420, underReplicated: 200, catchUpSec: 660, recoveryMBps: 95 },
    leadershipSettledSec: 14,
    producersStableSec: 45,
    producerErrorCount: 38,
    hypothesis: "Leaders move within 30 s, producers recover inside the delivery timeout and consumers catch up within 10 minutes.",
    conclusion: "Recovered inside every target; no client noticed beyond a short latency bump.",
    ...over,
  };
}

const pass = (daysAgo = 3): ItemPlan => ({ status: "pass", evidenceDaysAgo: daysAgo });

/**
 * Adds the demo portfolio unless sample data is already there. Returns the number of
 * clusters added (0 when it was already present).
 */
export async function seedDemoPortfolio(now = new Date()): Promise<{ clusters: number }> {
  if (await hasSampleData()) return { clusters: 0 };
  const db = await getDb();
  const people = await ensureDemoPeople();
  const actor = people.owner;
  const ids = {} as Record<DemoCluster["key"], string>;
  for (const c of DEMO_CLUSTERS) {
    const taken = await db.cluster.findUnique({ where: { name: c.fields.name }, select: { id: true } });
    const name = taken ? `${c.fields.name}-sample` : c.fields.name;
    const notes = "Sample cluster of the demo portfolio: made-up data showing what Drillbook does. Admin → Remove sample data deletes it.";
    const { id } = await createCluster(
      actor,
      clusterInputSchema.parse({ ...c.fields, name, notes, tags: [c.fields.tags, "sample"].filter(Boolean).join(", ") }),
    );
    // the label is not content (it changes no outcome), so it is set beside the audited create
    await db.cluster.update({ where: { id }, data: { isSample: true } });
    ids[c.key] = id;
    await saveRecoveryTarget(
      actor,
      recoveryTargetInputSchema.parse({
        clusterId: id,
        scenario: "broker_kill",
        leadershipSettledSec: "30",
        producersStableSec: "60",
        lagRecoveredSec: "600",
        peakLagRecords: "500000",
      }),
    );
  }
  await saveRecoveryTarget(
    actor,
    recoveryTargetInputSchema.parse({ clusterId: ids.clickstream, scenario: "zone_impairment", leadershipSettledSec: "45", lagRecoveredSec: "900" }),
  );
  await saveRecoveryTarget(actor, recoveryTargetInputSchema.parse({ clusterId: ids.telemetry, scenario: "partition_reassignment", lagRecoveredSec: "1200" }));

  await readyAndApproved(people, ids.payments, now);
  await limitedInReview(people, ids.orders, now);
  await regressedAfterRedDrill(people, ids.clickstream, now);
  await migrationNotReady(people, ids.ledger, now);
  await staleWithExemption(people, ids.inventory, now);
  await justStarted(people, ids.search, now);
  await leaderMovement(people, ids.telemetry, now);
  await recordDemoDrill(
    actor,
    ids.sandbox,
    { ...brokerKill("Rolling restart of the sandbox", 12, { realisticTraffic: false }), scenario: "rolling_restart" },
    now,
  );

  const campaign = await createCampaign(
    actor,
    campaignCreateSchema.parse({
      name: "Production clusters ready before the Q1 cutover",
      targetOutcome: "production_test",
      dueDate: day(new Date(now.getTime() + 45 * DAY)),
      description: "Every production cluster proves broker-failure recovery under real traffic before the platform migration starts.",
      selectionMode: "pick",
      clusterIds: [ids.payments, ids.orders, ids.clickstream],
    }),
    now,
  );
  await db.campaign.update({ where: { id: campaign.id }, data: { isSample: true } });
  await writeTransaction((tx) =>
    recordAudit(tx, {
      actor: { system: "demo portfolio" },
      action: "sample_data_added",
      entityType: "sample_data",
      entityId: "demo",
      after: { clusters: Object.values(ids), campaignId: campaign.id },
    }),
  );
  return { clusters: DEMO_CLUSTERS.length };
}

/** payments: everything passed on a fresh green drill; review approved, security with a condition. */
async function readyAndApproved(p: DemoPeople, clusterId: string, now: Date) {
  const drill = await recordDemoDrill(p.owner, clusterId, brokerKill("Kill broker 4 at Friday peak", 6), now);
  const scorecardId = await startDemoScorecard(p.owner, clusterId, "broker-failure-recovery", "Broker failure readiness, payments", 30, now);
  await assessDemoScorecard(p.owner, scorecardId, drill.id, now, () => pass(2));
  const slots = await askForReview(p, scorecardId);
  await sign(p.sre, slots.sre, "approved", "Drill evidence matches the targets.", now);
  await sign(p.appOwner, slots.application_owner, "approved", "Checkout saw no errors during the drill.", now);
  await sign(p.security, slots.security, "approved_with_conditions", "Fine once the runbook is in the vault.", now, {
    what: "Move the recovery runbook into the access-controlled wiki",
    owner: "payments-platform",
    dueDate: day(new Date(now.getTime() + 21 * DAY)),
  });
}

/** orders: mostly passed, a few partial; review in progress (SRE signed, the others pending). */
async function limitedInReview(p: DemoPeople, clusterId: string, now: Date) {
  const drill = await recordDemoDrill(
    p.owner,
    clusterId,
    { ...brokerKill("Broker isolation in us-east-1b", 20), scenario: "broker_isolation", leadershipSettledSec: 22 },
    now,
  );
  const scorecardId = await startDemoScorecard(p.owner, clusterId, "broker-failure-recovery", "Broker failure readiness, orders", 14, now);
  await assessDemoScorecard(p.owner, scorecardId, drill.id, now, (_key, i) => (i % 4 === 3 ? { status: "partial", evidenceDaysAgo: 10 } : pass(8)));
  const slots = await askForReview(p, scorecardId);
  await sign(p.sre, slots.sre, "approved", "Good enough for a limited rollout.", now);
}

/**
 * clickstream: ready on a green drill a month ago; then a zone impairment went red and the SRE
 * failed the replica-rebuild item on its evidence, so the outcome dropped: regressed.
 */
async function regressedAfterRedDrill(p: DemoPeople, clusterId: string, now: Date) {
  const green = await recordDemoDrill(p.owner, clusterId, brokerKill("Kill broker 7 under replay traffic", 30), now);
  const scorecardId = await startDemoScorecard(p.owner, clusterId, "broker-failure-recovery", "Broker failure readiness, clickstream", 20, now);
  const items = await assessDemoScorecard(p.owner, scorecardId, green.id, now, () => pass(25));
  await recordDemoDrill(
    p.owner,
    clusterId,
    {
      ...brokerKill("Impair zone europe-west4-a", 2),
      scenario: "zone_impairment",
      shape: { baselineLag: 900, peakLag: 2_400_000, lagRecoveredSec: 1500, underReplicated: 1600, catchUpSec: 2400, recoveryMBps: 410 },
      leadershipSettledSec: 41,
      producersStableSec: 180,
      producerErrorCount: 5200,
      conclusion: "Lag took 25 minutes to recover: the remote-tier fetches and the replica catch-up competed for the same network.",
      red: {
        bounded_storage_work: "Catch-up copied 1.6 TB of local segments at the throttle for 40 minutes: far beyond the 15-minute target.",
        capacity_helps_quickly: "A broker added mid-drill only helped after its own partitions were moved, 30 minutes later.",
      },
    },
    now,
  );
  const rebuild = items.find((i) => i.key === "replica-rebuild") ?? items[1];
  await setDemoItem(
    p.owner,
    rebuild.id,
    "fail",
    "The zone impairment drill took 40 minutes to rebuild replicas; the target is 15. See the drill's decision matrix.",
  );
}

/** ledger: the migration template, failure drill not yet run: not ready. */
async function migrationNotReady(p: DemoPeople, clusterId: string, now: Date) {
  const scorecardId = await startDemoScorecard(p.owner, clusterId, "kafka-compatible-migration", "Migration of ledger to shared storage", 60, now);
  await assessDemoScorecard(p.owner, scorecardId, null, now, (_key, i) =>
    i < 4
      ? pass(5)
      : i === 4
        ? { status: "fail", evidenceDaysAgo: 5, notes: "Consumer offsets were translated one-to-one; two groups re-read a day of data." }
        : { status: i % 2 ? "in_progress" : "not_started" },
  );
}

/**
 * inventory: passed long ago and most evidence is now stale (a stale pass counts as partial);
 * the blocking items rest on a recent drill at synthetic load; one item waived by an exemption.
 */
async function staleWithExemption(p: DemoPeople, clusterId: string, now: Date) {
  const old = await recordDemoDrill(p.owner, clusterId, brokerKill("Kill broker 2 before the peak season", 115), now);
  const recent = await recordDemoDrill(
    p.owner,
    clusterId,
    { ...brokerKill("Kill broker 1 at synthetic load", 40, { realisticTraffic: false }), leadershipSettledSec: 11 },
    now,
  );
  const scorecardId = await startDemoScorecard(p.owner, clusterId, "broker-failure-recovery", "Broker failure readiness, inventory", 10, now);
  const items = await assessDemoScorecard(p.owner, scorecardId, old.id, now, (key) =>
    key === "capacity-headroom" ? { status: "in_progress" } : key === "failure-drill" || key === "rollback" ? { ...pass(10), drillId: recent.id } : pass(120),
  );
  const waived = items.find((i) => i.key === "capacity-headroom") ?? items.at(-1)!;
  const { id } = await requestExemption(
    p.owner,
    requestExemptionSchema.parse({
      itemId: waived.id,
      justification: "Staging runs at a fifth of production traffic; headroom is proven on the production cluster instead.",
      approverId: p.sre.id,
      expiresOn: day(new Date(now.getTime() + 30 * DAY)),
    }),
    now,
  );
  await decideExemption(p.sre, decideExemptionSchema.parse({ exemptionId: id, decision: "granted", comment: "Agreed until the next capacity review." }), now);
}

/** search: a draft with two items under way. */
async function justStarted(p: DemoPeople, clusterId: string, now: Date) {
  const scorecardId = await startDemoScorecard(p.owner, clusterId, "broker-failure-recovery", "Broker failure readiness, search", 45, now);
  await assessDemoScorecard(p.owner, scorecardId, null, now, (_key, i) => ({ status: i < 2 ? "in_progress" : "not_started" }));
}

/** telemetry: the leader-movement template after a partition reassignment drill. */
async function leaderMovement(p: DemoPeople, clusterId: string, now: Date) {
  const drill = await recordDemoDrill(
    p.owner,
    clusterId,
    {
      ...brokerKill("Reassign 300 partitions to the new brokers", 9),
      scenario: "partition_reassignment",
      shape: { baselineLag: 300, peakLag: 40_000, lagRecoveredSec: 540, underReplicated: 300, catchUpSec: 1100, recoveryMBps: 150 },
    },
    now,
  );
  const scorecardId = await startDemoScorecard(p.owner, clusterId, "leader-movement-recovery", "Leader movement recovery, telemetry", 25, now);
  await assessDemoScorecard(p.owner, scorecardId, drill.id, now, (_key, i) =>
    i < 9 ? pass(7) : i === 9 ? { status: "partial", evidenceDaysAgo: 7 } : { status: "in_progress" },
  );
}

type Slots = Record<"sre" | "application_owner" | "security" | "finops", string>;

/** Requests the default design review: SRE, application owner and security required, FinOps optional. */
async function askForReview(p: DemoPeople, scorecardId: string): Promise<Slots> {
  const rows = [
    ["sre", true, p.sre],
    ["application_owner", true, p.appOwner],
    ["security", true, p.security],
    ["finops", false, p.finops],
  ] as const;
  await requestReview(
    p.owner,
    requestReviewSchema.parse({ scorecardId, slots: rows.map(([role, required, who]) => ({ role, required, signerIds: [who.id] })) }),
  );
  const db = await getDb();
  const slots = await db.reviewSlot.findMany({ where: { scorecardId }, select: { id: true, role: true } });
  return Object.fromEntries(slots.map((s) => [s.role, s.id])) as Slots;
}

async function sign(
  user: CurrentUser,
  slotId: string,
  decision: "approved" | "approved_with_conditions",
  comment: string,
  now: Date,
  condition?: { what: string; owner: string; dueDate: string },
) {
  const db = await getDb();
  const slot = await db.reviewSlot.findUniqueOrThrow({ where: { id: slotId }, select: { scorecard: { select: { version: true } } } });
  await signOff(user, signOffSchema.parse({ slotId, version: slot.scorecard.version, decision, comment, conditions: condition ? [condition] : [] }), now);
}
