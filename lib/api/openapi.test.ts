import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registeredEndpoints } from "./endpoints";
import { buildOpenApiDocument } from "./openapi";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");

/** Every "METHOD /path" served by a route file under app/api/v1 (except the document itself). */
function servedRoutes(dir = API_DIR): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...servedRoutes(full));
    else if (name === "route.ts") {
      const route = path
        .relative(API_DIR, dir)
        .split(path.sep)
        .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
        .join("/");
      if (route === "openapi.json") continue;
      const source = readFileSync(full, "utf8");
      for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) out.push(`${m[1]} /${route}`);
    }
  }
  return out.sort();
}

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument(registeredEndpoints());

  it("is OpenAPI 3.1 with bearer and cookie security schemes", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.schemas.Error).toMatchObject({ type: "object", required: ["error"] });
  });

  it("documents exactly the routes the app serves", () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(servedRoutes());
    expect(documented.length).toBeGreaterThanOrEqual(4);
  });

  it("generates request schemas from the zod schemas the routes validate with", () => {
    const create = doc.paths["/clusters"].post as {
      requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } } };
      security: unknown[];
    };
    const schema = create.requestBody.content["application/json"].schema;
    expect(schema.properties.environment).toMatchObject({ enum: ["production", "staging", "development"] });
    expect(schema.required).toEqual(expect.arrayContaining(["name", "environment", "brokerCount"]));
    // writes need a token; reads accept a browser session too
    expect(create.security).toEqual([{ bearerAuth: [] }]);
    expect((doc.paths["/clusters"].get as { security: unknown[] }).security).toHaveLength(2);
  });

  it("describes path and query parameters and every error answer", () => {
    const get = doc.paths["/clusters/{id}"].get as { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> };
    expect(get.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
    expect(Object.keys(get.responses)).toEqual(["200", "401", "403", "404", "429", "500"]);
    const list = doc.paths["/scorecards"].get as { parameters: { name: string; required: boolean }[]; "x-required-scope": string };
    expect(list.parameters.map((p) => [p.name, p.required])).toEqual([
      ["cluster", false],
      ["state", false],
      ["limit", false],
      ["offset", false],
    ]);
    expect(list["x-required-scope"]).toBe("read");
    // every POST takes an Idempotency-Key and documents what a retry can be told
    const post = doc.paths["/drills"].post as { parameters: { name: string; in: string }[]; responses: Record<string, unknown> };
    expect(post.parameters).toEqual([expect.objectContaining({ name: "Idempotency-Key", in: "header", required: false })]);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(["409", "422"]));
  });
});
