/** Read access to evidence files and the drills that evidence can point at. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";

/** The stored bytes of a file evidence, for download by someone who can read scorecards. */
export async function getEvidenceFile(user: CurrentUser, evidenceId: string) {
  if (!can(user.role, "scorecard:read")) throw new ForbiddenError();
  const db = await getDb();
  const evidence = await db.evidence.findUnique({
    where: { id: evidenceId },
    select: { file: { select: { filename: true, mimeType: true, size: true, sha256: true, data: true } } },
  });
  return evidence?.file ?? null;
}

export interface DrillOption {
  id: string;
  title: string;
  scenario: string;
  startedAt: string;
  realisticTraffic: boolean;
}

/** The cluster's drills, newest first, for the "drill" evidence picker. */
export async function listDrillOptions(user: CurrentUser, clusterId: string): Promise<DrillOption[]> {
  if (!can(user.role, "drill:read")) throw new ForbiddenError();
  const db = await getDb();
  const drills = await db.drill.findMany({
    where: { clusterId },
    orderBy: { startedAt: "desc" },
    take: 200,
    select: { id: true, title: true, scenario: true, startedAt: true, realisticTraffic: true },
  });
  return drills.map((d) => ({ ...d, startedAt: d.startedAt.toISOString() }));
}
