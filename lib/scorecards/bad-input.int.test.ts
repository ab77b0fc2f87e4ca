/**
 * Bad input through the same server actions the browser calls (the session is stubbed to a
 * signed-in editor): each one gets a clear message and nothing is written.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, loadPage, startScorecard, writeCounts } from "@/test/support/scorecards";
import { idleState } from "@/lib/action-state";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async () => {
  const { can } = await import("@/lib/access/permissions");
  const { ForbiddenError, UnauthenticatedError } = await import("@/lib/errors");
  return {
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      if (!session.user) throw new UnauthenticatedError();
      if (!can(session.user.role, permission)) throw new ForbiddenError();
      return session.user;
    },
  };
});
vi.mock("next/cache", () => ({ refresh: vi.fn(), revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { digest: `NEXT_REDIRECT;${to}` });
  },
}));

const { saveItemAction } = await import("@/lib/actions/scorecards");
const { addEvidenceAction } = await import("@/lib/actions/evidence");
const { importTemplateAction } = await import("@/lib/actions/templates");

function form(fields: Record<string, string | File>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const today = new Date().toISOString().slice(0, 10);

describe("bad input everywhere", () => {
  beforeEach(async () => {
    await installTemplates();
  });

  it("answers each bad request with a clear error and writes nothing", async () => {
    const editor = await createTestUser("editor");
    session.user = editor;
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    const { item } = await loadPage(editor, id);
    const storagePath = item("storage-path"); // accepts link, file, note
    const before = await writeCounts();

    // an unknown status in a crafted request
    expect(await saveItemAction({ itemId: storagePath.id, version: 1, status: "done", notes: "" })).toEqual({
      status: "invalid",
      message: "This item was not saved.",
      fieldErrors: { status: ['Unknown status "done"; expected one of not_started, in_progress, pass, partial, fail, not_applicable'] },
    });
    // not applicable without a justification
    expect(await saveItemAction({ itemId: storagePath.id, version: 1, status: "not_applicable", justification: "" })).toMatchObject({
      status: "invalid",
      fieldErrors: { justification: ["Explain why this item does not apply before marking it not applicable"] },
    });

    const evidence = (fields: Record<string, string | File>) =>
      addEvidenceAction(idleState, form({ itemId: storagePath.id, kind: "file", title: "", capturedAt: today, ...fields }));

    // an oversized file (limit 10 MB by default)
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.7\n"));
    expect(await evidence({ file: new File([big], "capture.pdf", { type: "application/pdf" }) })).toMatchObject({
      status: "error",
      fieldErrors: { file: ["The file is larger than the 10 MB limit"] },
    });
    // a type that is not allowed, and content that does not match its name
    expect(await evidence({ file: new File(["MZ\x90\x00"], "tool.exe", { type: "application/octet-stream" }) })).toMatchObject({
      fieldErrors: { file: [expect.stringMatching(/^\.exe files are not accepted\. Allowed: PDF, PNG/)] },
    });
    expect(await evidence({ file: new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1])], "report.pdf", { type: "application/pdf" }) })).toMatchObject({
      fieldErrors: { file: ["The file is named .pdf but its content is not a PDF file"] },
    });
    // a link that is not a web address, a kind the item does not accept, a future day
    expect(await evidence({ kind: "link", title: "Runbook", url: "javascript:alert(1)" })).toMatchObject({
      fieldErrors: { url: ["Enter a web address starting with http:// or https://"] },
    });
    expect(await evidence({ kind: "drill", drillId: "x" })).toMatchObject({ fieldErrors: { kind: ["“Storage path” accepts link, file, note evidence only"] } });
    expect(await evidence({ kind: "note", title: "n", body: "b", capturedAt: "2999-01-01" })).toMatchObject({
      fieldErrors: { capturedAt: ["The captured day cannot be in the future"] },
    });

    // malformed template JSON
    const state = await importTemplateAction(
      idleState,
      form({ json: '{"format":"drillbook.template/v1","key":"Bad Key","name":"","description":"","sections":[]}' }),
    );
    expect(state).toMatchObject({ status: "error", message: "The template has 3 problems; nothing was saved." });
    expect((state as { problems: unknown }).problems).toEqual([
      { path: "key", message: 'Template key must use lowercase letters, digits and single hyphens, e.g. "failure-drill"' },
      { path: "name", message: "Name must not be empty" },
      { path: "sections", message: "A template needs at least one section" },
    ]);

    expect(await writeCounts()).toEqual(before);
  });

  it("refuses writes from a viewer and from nobody signed in", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    const { item } = await loadPage(editor, id);
    const before = await writeCounts();
    session.user = await createTestUser("viewer");
    expect(await saveItemAction({ itemId: item("rollback").id, version: 1, status: "pass" })).toMatchObject({
      status: "invalid",
      message: "You do not have permission to do that.",
    });
    session.user = null;
    expect(await saveItemAction({ itemId: item("rollback").id, version: 1, status: "pass" })).toMatchObject({ message: "Please sign in." });
    expect(await writeCounts()).toEqual(before);
  });
});
