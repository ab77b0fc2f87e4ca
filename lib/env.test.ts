import { afterEach, describe, expect, it } from "vitest";
import { env, oidcConfig, resetEnvForTests } from "./env";

const KEYS = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ROLE_CLAIM", "OIDC_DEFAULT_ROLE", "OIDC_PROVIDER_NAME", "DRILLBOOK_API_RATE_LIMIT", "DRILLBOOK_ALLOW_SELF_APPROVAL"];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function withEnv(values: Record<string, string>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, values);
  resetEnvForTests();
}

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvForTests();
});

describe("configuration", () => {
  it("has no single sign-on and the default API limits when nothing is set", () => {
    withEnv({});
    expect(oidcConfig()).toBeNull();
    expect(env()).toMatchObject({ DRILLBOOK_API_RATE_LIMIT: 120, DRILLBOOK_API_RATE_WINDOW_SECONDS: 60, OIDC_DEFAULT_ROLE: "viewer" });
  });

  it("reads the OIDC settings, trimming the issuer's trailing slash", () => {
    withEnv({ OIDC_ISSUER: "https://idp.example.com/realms/ops/", OIDC_CLIENT_ID: "drillbook", OIDC_CLIENT_SECRET: "s", OIDC_ROLE_CLAIM: "groups", OIDC_DEFAULT_ROLE: "none", OIDC_PROVIDER_NAME: "Okta" });
    expect(oidcConfig()).toEqual({ issuer: "https://idp.example.com/realms/ops", clientId: "drillbook", clientSecret: "s", roleClaim: "groups", defaultRole: "none", providerName: "Okta" });
  });

  it("refuses half an OIDC configuration, an unknown default role and a bad limit, naming the variable", () => {
    withEnv({ OIDC_ISSUER: "https://idp.example.com" });
    expect(() => env()).toThrow(/OIDC_ISSUER: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together/);
    withEnv({ OIDC_DEFAULT_ROLE: "root" });
    expect(() => env()).toThrow(/OIDC_DEFAULT_ROLE must be one of none, viewer, editor, approver, admin/);
    withEnv({ DRILLBOOK_API_RATE_LIMIT: "0" });
    expect(() => env()).toThrow(/DRILLBOOK_API_RATE_LIMIT/);
  });

  it("keeps owners from approving their own scorecards unless DRILLBOOK_ALLOW_SELF_APPROVAL says so", () => {
    withEnv({});
    expect(env().DRILLBOOK_ALLOW_SELF_APPROVAL).toBe(false);
    for (const [value, allowed] of [["true", true], ["1", true], ["false", false], ["0", false], [" ", false]] as const) {
      withEnv({ DRILLBOOK_ALLOW_SELF_APPROVAL: value });
      expect(env().DRILLBOOK_ALLOW_SELF_APPROVAL, value).toBe(allowed);
    }
    withEnv({ DRILLBOOK_ALLOW_SELF_APPROVAL: "yes" });
    expect(() => env()).toThrow(/DRILLBOOK_ALLOW_SELF_APPROVAL must be true or false/);
  });
});
