/** Read access to templates. Every function takes the asking user and checks permission. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import type { EvidenceKind } from "@/lib/domain/constants";
import { templateFingerprint, templateToDocument } from "./convert";
import type { TemplateDocument } from "./schema";
import { storedTemplateSelect } from "./write";

function assertRead(user: CurrentUser) {
  if (!can(user.role, "template:read")) throw new ForbiddenError();
}

export interface TemplateListRow {
  id: string;
  key: string;
  name: string;
  description: string;
  version: number;
  versionCount: number;
  builtIn: boolean;
  sectionCount: number;
  itemCount: number;
  blockingCount: number;
  /** Scorecards started from any version of this template. */
  scorecardCount: number;
  /** archived: not offered for new scorecards or campaigns */
  archived: boolean;
  createdAt: string;
}

/** The latest version of every template (built-ins first), with usage counts. */
export async function listTemplates(user: CurrentUser): Promise<TemplateListRow[]> {
  assertRead(user);
  const db = await getDb();
  const rows = await db.template.findMany({
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      version: true,
      builtIn: true,
      archivedAt: true,
      createdAt: true,
      _count: { select: { sections: true, items: true, scorecards: true } },
      items: { where: { blocking: true }, select: { id: true } },
    },
    orderBy: [{ key: "asc" }, { version: "desc" }],
  });
  const byKey = new Map<string, TemplateListRow>();
  for (const row of rows) {
    const seen = byKey.get(row.key);
    if (seen) {
      seen.versionCount += 1;
      seen.scorecardCount += row._count.scorecards;
      continue;
    }
    byKey.set(row.key, {
      id: row.id,
      key: row.key,
      name: row.name,
      description: row.description,
      version: row.version,
      versionCount: 1,
      builtIn: row.builtIn,
      sectionCount: row._count.sections,
      itemCount: row._count.items,
      blockingCount: row.items.length,
      scorecardCount: row._count.scorecards,
      archived: row.archivedAt !== null,
      createdAt: row.createdAt.toISOString(),
    });
  }
  return [...byKey.values()].sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
}

/** Templates a scorecard can start from: the latest version of each key not archived. */
export async function listStartableTemplates(user: CurrentUser) {
  return (await listTemplates(user))
    .filter((t) => !t.archived)
    .map(({ id, key, name, version, itemCount, builtIn }) => ({ id, key, name, version, itemCount, builtIn }));
}

export type StartableTemplate = Awaited<ReturnType<typeof listStartableTemplates>>[number];

export interface TemplateItemView {
  id: string;
  key: string;
  title: string;
  evidenceToCollect: string;
  whyItMatters: string;
  blocking: boolean;
  weight: number;
  evidenceKinds: EvidenceKind[];
  defaultOwnerRole: string | null;
  role: string | null;
}

/** One template version with its sections, items, sibling versions and its fingerprint. */
export async function getTemplate(user: CurrentUser, id: string) {
  assertRead(user);
  const db = await getDb();
  const template = await db.template.findUnique({
    where: { id },
    select: {
      id: true,
      key: true,
      version: true,
      name: true,
      description: true,
      builtIn: true,
      archivedAt: true,
      clonedFromId: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      _count: { select: { scorecards: true } },
      sections: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          title: true,
          description: true,
          position: true,
          items: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              key: true,
              title: true,
              evidenceToCollect: true,
              whyItMatters: true,
              blocking: true,
              weight: true,
              evidenceKinds: true,
              defaultOwnerRole: true,
              role: true,
              position: true,
            },
          },
        },
      },
    },
  });
  if (!template) return null;
  const [versions, clonedFrom, campaignCount] = await Promise.all([
    db.template.findMany({
      where: { key: template.key },
      orderBy: { version: "desc" },
      select: { id: true, version: true, createdAt: true, _count: { select: { scorecards: true } } },
    }),
    template.clonedFromId ? db.template.findUnique({ where: { id: template.clonedFromId }, select: { id: true, name: true, version: true } }) : null,
    db.campaign.count({ where: { templateKey: template.key } }),
  ]);
  const document = templateToDocument(template);
  return {
    ...template,
    createdAt: template.createdAt.toISOString(),
    archivedAt: template.archivedAt?.toISOString() ?? null,
    scorecardCount: template._count.scorecards,
    campaignCount,
    latestVersion: versions[0]?.version ?? template.version,
    isLatest: (versions[0]?.version ?? template.version) === template.version,
    versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.createdAt.toISOString(), scorecardCount: v._count.scorecards })),
    clonedFrom,
    document,
    fingerprint: templateFingerprint(document),
  };
}

export type TemplateDetail = NonNullable<Awaited<ReturnType<typeof getTemplate>>>;

/** The export document of one template version, or null. */
export async function getTemplateDocument(user: CurrentUser, id: string): Promise<{ document: TemplateDocument; version: number } | null> {
  assertRead(user);
  const db = await getDb();
  const template = await db.template.findUnique({ where: { id }, select: { version: true, ...storedTemplateSelect } });
  return template ? { document: templateToDocument(template), version: template.version } : null;
}
