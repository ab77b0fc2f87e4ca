/**
 * One content hash, published and verifiable: the report carries the hash its sign-offs carry,
 * embeds the content that hashes to it, and the check (CLI and API) says which version and
 * signers a report matches, or names the first difference.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { contentDocumentHash, type Json } from "@/lib/readiness/content-hash";
import { getScorecardReview } from "@/lib/reviews/queries";
import { createApiToken } from "@/lib/tokens/mutations";
import { POST as verifyApi } from "@/app/api/v1/reports/verify/route";
import { changeItem, scorecardInReview, sign } from "@/test/support/reviews";
import { getReadinessReport } from "./queries";
import { reportToVerifySchema, verifyReport } from "./verify";

const asInput = (report: unknown) => reportToVerifySchema.parse(report);

describe("verifying a readiness report", () => {
  it("carries the sign-offs' hash, matches the signed version and names who signed", async () => {
    const { editor, sre, security, scorecardId } = await scorecardInReview();
    await sign(sre, scorecardId, "sre");
    await sign(security, scorecardId, "security");
    const report = (await getReadinessReport(editor, scorecardId))!;
    const review = (await getScorecardReview(editor, scorecardId))!;
    // one hash: the report's is the sign-offs' and the review's, and it is the hash of the embedded content
    expect(report.scorecard.contentHash).toBe(review.contentHash);
    expect(contentDocumentHash(report.content as Json)).toBe(report.scorecard.contentHash);
    const signOffs = await (await getDb()).approval.findMany({ where: { scorecardId }, select: { contentHash: true } });
    expect(new Set(signOffs.map((s) => s.contentHash))).toEqual(new Set([report.scorecard.contentHash]));

    const now = await verifyReport(editor, asInput(report));
    expect(now).toMatchObject({ matches: true, intact: true, reportVersion: report.scorecard.version, currentVersion: report.scorecard.version });
    expect(now.message).toMatch(
      /^Matches version \d+ of “.+”, its current content\. Signed by Sam SRE \(SRE, approved\), Sue Security \(Security, approved\)\.$/,
    );

    // the scorecard moves on: the old report still matches what was signed, and says what changed since
    await changeItem(editor, scorecardId, "failure-drill", "in_progress");
    const later = await verifyReport(editor, asInput(report));
    expect(later).toMatchObject({ matches: true, currentVersion: report.scorecard.version + 1 });
    expect(later.message).toContain(`Matches version ${report.scorecard.version} of`);
    expect(later.difference).toBe("item failure-drill: status is “not_started” in the report, “in_progress” in Drillbook");
  });

  it("npm run report:verify says the same from a downloaded file, and jq with sha256sum recompute the hash", async () => {
    const { editor, sre, scorecardId } = await scorecardInReview();
    await sign(sre, scorecardId, "sre");
    const report = (await getReadinessReport(editor, scorecardId))!;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "drillbook-verify-")), "report.json");
    writeFileSync(file, JSON.stringify(report, null, 2));
    // the README's recipe for a third party: no Drillbook code involved
    const hasJq = spawnSync("bash", ["-c", "command -v jq"]).status === 0;
    // CI installs jq (.ci/run); a laptop without it is told how to get it, and CI never skips
    if (!hasJq && process.env.CI) throw new Error("jq is missing: the report-hash recipe cannot be checked (apt-get install -y jq)");
    if (!hasJq) console.warn("[verify] jq is not installed, so the README's hash recipe was not checked: apt-get install -y jq (or brew install jq)");
    else {
      const jq = spawnSync("bash", ["-c", `set -o pipefail; jq -jcS .content '${file}' | sha256sum`], { encoding: "utf8" });
      expect(jq.status, jq.stderr).toBe(0);
      expect(jq.stdout.slice(0, 64)).toBe(report.scorecard.contentHash);
    }
    // the CLI opens the database itself: on the embedded database this process holds its lock, so
    // the CLI runs against a PostgreSQL server only (CI always has one)
    const databaseUrl = inject("databaseUrl");
    if (!databaseUrl) return;
    const out = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/report-verify.ts", file], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    expect(out).toContain(`✓ Matches version ${report.scorecard.version} of`);
    expect(out).toContain("Signed by Sam SRE (SRE, approved)");
    expect(out).toContain(`content SHA-256 ${report.scorecard.contentHash}`);
  });

  it("refuses an edited report and names what differs from Drillbook", async () => {
    const { editor, scorecardId } = await scorecardInReview();
    const report = (await getReadinessReport(editor, scorecardId))!;
    const edited = structuredClone(report) as typeof report & { content: { items: { key: string; status: string }[] } };
    edited.content.items.find((i) => i.key === "rollback")!.status = "pass";
    const tampered = await verifyReport(editor, asInput(edited));
    expect(tampered).toMatchObject({ matches: false, intact: false, difference: "item rollback: status is “pass” in the report, “not_started” in Drillbook" });
    expect(tampered.message).toMatch(/^The report was changed after it was exported/);

    // consistent but invented: the hash is recomputed, yet nothing in Drillbook has it
    const forged = { ...edited, scorecard: { ...edited.scorecard, contentHash: contentDocumentHash(edited.content as unknown as Json) } };
    const answer = await verifyReport(editor, asInput(forged));
    expect(answer).toMatchObject({ matches: false, intact: true });
    expect(answer.message).toContain("Does not match anything Drillbook holds");
  });

  it("answers over the API with a token, and refuses a body that is no report with a 400", async () => {
    const { admin, editor, scorecardId } = await scorecardInReview();
    const report = (await getReadinessReport(editor, scorecardId))!;
    const { token } = await createApiToken(admin, { name: "verify", scopes: ["read"], expiresInDays: 1 });
    const call = (body: unknown) =>
      verifyApi(
        new Request("http://127.0.0.1:3000/api/v1/reports/verify", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({}) },
      );
    const ok = await call(report);
    expect(ok.status).toBe(200);
    expect((await ok.json()).data).toMatchObject({ matches: true, intact: true, scorecardId });
    const bad = await call({ hello: "world" });
    expect(bad.status).toBe(400);
  });
});
