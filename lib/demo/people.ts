/**
 * The made-up people of the demo portfolio. They are user rows without a password or any other
 * way to sign in (no better-auth account), so they can own scorecards and sign reviews in the
 * demo but can never be used to enter Drillbook. They are recognised by their email domain
 * (`.invalid` is reserved: it can never be a real address) and removed with the sample data.
 */
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";

export const SAMPLE_EMAIL_DOMAIN = "sample.drillbook.invalid";

const PEOPLE = {
  owner: { name: "Priya Raman (sample)", local: "priya.raman", role: "editor" },
  sre: { name: "Marta Silva (sample)", local: "marta.silva", role: "approver" },
  appOwner: { name: "Jon Berg (sample)", local: "jon.berg", role: "approver" },
  security: { name: "Lena Okafor (sample)", local: "lena.okafor", role: "approver" },
  finops: { name: "Tom Reyes (sample)", local: "tom.reyes", role: "approver" },
} as const satisfies Record<string, { name: string; local: string; role: Role }>;

export type DemoPeople = Record<keyof typeof PEOPLE, CurrentUser>;

/** Creates (or finds) the sample people. */
export async function ensureDemoPeople(): Promise<DemoPeople> {
  const db = await getDb();
  const out = {} as DemoPeople;
  for (const [key, p] of Object.entries(PEOPLE) as [keyof typeof PEOPLE, (typeof PEOPLE)[keyof typeof PEOPLE]][]) {
    const email = `${p.local}@${SAMPLE_EMAIL_DOMAIN}`;
    const user = await db.user.upsert({
      where: { email },
      update: {},
      create: { id: `sample-${p.local}`, name: p.name, email, role: p.role },
      select: { id: true, name: true, email: true, role: true },
    });
    out[key] = { ...user, role: user.role as Role };
  }
  return out;
}
