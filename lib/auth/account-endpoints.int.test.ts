/**
 * better-auth's own account endpoints over HTTP, through the app's route handler: changing
 * one's name without an audit event and listing sessions with their tokens are switched
 * off, the session a browser can read carries no token, and no auth answer is cached.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { signedInUser, type SignedInUser } from "@/test/support/sessions";
import { GET, POST } from "@/app/api/auth/[...all]/route";

function send(method: "GET" | "POST", path: string, who: SignedInUser, body?: unknown) {
  const headers: Record<string, string> = { cookie: who.cookie, origin: "http://localhost:3000" };
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost:3000/api/auth${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return method === "GET" ? GET(request) : POST(request);
}

describe("account endpoints", () => {
  it("update-user is off: a person cannot rename themselves without an audit event", async () => {
    const viewer = await signedInUser("viewer");
    const response = await send("POST", "/update-user", viewer, { name: "Someone Else" });
    expect(response.status).toBe(404);
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).name).toBe("viewer person");
  });

  it.each(["/list-sessions", "/admin/list-user-sessions"])("%s is off: no answer hands out session tokens", async (path) => {
    const admin = await signedInUser("admin");
    const response = path.startsWith("/admin") ? await send("POST", path, admin, { userId: admin.id }) : await send("GET", path, admin);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(admin.cookie.split("=")[1].split(".")[0]);
  });

  it("get-session answers without the session token, and auth answers are never cached", async () => {
    const viewer = await signedInUser("viewer");
    const response = await send("GET", "/get-session", viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { session: Record<string, unknown>; user: { email: string } };
    expect(body.user.email).toBe(viewer.email);
    expect(body.session.token).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(viewer.cookie.split("=")[1].split(".")[0]);
    const refused = await send("POST", "/update-user", viewer, {});
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });

  it("a sign-in through the route still sets the session cookie", async () => {
    const viewer = await signedInUser("viewer");
    const response = await POST(
      new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ email: viewer.email, password: viewer.password }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().some((c) => c.includes("session_token="))).toBe(true);
  });
});
