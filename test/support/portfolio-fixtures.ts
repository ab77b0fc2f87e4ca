/**
 * Test helper (integration tests only): clusters, a small template, scorecards with items,
 * evidence, exemptions, drills and sign-offs written straight to the database, so portfolio
 * tests do not depend on the scorecard, drill and review workflows built elsewhere.
 */
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Environment, ItemStatus, MatrixAnswer, Outcome } from "@/lib/domain/constants";
import { MATRIX_QUESTIONS } from "@/lib/domain/constants";
import { teamLink } from "@/lib/teams/rules";

let counter = 0;

export async function makeCluster(
  patch: Partial<{
    name: string;
    environment: Environment;
    ownerTeam: string;
    region: string;
    tags: string[];
    outcome: Outcome | null;
    score: number | null;
    freshnessDays: number;
    architecture: "apache_kafka" | "kafka_compatible_shared_storage";
  }> = {},
) {
  const db = await getDb();
  counter += 1;
  return db.cluster.create({
    data: {
      name: patch.name ?? `cluster-${counter}-${randomUUID().slice(0, 6)}`,
      environment: patch.environment ?? "production",
      architecture: patch.architecture ?? "apache_kafka",
      distribution: "Apache Kafka",
      version: "3.9.0",
      metadataMode: "kraft",
      brokerCount: 6,
      availabilityZones: 3,
      cloud: "aws",
      region: patch.region ?? "eu-west-1",
      replicationFactor: 3,
      partitionCount: 600,
      retentionHours: 72,
      peakIngressMBps: 50,
      peakEgressMBps: 100,
      walType: patch.architecture === "kafka_compatible_shared_storage" ? "object storage" : null,
      ownerTeam: patch.ownerTeam ?? "platform",
      team: teamLink(patch.ownerTeam ?? "platform"),
      tags: patch.tags ?? [],
      outcome: patch.outcome ?? null,
      score: patch.score ?? null,
      freshnessDays: patch.freshnessDays ?? 90,
    },
  });
}

/** A template with two items: a blocking failure-drill item and a plain one. */
export async function makeTemplate() {
  const db = await getDb();
  const template = await db.template.create({ data: { key: `t-${randomUUID().slice(0, 8)}`, version: 1, name: "Test template" } });
  const section = await db.templateSection.create({ data: { templateId: template.id, key: "s", title: "Section", position: 0 } });
  const drill = await db.templateItem.create({
    data: {
      templateId: template.id,
      sectionId: section.id,
      key: "drill",
      title: "Failure drill",
      evidenceToCollect: "-",
      whyItMatters: "-",
      blocking: true,
      role: "failure_drill",
      position: 0,
    },
  });
  const plain = await db.templateItem.create({
    data: {
      templateId: template.id,
      sectionId: section.id,
      key: "observability",
      title: "Observability",
      evidenceToCollect: "-",
      whyItMatters: "-",
      position: 1,
    },
  });
  return { template, items: [drill, plain] };
}

/** A scorecard whose items get the given statuses (in template order). */
export async function makeScorecard(clusterId: string, tpl: Awaited<ReturnType<typeof makeTemplate>>, statuses: ItemStatus[]) {
  const db = await getDb();
  // the newest of its template is current, as the readiness pipeline would mark it
  await db.scorecard.updateMany({ where: { clusterId, templateId: tpl.template.id }, data: { isCurrent: false } });
  const scorecard = await db.scorecard.create({ data: { clusterId, templateId: tpl.template.id, title: "Readiness", isCurrent: true } });
  const items = [];
  for (const [i, templateItem] of tpl.items.entries()) {
    items.push(
      await db.scorecardItem.create({
        data: { scorecardId: scorecard.id, templateItemId: templateItem.id, position: i, status: statuses[i] ?? "not_started" },
      }),
    );
  }
  return { scorecard, items };
}

export async function addEvidence(scorecardItemId: string, capturedAt: Date) {
  const db = await getDb();
  return db.evidence.create({ data: { scorecardItemId, kind: "link", title: "Dashboard", url: "https://example.com", capturedAt, realisticTraffic: true } });
}

export async function addDrill(
  clusterId: string,
  startedAt: Date,
  answers: MatrixAnswer[] = ["green", "green", "green", "green", "green"],
  measurements: Partial<{ lagRecoveredSec: number; recoveryTrafficMBps: number; leadershipSettledSec: number }> = {},
) {
  const db = await getDb();
  return db.drill.create({
    data: {
      clusterId,
      scenario: "broker_kill",
      title: `Drill ${startedAt.toISOString().slice(0, 10)}`,
      startedAt,
      realisticTraffic: true,
      ...measurements,
      answers: { create: answers.map((answer, i) => ({ question: MATRIX_QUESTIONS[i], answer })) },
    },
  });
}

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);
export const daysAfter = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000);
