import type { TokenRow } from "@/lib/tokens/queries";
import { SCOPE_LABELS, type ApiScope } from "@/lib/tokens/scopes";
import { Badge } from "@/components/ui/card";
import { formatDate, formatDateTime } from "./format";
import { RevokeTokenButton } from "./revoke-token-button";

const stateBadge = {
  active: <Badge tone="green">Active</Badge>,
  expired: <Badge tone="amber">Expired</Badge>,
  revoked: <Badge tone="red">Revoked</Badge>,
};

/** Every token with its scopes, expiry and last use; active ones can be revoked. */
export function TokensTable({ tokens }: { tokens: TokenRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-2 pr-4">Name</th>
            <th scope="col" className="py-2 pr-4">Token</th>
            <th scope="col" className="py-2 pr-4">Scopes</th>
            <th scope="col" className="py-2 pr-4">State</th>
            <th scope="col" className="py-2 pr-4">Expires</th>
            <th scope="col" className="py-2 pr-4">Last used</th>
            <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.map((t) => (
            <tr key={t.id} className={t.state === "active" ? "" : "text-slate-500"}>
              <td className="py-2 pr-4">
                <span className="block font-medium">{t.name}</span>
                <span className="block text-xs text-slate-500">
                  {t.createdBy}, {formatDate(t.createdAt)}
                </span>
              </td>
              <td className="py-2 pr-4 font-mono text-xs">{t.prefix}…</td>
              <td className="py-2 pr-4">
                <div className="flex flex-wrap gap-1 whitespace-nowrap">
                  {t.scopes.map((s) => (
                    <Badge key={s} tone="blue">
                      {SCOPE_LABELS[s as ApiScope] ?? s}
                    </Badge>
                  ))}
                </div>
              </td>
              <td className="py-2 pr-4">{stateBadge[t.state]}</td>
              <td className="whitespace-nowrap py-2 pr-4">{t.state === "revoked" ? `revoked ${formatDate(t.revokedAt)}` : formatDate(t.expiresAt)}</td>
              <td className="whitespace-nowrap py-2 pr-4">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "never"}</td>
              <td className="py-2 text-right">{t.state === "active" ? <RevokeTokenButton id={t.id} name={t.name} prefix={t.prefix} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
