/**
 * Reading the audit log: the filtered, paginated listing of the admin page, the choices of
 * its filters, and chain verification (admins only: permission audit:read).
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/access/current-user";
import { ForbiddenError } from "@/lib/errors";
import type { StoredEvent } from "./chain";
import { dayRange, type AuditFilter } from "./schema";
import { verifyChain, type ChainVerification } from "./verify";

function assertAuditRead(user: CurrentUser) {
  if (!can(user.role, "audit:read")) throw new ForbiddenError();
}

export interface AuditRow {
  seq: string;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  /** a readable name of the entity (its email, name or title), when the event carries one */
  entityLabel: string | null;
  clusterId: string | null;
  clusterName: string | null;
  scorecardId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

const SYSTEM_ACTOR = "system:";

function whereFor(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.actor) {
    if (filter.actor.startsWith(SYSTEM_ACTOR)) {
      where.actorId = null;
      where.actorLabel = filter.actor.slice(SYSTEM_ACTOR.length);
    } else {
      where.actorId = filter.actor;
    }
  }
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.action) where.action = filter.action;
  if (filter.cluster) where.clusterId = filter.cluster;
  const at = dayRange(filter);
  if (at.gte || at.lt) where.at = at;
  return where;
}

/** One page of audit events matching the filter, newest first. */
export async function listAuditEvents(user: CurrentUser, filter: AuditFilter): Promise<AuditPage> {
  assertAuditRead(user);
  const db = await getDb();
  const where = whereFor(filter);
  const total = await db.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / filter.pageSize));
  const page = Math.min(filter.page, pageCount);
  const events = await db.auditEvent.findMany({
    where,
    orderBy: { seq: "desc" },
    skip: (page - 1) * filter.pageSize,
    take: filter.pageSize,
  });
  const clusterIds = [...new Set(events.map((e) => e.clusterId).filter((id): id is string => Boolean(id)))];
  const clusters = clusterIds.length ? await db.cluster.findMany({ where: { id: { in: clusterIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(clusters.map((c) => [c.id, c.name]));
  const rows = events.map((e) => ({
    seq: e.seq.toString(),
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    entityLabel: labelFromEvent(e.after) ?? labelFromEvent(e.before),
    clusterId: e.clusterId,
    // a deleted cluster keeps its events; its name then comes from the event itself
    clusterName: e.clusterId ? (names.get(e.clusterId) ?? nameFromEvent(e.before) ?? nameFromEvent(e.after)) : null,
    scorecardId: e.scorecardId,
    before: e.before,
    after: e.after,
    hash: e.hash,
  }));
  return { rows, total, page, pageSize: filter.pageSize, pageCount };
}

function labelFromEvent(value: unknown): string | null {
  const v = (value ?? {}) as { email?: unknown; name?: unknown; title?: unknown };
  for (const candidate of [v.email, v.name, v.title]) if (typeof candidate === "string" && candidate) return candidate;
  return null;
}

function nameFromEvent(value: unknown): string | null {
  const name = (value as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : null;
}

export interface AuditFilterOptions {
  actors: { value: string; label: string }[];
  entityTypes: string[];
  actions: string[];
  clusters: { value: string; label: string }[];
}

/** The values the filters offer: only what occurs in the log (and current cluster names). */
export async function auditFilterOptions(user: CurrentUser): Promise<AuditFilterOptions> {
  assertAuditRead(user);
  const db = await getDb();
  const [actors, entityTypes, actions, clusters] = await Promise.all([
    db.auditEvent.findMany({ distinct: ["actorId", "actorLabel"], select: { actorId: true, actorLabel: true }, orderBy: [{ actorLabel: "asc" }] }),
    db.auditEvent.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.cluster.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  // one entry per user (their label may differ between events, e.g. "via API token")
  const byValue = new Map<string, string>();
  for (const a of actors) {
    const value = a.actorId ?? `${SYSTEM_ACTOR}${a.actorLabel}`;
    const label = a.actorId ? a.actorLabel.split(" via ")[0] : `${a.actorLabel} (system)`;
    if (!byValue.has(value)) byValue.set(value, label);
  }
  return {
    actors: [...byValue].map(([value, label]) => ({ value, label })).sort((x, y) => x.label.localeCompare(y.label)),
    entityTypes: entityTypes.map((e) => e.entityType),
    actions: actions.map((a) => a.action),
    clusters: clusters.map((c) => ({ value: c.id, label: c.name })),
  };
}

async function readBatch(afterSeq: bigint | null, limit: number): Promise<StoredEvent[]> {
  const db = await getDb();
  const rows = await db.auditEvent.findMany({
    where: afterSeq === null ? {} : { seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit,
  });
  return rows.map((r) => ({ ...r, before: r.before ?? null, after: r.after ?? null }));
}

/** Checks the whole hash chain and reports the first broken link (admins). */
export async function verifyAuditLog(user: CurrentUser, options?: { batchSize?: number }): Promise<ChainVerification> {
  assertAuditRead(user);
  return verifyChain(readBatch, options);
}

/** The same check for the command line (scripts/verify-audit.ts), which has no signed-in user. */
export async function verifyAuditLogAsSystem(options?: { batchSize?: number }): Promise<ChainVerification> {
  return verifyChain(readBatch, options);
}
