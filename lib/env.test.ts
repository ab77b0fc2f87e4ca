import { afterEach, describe, expect, it } from "vitest";
import { configurationProblems, env, oidcConfig, publicBaseUrl, resetEnvForTests } from "./env";

const KEYS = [
  "NODE_ENV",
  "DATABASE_URL",
  "BETTER_AUTH_SECRET",
  "BETTER_AUTH_URL",
  "DRILLBOOK_ENCRYPTION_KEY",
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_ROLE_CLAIM",
  "OIDC_DEFAULT_ROLE",
  "OIDC_PROVIDER_NAME",
  "DRILLBOOK_API_RATE_LIMIT",
  "DRILLBOOK_ALLOW_SELF_APPROVAL",
];
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
    withEnv({
      OIDC_ISSUER: "https://idp.example.com/realms/ops/",
      OIDC_CLIENT_ID: "drillbook",
      OIDC_CLIENT_SECRET: "s",
      OIDC_ROLE_CLAIM: "groups",
      OIDC_DEFAULT_ROLE: "none",
      OIDC_PROVIDER_NAME: "Okta",
    });
    expect(oidcConfig()).toEqual({
      issuer: "https://idp.example.com/realms/ops",
      clientId: "drillbook",
      clientSecret: "s",
      roleClaim: "groups",
      defaultRole: "none",
      providerName: "Okta",
    });
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
    for (const [value, allowed] of [
      ["true", true],
      ["1", true],
      ["false", false],
      ["0", false],
      [" ", false],
    ] as const) {
      withEnv({ DRILLBOOK_ALLOW_SELF_APPROVAL: value });
      expect(env().DRILLBOOK_ALLOW_SELF_APPROVAL, value).toBe(allowed);
    }
    withEnv({ DRILLBOOK_ALLOW_SELF_APPROVAL: "yes" });
    expect(() => env()).toThrow(/DRILLBOOK_ALLOW_SELF_APPROVAL must be true or false/);
  });

  it("refuses production on a PostgreSQL server without a signing secret, saying how to make one", () => {
    withEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://db.internal/drillbook" });
    expect(configurationProblems()).toEqual(["BETTER_AUTH_SECRET is required in production with DATABASE_URL (make one with `openssl rand -base64 32`)"]);
    withEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://db.internal/drillbook", BETTER_AUTH_SECRET: "short" });
    expect(configurationProblems()?.[0]).toMatch(/^BETTER_AUTH_SECRET must be at least 32 characters \(make one with `openssl rand -base64 32`\)/);
    // the embedded database (one server) and development keep a generated secret
    withEnv({ NODE_ENV: "production" });
    expect(configurationProblems()).toBeNull();
    withEnv({ NODE_ENV: "development", DATABASE_URL: "postgresql://db.internal/drillbook" });
    expect(configurationProblems()).toBeNull();
  });

  it("checks an encryption key is 32 bytes, as hex or base64", () => {
    for (const key of ["a".repeat(64), Buffer.alloc(32, 7).toString("base64")]) {
      withEnv({ DRILLBOOK_ENCRYPTION_KEY: key });
      expect(configurationProblems(), key).toBeNull();
    }
    for (const key of ["a".repeat(63), Buffer.alloc(16, 7).toString("base64"), "not base64 at all!"]) {
      withEnv({ DRILLBOOK_ENCRYPTION_KEY: key });
      expect(configurationProblems()?.[0], key).toMatch(/^DRILLBOOK_ENCRYPTION_KEY must be 32 bytes/);
    }
  });

  it("names every variable at fault, one line each", () => {
    withEnv({ DRILLBOOK_API_RATE_LIMIT: "lots", DATABASE_URL: "mysql://x" });
    const problems = configurationProblems() ?? [];
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe("DATABASE_URL must start with postgresql://");
    expect(problems[1]).toMatch(/^DRILLBOOK_API_RATE_LIMIT: /);
  });

  it("gives BETTER_AUTH_URL as the address to open when set, else where the server listens", () => {
    withEnv({ BETTER_AUTH_URL: "https://drillbook.example.com/" });
    expect(publicBaseUrl()).toEqual({ url: "https://drillbook.example.com", source: "BETTER_AUTH_URL" });
    const saved = process.env.__NEXT_PRIVATE_ORIGIN;
    try {
      withEnv({});
      process.env.__NEXT_PRIVATE_ORIGIN = "http://127.0.0.1:4123";
      expect(publicBaseUrl()).toEqual({ url: "http://127.0.0.1:4123", source: "listening" });
    } finally {
      if (saved === undefined) delete process.env.__NEXT_PRIVATE_ORIGIN;
      else process.env.__NEXT_PRIVATE_ORIGIN = saved;
    }
  });
});
