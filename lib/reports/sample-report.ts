/** A small, complete report for unit tests of the renderers (pure data, no database). */
import { REPORT_FORMAT, type ReadinessReport } from "./schema";

const FAULT = Date.parse("2024-05-14T10:02:00Z");

export function sampleReport(overrides: Partial<ReadinessReport> = {}): ReadinessReport {
  const times = Array.from({ length: 40 }, (_, i) => FAULT - 120_000 + i * 30_000);
  return {
    format: REPORT_FORMAT,
    generatedAt: "2024-05-20T08:00:00.000Z",
    generatedBy: "Erin Editor",
    scorecard: {
      id: "sc1",
      title: "Broker failure readiness Q3",
      subject: "current",
      candidatePlatform: null,
      state: "in_review",
      version: 7,
      contentHash: "a".repeat(64),
      owner: "Erin Editor",
      dueDate: "2024-06-30",
      createdAt: "2024-05-01T08:00:00.000Z",
      updatedAt: "2024-05-19T08:00:00.000Z",
      template: { key: "broker-failure-recovery", name: "Broker failure recovery readiness", version: 1 },
    },
    cluster: {
      id: "c1", name: "orders-prod", environment: "production", architecture: "apache_kafka", distribution: "Apache Kafka", version: "3.9.0",
      metadataMode: "kraft", brokerCount: 6, availabilityZones: 3, cloud: "aws", region: "eu-west-1", replicationFactor: 3, partitionCount: 1200,
      retentionHours: 72, peakIngressMBps: 50, peakEgressMBps: 150, walType: null, ownerTeam: "payments", tags: ["tier-1"], freshnessDays: 90,
    },
    outcome: {
      outcome: "limited_workload", label: "Ready for limited workload", nextOutcome: "production_test", score: 75, highRisks: 0, mediumRisks: 1,
      staleEvidenceCount: 0, itemsAssessed: 2, itemsTotal: 2, reasons: [{ severity: "gap", text: "Storage path is not passed yet (partial)", itemKey: "storage-path" }], qualifyingDrill: null,
    },
    sections: [
      {
        key: "s1", title: "Metadata and leadership", status: "attention", passed: 1, applicable: 2, total: 2,
        items: [
          {
            number: 1, key: "failure-drill", title: "Failure drill", blocking: true, weight: 3, role: "failure_drill", status: "pass", effectiveStatus: "pass",
            exempted: false, staleOnly: false, justification: "", notes: "Killed **broker 3** at peak.\n\n<script>alert(1)</script>", ownerRole: "sre",
            updatedAt: "2024-05-19T08:00:00.000Z", updatedBy: "Erin Editor",
            evidence: [
              { kind: "drill", title: "Kill broker 3", url: null, body: null, capturedAt: "2024-05-14T00:00:00.000Z", capturedBy: "Erin Editor", realisticTraffic: true, stale: false, file: null, drill: { id: "d1", title: "Kill broker 3" } },
              { kind: "file", title: "urp | export.csv", url: null, body: null, capturedAt: "2024-05-14T00:00:00.000Z", capturedBy: null, realisticTraffic: false, stale: false, file: { filename: "urp | export.csv", mimeType: "text/csv", size: 2048, sha256: "b".repeat(64) }, drill: null },
              { kind: "link", title: "Bad link", url: "javascript:alert(1)", body: null, capturedAt: "2024-05-14T00:00:00.000Z", capturedBy: null, realisticTraffic: false, stale: true, file: null, drill: null },
            ],
            exemptions: [],
          },
          {
            number: 2, key: "storage-path", title: "Storage path", blocking: false, weight: 1, role: null, status: "partial", effectiveStatus: "partial",
            exempted: false, staleOnly: false, justification: "", notes: "", ownerRole: null, updatedAt: "2024-05-19T08:00:00.000Z", updatedBy: null, evidence: [],
            exemptions: [{ status: "requested", justification: "Vendor-managed disks", requestedBy: "Erin Editor", approver: "Avery", expiresAt: "2024-08-01T00:00:00.000Z", decidedAt: null, decisionComment: null, active: false, expired: false }],
          },
        ],
      },
    ],
    drills: [
      {
        id: "d1", title: "Kill broker 3", scenario: "broker_kill", startedAt: "2024-05-14T10:00:00.000Z", endedAt: "2024-05-14T10:25:00.000Z",
        trafficProfile: "Peak replay", realisticTraffic: true, stale: false, usedByItems: ["failure-drill"], qualifying: false,
        rollback: { namedBefore: true, point: "Restart broker 3", owner: "Dana" }, roles: { owner: "Dana", coordinator: "Ali", observers: ["Mo"] },
        hypothesis: "Leaders move within 30 s", observations: "", conclusion: "",
        measurements: [{ key: "leadershipSettledSec", label: "Time to leadership settled", unit: "s", measured: 18, target: 30, result: "met" }],
        faultAt: new Date(FAULT).toISOString(),
        timeline: [
          { at: new Date(FAULT).toISOString(), layer: "control_plane", marker: "fault", label: "Broker 3 killed" },
          { at: new Date(FAULT + 18_000).toISOString(), layer: "control_plane", marker: "recovered", label: "Leaders re-elected" },
        ],
        series: [
          {
            metric: "consumer_lag", sourceName: "lag.csv", unit: "records", threshold: 1000, thresholdDirection: "below", settleSeconds: 60, pointCount: 40,
            recovery: { status: "recovered", recoveredAt: new Date(FAULT + 450_000).toISOString(), recoverySec: 450, flaps: 0 }, peak: 180_000,
            points: { timesMs: times, values: times.map((t) => (t < FAULT ? 200 : 200 + 180_000 * Math.exp(-(t - FAULT) / 75_000))) },
          },
        ],
        matrix: {
          decision: "recovery_unit_too_large", decisionLabel: "The recovery unit is too large", reasons: ["Storage and replication work dominated the recovery."],
          answers: [{ question: "bounded_storage_work", text: "Was the storage work limited?", answer: "red", rationale: "Catch-up | took 12 min", evidence: "", answeredBy: "Erin Editor", answeredAt: "2024-05-14T11:00:00.000Z" }],
        },
        followUps: [{ action: "Raise the throttle", owner: "Kafka team", dueDate: "2024-06-01", done: false }],
      },
    ],
    review: {
      slots: [{ role: "sre", roleLabel: "SRE", required: true, signers: ["Avery"] }],
      signOffs: [
        { role: "sre", roleLabel: "SRE", signer: "Avery", decision: "approved", comment: "", signedAt: "2024-05-18T08:00:00.000Z", scorecardVersion: 6, contentHash: "c".repeat(64), state: "outdated", invalidatedAt: null, invalidReason: null, conditions: [] },
      ],
      approvedOnCurrentVersion: false,
    },
    ...overrides,
  };
}
