/**
 * Writes to data sources (admins only) and to a cluster's metrics source (editors). Secrets are
 * encrypted before they reach the database and never appear in an audit event: the event
 * says "credentials changed" instead. Each write takes an optional `readBack`, run inside its
 * transaction, so the API answers with what the transaction saw and never reads after the
 * commit (a read that failed then would report an error for a change that was stored).
 */
import "server-only";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { DomainError, ForbiddenError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import type { DataSourceInput, MetricsSourceInput } from "./datasource-schema";
import { lockCluster } from "@/lib/write/locks";
import { writeTransaction, type Tx } from "@/lib/write/transaction";

export function assertDataSourceAdmin(user: CurrentUser) {
  if (!can(user.role, "datasource:manage")) throw new ForbiddenError("Only admins manage data sources.");
}

/** The non-secret columns of a data source: what audit events and pages may show. */
export const PUBLIC_DATA_SOURCE = {
  id: true,
  name: true,
  baseUrl: true,
  authKind: true,
  username: true,
  headerNames: true,
  tlsVerify: true,
  caPem: true,
  timeoutSeconds: true,
} as const;

type Stored = { secretBox: string | null; headersBox: string | null; headerNames: string[] };

/** Columns from the input; a blank secret or header list keeps what is stored (editing). */
function columns(input: Partial<DataSourceInput>, stored: Stored | null) {
  const authKind = input.authKind ?? "none";
  let secretBox = stored?.secretBox ?? null;
  if (input.secret) secretBox = encryptSecret(input.secret);
  if (authKind === "none") secretBox = null;
  let headersBox = stored?.headersBox ?? null;
  let headerNames = stored?.headerNames ?? [];
  if (input.headers) {
    headersBox = encryptSecret(JSON.stringify(input.headers));
    headerNames = Object.keys(input.headers);
  } else if (input.clearHeaders) {
    headersBox = null;
    headerNames = [];
  }
  const data = {
    name: input.name,
    baseUrl: input.baseUrl,
    authKind,
    username: authKind === "basic" ? (input.username ?? null) : null,
    secretBox,
    headersBox,
    headerNames,
    tlsVerify: !input.tlsSkipVerify,
    caPem: input.caPem ?? null,
    timeoutSeconds: input.timeoutSeconds ?? 15,
  };
  const credentialsChanged = secretBox !== (stored?.secretBox ?? null) || headersBox !== (stored?.headersBox ?? null);
  return { data, credentialsChanged };
}

const nameTaken = () => new DomainError("A data source with this name exists already.", { name: ["Choose another name"] }, 409);

/** Adds a data source. */
export async function createDataSource<V = undefined>(
  user: CurrentUser,
  input: DataSourceInput,
  readBack?: (tx: Tx, id: string) => Promise<V>,
): Promise<{ id: string; view: V }> {
  assertDataSourceAdmin(user);
  if (input.authKind !== "none" && !input.secret) throw new DomainError("Give the token or password.", { secret: ["Required for this authentication"] });
  const { data, credentialsChanged } = columns(input, null);
  try {
    return await writeTransaction(async (tx) => {
      const created = await tx.dataSource.create({
        data: { ...data, name: input.name, baseUrl: input.baseUrl, createdById: user.id },
        select: PUBLIC_DATA_SOURCE,
      });
      await recordAudit(tx, {
        actor: user,
        action: "create",
        entityType: "data_source",
        entityId: created.id,
        after: { ...created, credentials: credentialsChanged ? "credentials set" : "none" },
      });
      return { id: created.id, view: (await readBack?.(tx, created.id)) as V };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Changes a data source; fields left out keep their stored values (the API's PATCH). */
export async function updateDataSource<V = undefined>(
  user: CurrentUser,
  id: string,
  input: Partial<DataSourceInput>,
  readBack?: (tx: Tx, id: string) => Promise<V>,
): Promise<{ id: string; view: V }> {
  assertDataSourceAdmin(user);
  try {
    return await writeTransaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM data_source WHERE id = ${id} FOR UPDATE`;
      if (rows.length === 0) throw new NotFoundError("This data source no longer exists.");
      const stored = await tx.dataSource.findUniqueOrThrow({ where: { id }, select: { ...PUBLIC_DATA_SOURCE, secretBox: true, headersBox: true } });
      const merged: Partial<DataSourceInput> = {
        name: input.name ?? stored.name,
        baseUrl: input.baseUrl ?? stored.baseUrl,
        authKind: input.authKind ?? (stored.authKind as DataSourceInput["authKind"]),
        username: input.username !== undefined ? input.username : stored.username,
        secret: input.secret,
        headers: input.headers,
        clearHeaders: input.clearHeaders,
        tlsSkipVerify: input.tlsSkipVerify !== undefined ? input.tlsSkipVerify : !stored.tlsVerify,
        caPem: input.caPem !== undefined ? input.caPem : stored.caPem,
        timeoutSeconds: input.timeoutSeconds ?? stored.timeoutSeconds,
      };
      if (merged.authKind === "basic" && !merged.username)
        throw new DomainError("Basic authentication needs a user name.", { username: ["Required for basic authentication"] });
      const { data, credentialsChanged } = columns(merged, stored);
      if (merged.authKind !== "none" && !data.secretBox) throw new DomainError("Give the token or password.", { secret: ["Required for this authentication"] });
      const after = await tx.dataSource.update({ where: { id }, data, select: PUBLIC_DATA_SOURCE });
      const { secretBox: _s, headersBox: _h, ...before } = stored;
      void _s;
      void _h;
      await recordAudit(tx, {
        actor: user,
        action: "update",
        entityType: "data_source",
        entityId: id,
        before,
        after: { ...after, ...(credentialsChanged ? { credentials: "credentials changed" } : {}) },
      });
      return { id, view: (await readBack?.(tx, id)) as V };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Deletes a data source no cluster uses (the page asks first; linked clusters are named). */
export async function deleteDataSource(user: CurrentUser, id: string): Promise<void> {
  assertDataSourceAdmin(user);
  await writeTransaction(async (tx) => {
    const before = await tx.dataSource.findUnique({
      where: { id },
      select: { ...PUBLIC_DATA_SOURCE, clusters: { select: { cluster: { select: { name: true } } } } },
    });
    if (!before) throw new NotFoundError("This data source was already deleted.");
    if (before.clusters.length > 0) {
      const names = before.clusters.map((c) => c.cluster.name).join(", ");
      throw new DomainError(`Clusters still read their metrics from this data source: ${names}. Link them to another one first.`, {}, 409);
    }
    await tx.dataSource.delete({ where: { id } });
    const { clusters: _c, ...shown } = before;
    void _c;
    await recordAudit(tx, { actor: user, action: "delete", entityType: "data_source", entityId: id, before: shown });
  });
}

/** Links a cluster to a data source with its matchers and query overrides (one per cluster). */
export async function setClusterMetricsSource<V = undefined>(
  user: CurrentUser,
  clusterId: string,
  input: MetricsSourceInput,
  readBack?: (tx: Tx, clusterId: string) => Promise<V>,
): Promise<{ clusterId: string; view: V }> {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
  return writeTransaction(async (tx) => {
    if (!(await lockCluster(tx, clusterId))) throw new NotFoundError("This cluster no longer exists.");
    const ds = await tx.dataSource.findUnique({ where: { id: input.dataSourceId }, select: { id: true, name: true } });
    if (!ds) throw new DomainError("This data source no longer exists.", { dataSourceId: ["Choose an existing data source"] }, 400);
    const before = await tx.clusterMetricsSource.findUnique({ where: { clusterId } });
    const data = {
      dataSourceId: ds.id,
      matchers: input.matchers,
      queries: input.queries,
      lagThresholdRecords: input.lagThresholdRecords,
      marginBeforeSec: input.marginBeforeSec,
      marginAfterSec: input.marginAfterSec,
    };
    await tx.clusterMetricsSource.upsert({ where: { clusterId }, create: { clusterId, ...data }, update: data });
    await recordAudit(tx, {
      actor: user,
      action: before ? "update" : "create",
      entityType: "cluster_metrics_source",
      entityId: clusterId,
      clusterId,
      before,
      after: { ...data, dataSource: ds.name },
    });
    return { clusterId, view: (await readBack?.(tx, clusterId)) as V };
  });
}
