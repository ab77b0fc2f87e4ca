import type { TokenRow } from "@/lib/tokens/queries";
import { SCOPE_LABELS, type ApiScope } from "@/lib/tokens/scopes";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { RevokeTokenButton } from "./revoke-token-button";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

const stateBadge = {
  active: <Badge tone="green">Active</Badge>,
  expired: <Badge tone="amber">Expired</Badge>,
  revoked: <Badge tone="red">Revoked</Badge>,
};

/** Every token with its scopes, expiry and last use; active ones can be revoked. */
export function TokensTable({ tokens }: { tokens: TokenRow[] }) {
  return (
    <div className="relative overflow-x-auto">
      <Table>
        <TableHead>
          <Th>Name</Th>
          <Th>Token</Th>
          <Th>Scopes</Th>
          <Th>State</Th>
          <Th>Expires</Th>
          <Th>Last used</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </TableHead>
        <TableBody>
          {tokens.map((t) => (
            <tr key={t.id} className={t.state === "active" ? "" : "text-slate-500"}>
              <Td>
                <span className="block font-medium">{t.name}</span>
                <span className="block text-xs text-slate-500">
                  {t.createdBy}, <DateTime value={t.createdAt} format="day" />
                </span>
              </Td>
              <Td className="font-mono text-xs">{t.prefix}…</Td>
              <Td>
                <div className="flex flex-wrap gap-1 whitespace-nowrap">
                  {t.scopes.map((s) => (
                    <Badge key={s} tone="blue">
                      {SCOPE_LABELS[s as ApiScope] ?? s}
                    </Badge>
                  ))}
                </div>
              </Td>
              <Td>{stateBadge[t.state]}</Td>
              <Td className="whitespace-nowrap">
                {t.state === "revoked" ? (
                  <>revoked {t.revokedAt ? <DateTime value={t.revokedAt} format="day" /> : null}</>
                ) : t.expiresAt ? (
                  <DateTime value={t.expiresAt} format="day" />
                ) : null}
              </Td>
              <Td className="whitespace-nowrap">{t.lastUsedAt ? <DateTime value={t.lastUsedAt} format="minutes" /> : "never"}</Td>
              <Td className="text-right">{t.state === "active" ? <RevokeTokenButton id={t.id} name={t.name} prefix={t.prefix} /> : null}</Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
