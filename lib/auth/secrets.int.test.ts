/**
 * Passwords and API tokens never reach the database in clear, the audit log, the server's
 * log or an API answer: after signing in (right and wrong password) and out, creating, using
 * and revoking a token, every row of every table and every console line is searched for them.
 */
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { getAuth } from "@/lib/auth/auth";
import { createTestUser } from "@/test/support/users";
import { signedInUser } from "@/test/support/sessions";
import { createApiToken, revokeApiToken } from "@/lib/tokens/mutations";
import { listApiTokens } from "@/lib/tokens/queries";
import { GET as listClustersRoute } from "@/app/api/v1/clusters/route";

async function everyRowAsText(): Promise<string> {
  const db = await getDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const rows = await db.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(t)::text AS j FROM "${tablename}" t`);
    parts.push(...rows.map((r) => r.j));
  }
  return parts.join("\n");
}

describe("secrets stay secret", () => {
  it("never stores or logs passwords and tokens in clear", async () => {
    const lines: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      }),
    );
    try {
      const person = await signedInUser("editor");
      const auth = await getAuth();
      const wrong = `${person.password}-wrong`;
      await expect(auth.api.signInEmail({ body: { email: person.email, password: wrong } })).rejects.toThrow();
      await auth.api.signOut({ headers: new Headers({ cookie: person.cookie }) });
      expect(await auth.api.getSession({ headers: new Headers({ cookie: person.cookie }) })).toBeNull();

      const admin = await createTestUser("admin");
      const created = await createApiToken(admin, { name: "ci", scopes: ["read"], expiresInDays: 30 });
      const answer = await listClustersRoute(new Request("http://127.0.0.1:3000/api/v1/clusters", { headers: { authorization: `Bearer ${created.token}` } }), {
        params: Promise.resolve({}),
      });
      const answered = await answer.text();
      const listing = JSON.stringify(await listApiTokens(admin));
      await revokeApiToken(admin, created.id);
      const refused = await listClustersRoute(new Request("http://127.0.0.1:3000/api/v1/clusters", { headers: { authorization: `Bearer ${created.token}` } }), {
        params: Promise.resolve({}),
      });
      const refusedText = await refused.text();

      const stored = await everyRowAsText();
      const logs = lines.join("\n");
      const secrets = { password: person.password, wrongPassword: wrong, token: created.token, tokenBody: created.token.slice(12) };
      for (const [name, secret] of Object.entries(secrets)) {
        expect(stored.includes(secret), `${name} in the database`).toBe(false);
        expect(logs.includes(secret), `${name} in the log`).toBe(false);
        expect(answered.includes(secret) || refusedText.includes(secret) || listing.includes(secret), `${name} in an answer`).toBe(false);
      }
      // sanity: the search does see the data (the hash and the password hash are there)
      expect(stored).toContain(created.prefix);
      expect(stored).toMatch(/"password":"[^"]{20,}"/);
      const db = await getDb();
      const audit = JSON.stringify((await db.auditEvent.findMany()).map((e) => ({ ...e, seq: String(e.seq) })));
      expect(audit).not.toMatch(/tokenHash|"password"/);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
