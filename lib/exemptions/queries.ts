/** Exemption requests waiting for a decision. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";

export interface PendingExemption {
  id: string;
  itemTitle: string;
  itemId: string;
  sectionKey: string;
  scorecardId: string;
  scorecardTitle: string;
  clusterName: string;
  requestedBy: string | null;
  justification: string;
  expiresAt: string;
  createdAt: string;
}

/** Requests the user may decide (named approver; admins see all), oldest first. */
export async function listPendingExemptions(user: CurrentUser): Promise<PendingExemption[]> {
  if (!can(user.role, "exemption:decide")) return [];
  const db = await getDb();
  const rows = await db.exemption.findMany({
    where: { status: "requested", ...(user.role === "admin" ? {} : { approverId: user.id }), NOT: { requestedById: user.id } },
    orderBy: { createdAt: "asc" },
    take: 50,
    select: {
      id: true,
      justification: true,
      expiresAt: true,
      createdAt: true,
      requestedBy: { select: { name: true } },
      scorecardItem: {
        select: {
          id: true,
          templateItem: { select: { title: true, section: { select: { key: true } } } },
          scorecard: { select: { id: true, title: true, cluster: { select: { name: true } } } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    itemTitle: r.scorecardItem.templateItem.title,
    itemId: r.scorecardItem.id,
    sectionKey: r.scorecardItem.templateItem.section.key,
    scorecardId: r.scorecardItem.scorecard.id,
    scorecardTitle: r.scorecardItem.scorecard.title,
    clusterName: r.scorecardItem.scorecard.cluster.name,
    requestedBy: r.requestedBy?.name ?? null,
    justification: r.justification,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  }));
}
