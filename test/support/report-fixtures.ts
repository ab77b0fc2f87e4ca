/**
 * A realistic scorecard for report tests and the report benchmark, written through the domain
 * mutations: every item assessed with notes and evidence (links, a file, the drills), drills
 * with timeline, imported metric series and a decision matrix. Also sign-off rows written
 * directly (the review UI is another feature), so the report's sign-off part has data.
 */
import { getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { MATRIX_QUESTIONS } from "@/lib/domain/constants";
import { addEvidence } from "@/lib/evidence/mutations";
import { evidenceInputSchema } from "@/lib/evidence/schema";
import { importMetrics } from "@/lib/drills/import-mutations";
import { saveDecisionAnswers } from "@/lib/drills/matrix-mutations";
import { createDrill } from "@/lib/drills/mutations";
import { decisionAnswersSchema, drillInputSchema, metricImportInputSchema, timelineEventInputSchema } from "@/lib/drills/schema";
import { addTimelineEvent } from "@/lib/drills/timeline-mutations";
import { saveScorecardItem } from "@/lib/scorecards/mutations";
import { itemSaveSchema } from "@/lib/scorecards/schema";

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** Lag, producer errors and under-replicated partitions around a fault at `faultMs`, every `stepSec`. */
export function drillMetricsCsv(faultMs: number, stepSec = 15, minutes = 22): string {
  const rows = ["timestamp,metric,value"];
  for (let t = -120; t <= minutes * 60 - 120; t += stepSec) {
    const at = new Date(faultMs + t * 1000).toISOString();
    const lag = t < 0 ? 200 : Math.round(200 + 180_000 * (t < 45 ? t / 45 : Math.exp(-(t - 45) / 75)));
    rows.push(`${at},consumer_lag,${lag}`);
    rows.push(`${at},producer_errors,${t >= 0 && t < 60 ? [40, 26, 12, 3][Math.floor(t / 15)] : 0}`);
    rows.push(`${at},under_replicated_partitions,${t < 15 ? 0 : t <= 300 ? 140 : Math.max(0, Math.round(140 * (1 - (t - 300) / 420)))}`);
  }
  return `${rows.join("\n")}\n`;
}

/** A broker-kill drill a day (times `ageDays`) ago with timeline, metrics and an answered matrix. */
export async function seedDrill(user: CurrentUser, clusterId: string, opts: { title: string; ageDays?: number; red?: boolean; stepSec?: number }) {
  const start = Math.floor((Date.now() - (opts.ageDays ?? 1) * 86_400_000) / MINUTE) * MINUTE;
  const fault = start + 2 * MINUTE;
  const { id: drillId } = await createDrill(
    user,
    drillInputSchema.parse({
      clusterId,
      scenario: "broker_kill",
      title: opts.title,
      startedAt: iso(start),
      endedAt: iso(start + 25 * MINUTE),
      trafficProfile: "Replay of Friday peak: 50 MB/s in, 150 MB/s out",
      realisticTraffic: "on",
      targetLeadershipSettledSec: "30",
      targetProducersStableSec: "60",
      targetLagRecoveredSec: "600",
      targetPeakLagRecords: "500000",
      targetUnderReplicated: "0",
      rollbackNamedBefore: "on",
      rollbackPoint: "Restart broker 3 on its old volume",
      rollbackOwner: "Dana (SRE lead)",
      owner: "Dana",
      coordinator: "Ali",
      observers: "Mo, Kim",
      hypothesis: "Leaders move within 30 s and consumers catch up within 10 minutes.",
      leadershipSettledSec: "18",
      producersStableSec: "60",
      lagRecoveredSec: "465",
      peakConsumerLag: "180182",
      underReplicatedPartitions: "140",
    }),
  );
  for (const [offset, layer, marker, label] of [
    [0, "control_plane", "fault", "Broker 3 killed (SIGKILL)"],
    [18_000, "control_plane", "recovered", "Leaders re-elected"],
    [75_000, "data_plane", "recovered", "Producer acks stable"],
    [8 * MINUTE, "business", "recovered", "Checkout latency back to normal"],
  ] as const) {
    await addTimelineEvent(user, timelineEventInputSchema.parse({ drillId, at: iso(fault + offset), layer, marker, label }));
  }
  await importMetrics(
    user,
    metricImportInputSchema.parse({ drillId, format: "csv", sourceName: "broker-kill.csv", threshold: "1000", settleSeconds: "60" }),
    drillMetricsCsv(fault, opts.stepSec),
  );
  const raw: Record<string, string> = { drillId, version: "" };
  for (const q of MATRIX_QUESTIONS) {
    raw[`answer_${q}`] = "green";
    raw[`rationale_${q}`] = `Checked during the drill: ${q.replace(/_/g, " ")}`;
  }
  if (opts.red) {
    raw.answer_bounded_storage_work = "red";
    raw.rationale_bounded_storage_work = "Replica catch-up ran 12 min at the throttle";
  }
  await saveDecisionAnswers(user, decisionAnswersSchema.parse(raw));
  return { drillId, startedAt: new Date(start) };
}

/**
 * Passes every item of the scorecard: notes, one link per item, the drill on drill-capable
 * items, and a file on the first item that takes files. Returns the file's bytes.
 */
export async function passEveryItem(user: CurrentUser, scorecardId: string, drillId: string) {
  const db = await getDb();
  const items = await db.scorecardItem.findMany({
    where: { scorecardId },
    orderBy: { position: "asc" },
    select: { id: true, templateItem: { select: { title: true, evidenceKinds: true } } },
  });
  const today = new Date().toISOString().slice(0, 10);
  const file = new TextEncoder().encode("timestamp,metric,value\n2024-05-14T10:00:00Z,under_replicated_partitions,12\n");
  let fileAdded = false;
  for (const item of items) {
    const kinds = item.templateItem.evidenceKinds;
    const base = { itemId: item.id, capturedAt: today, realisticTraffic: "on" };
    // drill evidence is dated by the drill's start, so it takes no day
    if (kinds.includes("drill")) await addEvidence(user, evidenceInputSchema.parse({ ...base, capturedAt: "", kind: "drill", drillId }));
    else if (kinds.includes("file") && !fileAdded) {
      await addEvidence(user, evidenceInputSchema.parse({ ...base, kind: "file", hasFile: "true" }), { name: "urp-during-drill.csv", bytes: file });
      fileAdded = true;
    } else {
      const kind = kinds.includes("link") ? "link" : kinds.includes("metric_export") ? "metric_export" : "note";
      await addEvidence(
        user,
        evidenceInputSchema.parse({
          ...base,
          kind,
          title: `${item.templateItem.title} dashboard`,
          url: kind === "note" ? "" : "https://grafana.example.com/d/recovery",
          body: kind === "note" ? "Checked with the team." : "",
        }),
      );
    }
    const { version } = await db.scorecardItem.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } });
    await saveScorecardItem(
      user,
      itemSaveSchema.parse({
        itemId: item.id,
        version,
        status: "pass",
        notes: `Verified during the drill.\n\n- owner: **SRE**\n- see ${item.templateItem.title} dashboard`,
        ownerRole: "sre",
      }),
    );
  }
  return { file };
}

/** An SRE slot and a security slot; SRE approved the current version with one open condition. */
export async function seedSignOff(scorecardId: string, signer: CurrentUser, contentHash: string) {
  const db = await getDb();
  const { version } = await db.scorecard.findUniqueOrThrow({ where: { id: scorecardId }, select: { version: true } });
  const sre = await db.reviewSlot.create({ data: { scorecardId, role: "sre", required: true, signers: { create: { userId: signer.id } } } });
  await db.reviewSlot.create({ data: { scorecardId, role: "security", required: true } });
  return db.approval.create({
    data: {
      scorecardId,
      slotId: sre.id,
      signerId: signer.id,
      decision: "approved_with_conditions",
      comment: "Good drill evidence.",
      scorecardVersion: version,
      contentHash,
      conditions: {
        create: { what: "Raise the reassignment throttle to 200 MB/s", owner: "Kafka platform team", dueDate: new Date(Date.now() + 14 * 86_400_000) },
      },
    },
  });
}
