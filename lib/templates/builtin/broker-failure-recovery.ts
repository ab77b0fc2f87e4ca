import type { TemplateDocument } from "@/lib/templates/schema";

/**
 * The readiness scorecard for losing a broker, grouped by the four things recovery has to
 * put back in order: leadership, durable data, client progress and spare capacity.
 */
export const brokerFailureRecoveryTemplate: TemplateDocument = {
  format: "drillbook.template/v1",
  key: "broker-failure-recovery",
  name: "Broker failure recovery readiness",
  description:
    "Decides, with evidence, whether this cluster can lose a broker and return to a healthy state: " +
    "leaders re-elected, durable data in place, clients making progress and production traffic " +
    "still served while the recovery work runs. Approve only after a drill under realistic load.",
  sections: [
    {
      key: "metadata-and-leadership",
      title: "Metadata and leadership",
      description: "After a broker disappears, its partitions need new leaders and clients must learn where " + "those leaders are. This section times both.",
      items: [
        {
          key: "failure-drill",
          title: "Failure drill",
          evidenceToCollect:
            "A drill record in which one broker was killed or cut off from the network while " +
            "production-like traffic was flowing, with the time until leadership settled, the time " +
            "until producer acknowledgements were stable again, peak consumer lag and the producer " +
            "error count, plus the exported metrics behind those numbers.",
          whyItMatters:
            "Statements about how the architecture recovers are opinions until a failure that looks " + "like a real incident has been survived and measured.",
          blocking: true,
          weight: 3,
          evidenceKinds: ["drill", "metric_export"],
          defaultOwnerRole: "sre",
          role: "failure_drill",
        },
        {
          key: "leader-election-and-metadata",
          title: "Leader election and metadata propagation",
          evidenceToCollect:
            "From the drill: the interval between losing the broker and every affected partition " +
            "having an in-sync leader, and the interval until clients were sending to the new " +
            "leaders. Note the metadata mode (KRaft or ZooKeeper) and the controller events seen.",
          whyItMatters:
            "Clients keep retrying against a broker that is gone until their metadata refreshes, so " +
            "a fast election alone does not end the incident for applications.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["drill", "metric_export"],
          defaultOwnerRole: "sre",
        },
        {
          key: "leader-balance",
          title: "Leader balance after recovery",
          evidenceToCollect:
            "Leaders per broker before the fault, right after it and once recovery finished, and the " +
            "way preferred leadership is restored (automatic rebalancing or a runbook step).",
          whyItMatters:
            "Survivors that pick up the failed broker's leaders carry its traffic too; if the skew " +
            "never unwinds, the next failure starts from a hot spot.",
          blocking: false,
          weight: 1,
          evidenceKinds: ["metric_export", "link"],
          defaultOwnerRole: "sre",
        },
      ],
    },
    {
      key: "durable-log-state",
      title: "Durable log state",
      description:
        "Whether the log the failed broker held is already reachable from other nodes, or has to " +
        "be copied, re-replicated or rebuilt before redundancy is back.",
      items: [
        {
          key: "storage-path",
          title: "Storage path",
          evidenceToCollect:
            "A short document stating where durable data lives (broker disks, tiered storage or " +
            "shared storage) and, for shared storage, the WAL type, the object storage bucket " +
            "policy and the read and write access pattern.",
          whyItMatters:
            "Where the authoritative copy of the data sits decides how much a failure forces the " + "cluster to rebuild, which is the true scope of recovery.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["link", "file", "note"],
          defaultOwnerRole: "sre",
        },
        {
          key: "replica-rebuild",
          title: "Replacement broker catch-up",
          evidenceToCollect:
            "For broker-local storage: the retained bytes a replacement broker has to copy and the " +
            "measured catch-up time at the configured reassignment throttle. For shared storage: " +
            "the time to hand partition ownership to the new broker and warm its cache.",
          whyItMatters: "This is the slow part that follows the leader election; until it ends the cluster " + "runs with less redundancy than designed.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["drill", "metric_export"],
          defaultOwnerRole: "sre",
        },
        {
          key: "replication-health",
          title: "Replication health restored",
          evidenceToCollect: "Under-replicated partition count and in-sync replica changes over the drill, showing " + "when the count went back to zero.",
          whyItMatters: "A cluster can answer requests while still missing copies of data; a second fault in " + "that window can cost data or availability.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["metric_export", "drill"],
          defaultOwnerRole: "sre",
        },
      ],
    },
    {
      key: "client-progress",
      title: "Client progress",
      description:
        "Producers, consumers, transactions and committed offsets must keep the Kafka semantics " +
        "applications rely on, through the failure and through any rollback.",
      items: [
        {
          key: "client-compatibility",
          title: "Client compatibility",
          evidenceToCollect:
            "Test results for every producer, consumer, connector and admin tool in use, at the " +
            "exact client versions running in production, including a run through a broker failure.",
          whyItMatters:
            "If an application needs an urgent code change to get through a failure, the platform " + "did not recover; the team did, under pressure.",
          blocking: false,
          weight: 3,
          evidenceKinds: ["link", "file", "note"],
          defaultOwnerRole: "application_owner",
        },
        {
          key: "offset-behavior",
          title: "Offset behavior",
          evidenceToCollect:
            "Committed offsets and lag of the important consumer groups captured before, during " +
            "and after the failure or cutover, showing no rewind and no skipped records.",
          whyItMatters: "Both lag recovery and a clean rollback assume that consumer progress is recorded " + "consistently the whole time.",
          blocking: false,
          weight: 3,
          evidenceKinds: ["metric_export", "drill", "file"],
          defaultOwnerRole: "application_owner",
        },
        {
          key: "producer-delivery",
          title: "Producer delivery within timeout",
          evidenceToCollect:
            "Producer retries, errors and delivery latency during the drill compared with the " +
            "configured delivery timeout, along with the idempotence and transaction settings used.",
          whyItMatters:
            "Retries that outlast the delivery timeout reach applications as failed or duplicated " + "writes, even though the cluster itself stayed up.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["drill", "metric_export"],
          defaultOwnerRole: "application_owner",
        },
        {
          key: "rollback",
          title: "Rollback",
          evidenceToCollect:
            "A rehearsal of returning to the source path: client routing switched back, consumers " +
            "resuming from consistent offsets and data consistency checks passing. The rollback " +
            "point and its owner are written down before the rehearsal begins.",
          whyItMatters: "A change or migration that cannot be reversed in a controlled way puts availability " + "at risk on its own.",
          blocking: true,
          weight: 3,
          evidenceKinds: ["drill", "note", "link"],
          defaultOwnerRole: "sre",
          role: "rollback",
        },
      ],
    },
    {
      key: "operational-capacity",
      title: "Operational capacity",
      description:
        "Recovery draws on the network, disks and CPU that also serve live traffic. This section " +
        "checks that it fits and that the team can see it happening.",
      items: [
        {
          key: "capacity-headroom",
          title: "Capacity headroom",
          evidenceToCollect:
            "Per-broker network, disk and CPU use during the drill, with live traffic and recovery " +
            "traffic (catch-up, reassignment, replay) measured together against the limits.",
          whyItMatters: "When recovery competes with production for the same resources, the rebuild itself can " + "cause the next incident.",
          blocking: false,
          weight: 3,
          evidenceKinds: ["metric_export", "drill"],
          defaultOwnerRole: "sre",
        },
        {
          key: "observability",
          title: "Observability",
          evidenceToCollect:
            "Links to alerts and dashboards for leadership changes, consumer lag, WAL and cache " +
            "health, storage, and errors seen by clients, plus proof that they fired or moved " +
            "during the drill.",
          whyItMatters: "Without these signals nobody can tell a cluster that is recovering from one that is " + "quietly degrading.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["link", "metric_export"],
          defaultOwnerRole: "sre",
        },
        {
          key: "recovery-traffic-cost",
          title: "Recovery traffic cost",
          evidenceToCollect:
            "An estimate, from this cluster's own traffic, of the data a broker replacement moves " +
            "(ingress × retention × replication factor ÷ brokers), the share that crosses zones " +
            "and its cost at the region's transfer price.",
          whyItMatters:
            "Cross-zone transfer is billed apart from compute and storage, so a recovery can be " +
            "costly even when it is quick; other clusters' benchmarks do not transfer.",
          blocking: false,
          weight: 1,
          evidenceKinds: ["file", "note", "link"],
          defaultOwnerRole: "finops",
        },
      ],
    },
  ],
};
