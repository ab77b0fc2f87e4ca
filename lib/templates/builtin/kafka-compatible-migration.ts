import type { TemplateDocument } from "@/lib/templates/schema";

/**
 * Readiness to move workloads onto a Kafka-compatible platform: the cutover path and the way
 * back are treated with the same discipline as a failure runbook.
 */
export const kafkaCompatibleMigrationTemplate: TemplateDocument = {
  format: "drillbook.template/v1",
  key: "kafka-compatible-migration",
  name: "Migration to a Kafka-compatible platform",
  description:
    "For teams moving from a Kafka cluster to a Kafka-compatible target. A shared bootstrap " +
    "address is not enough: clients, offsets, cutover, rollback, failure behavior, storage and " +
    "security all need evidence before production traffic moves.",
  sections: [
    {
      key: "compatibility",
      title: "Compatibility",
      description: "The target must behave the way the applications expect, not merely accept their " + "connections.",
      items: [
        {
          key: "client-compatibility",
          title: "Client compatibility on the target",
          evidenceToCollect:
            "Test runs of representative producers and consumers against the target at production " +
            "client versions, covering transactions if used, offset commits and rebalances.",
          whyItMatters: "Applications should not need emergency code changes after cutover; any gap found " + "here limits which workloads can move.",
          blocking: false,
          weight: 3,
          evidenceKinds: ["file", "link", "note"],
          defaultOwnerRole: "application_owner",
        },
        {
          key: "ecosystem-tooling",
          title: "Admin tools, connectors and monitoring",
          evidenceToCollect:
            "Admin tooling, Kafka Connect jobs, schema tooling and monitoring agents exercised " +
            "against the target, with anything that needed a change listed.",
          whyItMatters: "The tools around the cluster break more often than the clients, and they are the ones " + "operators reach for during an incident.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["file", "link", "note"],
          defaultOwnerRole: "sre",
        },
        {
          key: "topic-config-parity",
          title: "Topic mapping and configuration parity",
          evidenceToCollect:
            "A source-to-target topic map with partition counts, retention, compaction and other " +
            "topic settings compared, and every intended difference explained.",
          whyItMatters: "A changed partition count or retention setting silently alters ordering, replay " + "windows and cost after the move.",
          blocking: false,
          weight: 1,
          evidenceKinds: ["file", "link"],
          defaultOwnerRole: "sre",
        },
      ],
    },
    {
      key: "offsets-and-cutover",
      title: "Offsets and cutover",
      description: "How writes move, how consumer progress carries over, and how both are checked while the " + "switch happens.",
      items: [
        {
          key: "offset-planning",
          title: "Offset planning",
          evidenceToCollect:
            "The chosen approach for carrying consumer offsets to the target (preserved as-is or " +
            "translated), with a verification on sample groups that target positions match the " +
            "source.",
          whyItMatters:
            "Consumers that start from the wrong position either reprocess data or skip it, and " + "neither is visible until downstream numbers disagree.",
          blocking: false,
          weight: 3,
          evidenceKinds: ["note", "file", "link"],
          defaultOwnerRole: "application_owner",
        },
        {
          key: "producer-cutover",
          title: "Producer cutover",
          evidenceToCollect:
            "The cutover runbook for producers: order of topics, how writes are kept on exactly " +
            "one side at a time, how partially promoted topics are handled, and a timed rehearsal.",
          whyItMatters:
            "Writes split between two clusters are the hardest state to recover from, so control " +
            "over where producers write is the core of a safe cutover.",
          blocking: false,
          weight: 3,
          evidenceKinds: ["drill", "note", "link"],
          defaultOwnerRole: "application_owner",
        },
        {
          key: "consumer-group-progress",
          title: "Consumer group progress",
          evidenceToCollect:
            "Lag and committed offsets of the key consumer groups before, during and after the " +
            "cutover rehearsal, showing steady forward progress with no rewind.",
          whyItMatters: "Progress tracking is what lets lag recover on the target and what a rollback resumes " + "from on the source.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["metric_export", "drill"],
          defaultOwnerRole: "application_owner",
        },
      ],
    },
    {
      key: "drills-and-rollback",
      title: "Failure drills and rollback",
      description:
        "Both paths tested before go-live: the target surviving a broker failure, and traffic " + "returning to the source when the cutover goes wrong.",
      items: [
        {
          key: "failure-drill",
          title: "Failure drill on the target platform",
          evidenceToCollect:
            "A drill on the target in which a broker is killed or isolated under representative " +
            "traffic, recording time to leadership settled, time to stable producer " +
            "acknowledgements, peak consumer lag and time to lag recovered.",
          whyItMatters: "The reason to migrate is usually a better recovery story; only an incident-shaped " + "test on the target shows whether it holds.",
          blocking: true,
          weight: 3,
          evidenceKinds: ["drill", "metric_export"],
          defaultOwnerRole: "sre",
          role: "failure_drill",
        },
        {
          key: "rollback-routing",
          title: "Rollback routing",
          evidenceToCollect:
            "A rehearsed return to the source: producers routed back, consumers resuming from " +
            "consistent offsets, partially promoted topics handled by the runbook, with the " +
            "rollback point, decision time and owner fixed before the rehearsal.",
          whyItMatters: "Without a controlled way back, a problem during cutover leaves the team choosing " + "between an outage and data inconsistency.",
          blocking: true,
          weight: 3,
          evidenceKinds: ["drill", "note", "link"],
          defaultOwnerRole: "sre",
          role: "rollback",
        },
      ],
    },
    {
      key: "platform-configuration",
      title: "Storage, observability and cost",
      description: "How the target stores data durably, whether the team can see it recovering, and what " + "recovery costs.",
      items: [
        {
          key: "wal-storage-configuration",
          title: "WAL and storage configuration",
          evidenceToCollect:
            "The WAL type in use and why, its latency and deployment trade-offs, the object storage " +
            "bucket and lifecycle settings, and the access pattern measured under load.",
          whyItMatters:
            "Shared-storage platforms differ in how writes become durable, so the review must name " +
            "the concrete WAL and storage setup rather than shared storage in general.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["note", "link", "metric_export"],
          defaultOwnerRole: "sre",
        },
        {
          key: "observability",
          title: "Observability on the target",
          evidenceToCollect:
            "Dashboards and alerts on the target for leadership, consumer lag, WAL, cache, object " +
            "storage and client errors, viewed next to the source during the cutover rehearsal.",
          whyItMatters:
            "During a migration the team has to tell a healthy cutover from a slow degradation on " + "either side, quickly enough to decide on rollback.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["link", "metric_export"],
          defaultOwnerRole: "sre",
        },
        {
          key: "recovery-cost-model",
          title: "Recovery cost model",
          evidenceToCollect:
            "What a failure costs on the target, not just a normal day: brokers, the WAL, request " +
            "charges on the object store, private network links and traffic between zones, " +
            "estimated from this workload.",
          whyItMatters:
            "A platform that is cheap on a normal day can still surprise the bill when recovery " + "triggers a burst of catch-up or remote read traffic.",
          blocking: false,
          weight: 1,
          evidenceKinds: ["file", "link"],
          defaultOwnerRole: "finops",
        },
      ],
    },
    {
      key: "security-boundaries",
      title: "Security boundaries",
      description: "Where each component runs and which controls apply to it, reviewed by security before " + "data moves.",
      items: [
        {
          key: "deployment-boundary",
          title: "Deployment boundary map",
          evidenceToCollect:
            "A diagram showing which cloud account, VPC or private environment hosts each piece: " +
            "brokers, WAL, the object store, the management plane, and the metrics and logs.",
          whyItMatters: "Regulated teams need to know where records and operational data live before they can " + "approve where recovery happens.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["file", "link"],
          defaultOwnerRole: "security",
        },
        {
          key: "storage-access-policy",
          title: "Bucket policy, encryption and network paths",
          evidenceToCollect:
            "Reviewed bucket and IAM policies, encryption at rest and in transit, and the private " + "network paths between brokers, storage and clients.",
          whyItMatters: "With durable data in object storage, its access policy becomes part of the security " + "perimeter of the stream itself.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["file", "link", "note"],
          defaultOwnerRole: "security",
        },
        {
          key: "acl-parity",
          title: "Access control parity",
          evidenceToCollect: "Principals and ACLs on the target compared with the source, with least-privilege " + "exceptions listed and approved.",
          whyItMatters: "Migrated permissions tend to widen in the rush to make clients work, and rarely get " + "tightened again afterwards.",
          blocking: false,
          weight: 1,
          evidenceKinds: ["file", "note"],
          defaultOwnerRole: "security",
        },
      ],
    },
  ],
};
