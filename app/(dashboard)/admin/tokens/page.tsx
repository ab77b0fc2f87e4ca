import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/tokens/queries";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CreateTokenForm } from "@/components/admin/create-token-form";
import { TokensTable } from "@/components/admin/tokens-table";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const user = await requirePagePermission("token:manage");
  const tokens = await listApiTokens(user);
  const active = tokens.filter((t) => t.state === "active").length;
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let pipelines and chaos tools use the{" "}
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">
              JSON API
            </a>
            . A token acts as the admin who created it, limited to its scopes; it is stored only as a hash.
          </>
        }
      />
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {tokens.length === 0 ? (
            <EmptyState title="No API tokens yet" description="Create one for each pipeline or tool, with only the scopes it needs." />
          ) : (
            <Card title={`Tokens (${active} active of ${tokens.length})`}>
              <TokensTable tokens={tokens} />
            </Card>
          )}
        </div>
        <Card title="Create a token">
          <CreateTokenForm />
        </Card>
      </div>
    </>
  );
}
