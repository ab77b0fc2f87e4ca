/** Reads of data sources and cluster metrics sources. Secrets stay inside this server module. */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { PrometheusError, testConnection, type Connection } from "@/lib/prometheus/client";
import { effectiveTemplates, parseMatchers, QUERY_KEYS, QUERY_LIBRARY, renderQuery, type QueryKey } from "@/lib/prometheus/rules";
import { assertDataSourceAdmin, PUBLIC_DATA_SOURCE } from "./datasource-mutations";

export type DataSourceRow = {
  id: string;
  name: string;
  baseUrl: string;
  authKind: string;
  username: string | null;
  headerNames: string[];
  tlsVerify: boolean;
  caPem: string | null;
  timeoutSeconds: number;
  hasSecret: boolean;
  clusters: string[];
};

type Reader = Prisma.TransactionClient;

const DATA_SOURCE_ROW = { ...PUBLIC_DATA_SOURCE, secretBox: true, clusters: { select: { cluster: { select: { name: true } } } } } as const;

type DataSourceRecord = Prisma.DataSourceGetPayload<{ select: typeof DATA_SOURCE_ROW }>;

function toRow({ secretBox, clusters, ...r }: DataSourceRecord): DataSourceRow {
  return { ...r, hasSecret: secretBox !== null, clusters: clusters.map((c) => c.cluster.name) };
}

/** Every data source with the clusters using it (admins). Never a secret: only whether one is set. */
export async function listDataSources(user: CurrentUser): Promise<DataSourceRow[]> {
  assertDataSourceAdmin(user);
  const db = await getDb();
  const rows = await db.dataSource.findMany({ orderBy: { name: "asc" }, select: DATA_SOURCE_ROW });
  return rows.map(toRow);
}

/** One data source as the list shows it. */
export async function getDataSource(user: CurrentUser, id: string): Promise<DataSourceRow> {
  assertDataSourceAdmin(user);
  return readDataSource(await getDb(), id);
}

/** getDataSource's read, on any client: the API's create and update call it inside their transaction. */
export async function readDataSource(db: Reader, id: string): Promise<DataSourceRow> {
  const row = await db.dataSource.findUnique({ where: { id }, select: DATA_SOURCE_ROW });
  if (!row) throw new NotFoundError("No data source has this id.");
  return toRow(row);
}

/** Names to pick from when linking a cluster (editors may link; only admins see the details). */
export async function listDataSourceOptions(user: CurrentUser): Promise<{ id: string; name: string; baseUrl: string }[]> {
  if (!can(user.role, "cluster:read")) throw new ForbiddenError();
  const db = await getDb();
  return db.dataSource.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, baseUrl: true } });
}

/** The decrypted connection settings of a data source, for the client in lib/prometheus. */
export async function connectionFor(dataSourceId: string): Promise<Connection & { name: string; id: string }> {
  const db = await getDb();
  const ds = await db.dataSource.findUnique({ where: { id: dataSourceId } });
  if (!ds) throw new NotFoundError("This data source no longer exists.");
  let secret = "";
  let headers: Record<string, string> = {};
  try {
    if (ds.secretBox) secret = decryptSecret(ds.secretBox);
    if (ds.headersBox) headers = JSON.parse(decryptSecret(ds.headersBox));
  } catch {
    // the key changed since the secret was stored: the admin must enter it again
    throw new DomainError(
      `The stored credentials of “${ds.name}” cannot be decrypted (the encryption key changed?). Enter them again under Admin → Data sources.`,
      {},
      409,
    );
  }
  const auth: Connection["auth"] =
    ds.authKind === "bearer"
      ? { kind: "bearer", token: secret }
      : ds.authKind === "basic"
        ? { kind: "basic", username: ds.username ?? "", password: secret }
        : { kind: "none" };
  return { id: ds.id, name: ds.name, baseUrl: ds.baseUrl, auth, headers, tlsVerify: ds.tlsVerify, caPem: ds.caPem, timeoutSeconds: ds.timeoutSeconds };
}

/** "Test connection" of a stored data source: the version it reports, or the precise error. */
export async function testDataSource(
  user: CurrentUser,
  id: string,
): Promise<{ ok: true; version: string; via: string } | { ok: false; kind: string; message: string }> {
  assertDataSourceAdmin(user);
  const conn = await connectionFor(id);
  try {
    return { ok: true, ...(await testConnection(conn)) };
  } catch (error) {
    if (error instanceof PrometheusError) return { ok: false, kind: error.kind, message: error.message };
    throw error;
  }
}

export type ClusterMetricsSourceView = {
  dataSourceId: string;
  dataSourceName: string;
  matchers: string;
  lagThresholdRecords: number;
  marginBeforeSec: number;
  marginAfterSec: number;
  queries: { key: QueryKey; label: string; feeds: string; optional: boolean; template: string; overridden: boolean; promql: string | null }[];
};

/** A cluster's metrics source with each library query as the cluster runs it (final PromQL). */
export async function getClusterMetricsSource(user: CurrentUser, clusterId: string): Promise<ClusterMetricsSourceView | null> {
  if (!can(user.role, "cluster:read")) throw new ForbiddenError();
  return readClusterMetricsSource(await getDb(), clusterId);
}

/** getClusterMetricsSource's read, on any client: the API's PUT calls it inside its transaction. */
export async function readClusterMetricsSource(db: Reader, clusterId: string): Promise<ClusterMetricsSourceView | null> {
  const row = await db.clusterMetricsSource.findUnique({ where: { clusterId }, include: { dataSource: { select: { name: true } } } });
  if (!row) return null;
  return metricsSourceView(row.dataSourceId, row.dataSource.name, row);
}

/** Builds the view of a metrics source (also used by the pull). */
export function metricsSourceView(
  dataSourceId: string,
  dataSourceName: string,
  row: { matchers: string; queries: unknown; lagThresholdRecords: number; marginBeforeSec: number; marginAfterSec: number },
): ClusterMetricsSourceView {
  const overrides = (row.queries ?? {}) as Partial<Record<string, string>>;
  const templates = effectiveTemplates(overrides);
  const parsed = parseMatchers(row.matchers);
  return {
    dataSourceId,
    dataSourceName,
    matchers: row.matchers,
    lagThresholdRecords: row.lagThresholdRecords,
    marginBeforeSec: row.marginBeforeSec,
    marginAfterSec: row.marginAfterSec,
    queries: QUERY_KEYS.map((key) => ({
      key,
      label: QUERY_LIBRARY[key].label,
      feeds: QUERY_LIBRARY[key].feeds,
      optional: QUERY_LIBRARY[key].optional,
      template: templates[key],
      overridden: Boolean(overrides[key]),
      promql: parsed.ok ? renderQuery(templates[key], parsed.matchers) : null,
    })),
  };
}
