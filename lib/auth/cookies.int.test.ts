/** Session cookie attributes, as better-auth sets them with Drillbook's configuration. */
import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { resetEnvForTests } from "@/lib/env";
import { signedInUser } from "@/test/support/sessions";
import { createAuth } from "./auth";

afterEach(() => {
  delete process.env.BETTER_AUTH_URL;
  resetEnvForTests();
});

describe("session cookie", () => {
  it("is httpOnly and SameSite=Lax over http (not Secure, or browsers would drop it)", async () => {
    const { setCookie } = await signedInUser("viewer");
    expect(setCookie).toMatch(/^better-auth\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
  });

  it("is also Secure, with the __Secure- prefix, when the app is served over https", async () => {
    process.env.BETTER_AUTH_URL = "https://drillbook.example.com";
    resetEnvForTests();
    const auth = await createAuth();
    const email = `https-${randomUUID().slice(0, 8)}@test.drillbook`;
    const password = `pw-${randomUUID()}`;
    await auth.api.createUser({ body: { email, password, name: "Https", role: "viewer" } });
    const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
    const setCookie = headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });
});
