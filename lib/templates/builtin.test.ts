import { describe, expect, it } from "vitest";
import { REVIEW_ROLES } from "@/lib/domain/constants";
import { BUILTIN_TEMPLATES } from "./builtin";
import { parseTemplateJson, templateDocumentSchema, type TemplateDocument } from "./schema";

const items = (template: TemplateDocument) => template.sections.flatMap((section) => section.items);
const sectionKeys = (key: string) => byKey(key).sections.map((section) => section.key);
const itemKeys = (key: string) => items(byKey(key)).map((item) => item.key);

function byKey(key: string): TemplateDocument {
  const template = BUILTIN_TEMPLATES.find((t) => t.key === key);
  if (!template) throw new Error(`no built-in template ${key}`);
  return template;
}

describe("built-in templates", () => {
  it("ships the three templates with unique keys", () => {
    expect(BUILTIN_TEMPLATES.map((t) => t.key)).toEqual(["broker-failure-recovery", "leader-movement-recovery", "kafka-compatible-migration"]);
  });

  describe.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))("%s", (_key, template) => {
    it("passes the schema unchanged", () => {
      expect(templateDocumentSchema.parse(template)).toEqual(template);
    });

    it("survives a JSON export and import round trip", () => {
      expect(parseTemplateJson(JSON.stringify(template, null, 2))).toEqual({ ok: true, template });
    });

    it("has exactly one blocking failure drill and one blocking rollback item", () => {
      const drills = items(template).filter((item) => item.role === "failure_drill");
      const rollbacks = items(template).filter((item) => item.role === "rollback");
      expect(drills).toHaveLength(1);
      expect(rollbacks).toHaveLength(1);
      expect(drills[0].blocking).toBe(true);
      expect(drills[0].evidenceKinds).toContain("drill");
      expect(rollbacks[0].blocking).toBe(true);
    });

    it("blocks readiness only on the failure drill and the rollback", () => {
      const blocking = items(template).filter((item) => item.blocking);
      expect(blocking.map((item) => item.role).sort()).toEqual(["failure_drill", "rollback"]);
    });

    it("gives every item a weight of 1 to 3 and a review role as owner", () => {
      for (const item of items(template)) {
        expect([1, 2, 3]).toContain(item.weight);
        expect(REVIEW_ROLES).toContain(item.defaultOwnerRole);
      }
    });

    it("keeps every section between 2 and 4 items", () => {
      for (const section of template.sections) {
        expect(section.items.length).toBeGreaterThanOrEqual(2);
        expect(section.items.length).toBeLessThanOrEqual(4);
      }
    });
  });

  it("groups the broker failure scorecard under the four recovery areas", () => {
    expect(sectionKeys("broker-failure-recovery")).toEqual(["metadata-and-leadership", "durable-log-state", "client-progress", "operational-capacity"]);
    expect(itemKeys("broker-failure-recovery")).toEqual(
      expect.arrayContaining(["client-compatibility", "offset-behavior", "failure-drill", "capacity-headroom", "storage-path", "observability", "rollback"]),
    );
  });

  it("covers the seven dimensions and the leader movement checklist", () => {
    expect(sectionKeys("leader-movement-recovery")).toEqual([
      "compatibility",
      "cost",
      "elasticity",
      "governance",
      "fault-recovery",
      "migration-risk",
      "team-boundary",
    ]);
    expect(itemKeys("leader-movement-recovery")).toEqual(
      expect.arrayContaining([
        "client-behavior",
        "storage-ownership",
        "capacity-headroom",
        "failure-domain-routing",
        "rollback",
        "observability",
        "negative-test",
        "failure-drill",
      ]),
    );
  });

  it("covers every migration topic", () => {
    expect(itemKeys("kafka-compatible-migration")).toEqual(
      expect.arrayContaining([
        "client-compatibility",
        "offset-planning",
        "producer-cutover",
        "consumer-group-progress",
        "rollback-routing",
        "failure-drill",
        "observability",
        "wal-storage-configuration",
        "deployment-boundary",
        "storage-access-policy",
      ]),
    );
  });
});
