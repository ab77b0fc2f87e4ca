import { describe, expect, it, vi } from "vitest";
import { DomainError } from "@/lib/errors";
import { errorResponse } from "./respond";

describe("errorResponse", () => {
  it("says nothing was changed only when no write of the request was stored", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await errorResponse(new Error("connection reset"), "POST /api/v1/drills").json();
    expect(before.error).toMatch(/Nothing was changed/);
    const after = await errorResponse(new Error("connection reset"), "POST /api/v1/drills", {}, 1).json();
    expect(after.error).toMatch(/Your change was stored/);
    expect(after.error).not.toMatch(/Nothing was changed/);
    quiet.mockRestore();
  });

  it("answers domain errors with their status and field issues, whatever was written", async () => {
    const response = errorResponse(new DomainError("Please correct the highlighted fields.", { capturedAt: ["Too late"] }, 400), "POST /x", {}, 0);
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: "Please correct the highlighted fields.", issues: [{ path: "capturedAt", message: "Too late" }] });
  });
});
