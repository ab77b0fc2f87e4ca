import type { TemplateDocument } from "@/lib/templates/schema";

/**
 * What has to be true before the team trusts a leadership change under load, organised by
 * the seven evaluation dimensions, with the proof checklist placed where each item belongs.
 */
export const leaderMovementRecoveryTemplate: TemplateDocument = {
  format: "drillbook.template/v1",
  key: "leader-movement-recovery",
  name: "Leader movement recovery",
  description:
    "Moving partition leadership looks like a quick metadata change, but it can set off client " +
    "retries, replica catch-up, cache warm-up and extra traffic. This template asks for proof, " +
    "dimension by dimension, that the cluster is healthy again after leaders move, and for the " +
    "decision that follows the drill.",
  sections: [
    {
      key: "compatibility",
      title: "Compatibility",
      description:
        "Which client libraries and versions are in use, how they handle the protocol, transactions " +
        "and committed offsets, and which tools connect. Moving leaders puts their timeout, retry " +
        "and metadata-refresh assumptions to the test.",
      items: [
        {
          key: "client-behavior",
          title: "Client behavior during leadership changes",
          evidenceToCollect:
            "Results of moving leaders while clients run: how producers retry (with idempotence " +
            "and with transactions, where used), how consumer groups rebalance and whether offsets " +
            "are committed correctly, each noted with the client library and version.",
          whyItMatters:
            "Leadership can settle in seconds while applications keep retrying or rebalancing for " + "much longer; clients decide what users actually notice.",
          blocking: false,
          weight: 3,
          evidenceKinds: ["drill", "metric_export", "note"],
          defaultOwnerRole: "application_owner",
        },
        {
          key: "client-inventory",
          title: "Client and tooling inventory",
          evidenceToCollect:
            "A list of client libraries and versions, the protocol features they use (transactions, " +
            "idempotence, offset commit style) and the admin and monitoring tools that talk to the " +
            "cluster.",
          whyItMatters: "Only clients that are known can be tested; an unlisted old library is the usual source " + "of surprises during a change.",
          blocking: false,
          weight: 1,
          evidenceKinds: ["file", "link", "note"],
          defaultOwnerRole: "application_owner",
        },
      ],
    },
    {
      key: "cost",
      title: "Cost",
      description:
        "What the cluster pays for disks, reserve brokers, replica traffic and cloud network " +
        "transfer. Most of the bill can come from capacity held back for bad days, not from " +
        "normal traffic.",
      items: [
        {
          key: "capacity-headroom",
          title: "Capacity headroom for the failure case",
          evidenceToCollect:
            "A capacity model of the failure case, not the quiet day: peak traffic plus the reads " +
            "for replica catch-up, the reassignment throttle in force, extra monitoring load and " +
            "replays by downstream consumers, checked against measurements from a drill.",
          whyItMatters:
            "Replication and retries share the network and disks that producers and consumers need, " +
            "so headroom sized for normal load runs out exactly when recovery starts.",
          blocking: false,
          weight: 3,
          evidenceKinds: ["metric_export", "file", "drill"],
          defaultOwnerRole: "sre",
        },
        {
          key: "recovery-cost-model",
          title: "Cost of recovery headroom",
          evidenceToCollect:
            "The monthly cost of spare brokers and storage held for failures and maintenance, plus " +
            "the cross-zone and replication traffic a recovery generates, priced for this region.",
          whyItMatters:
            "Reserve capacity and recovery traffic are recurring costs; seeing them makes the case " + "for, or against, changing the architecture.",
          blocking: false,
          weight: 1,
          evidenceKinds: ["file", "link", "note"],
          defaultOwnerRole: "finops",
        },
      ],
    },
    {
      key: "elasticity",
      title: "Elasticity",
      description: "Whether compute added during an event can take real load before large amounts of data " + "have been relocated.",
      items: [
        {
          key: "storage-ownership",
          title: "Storage ownership",
          evidenceToCollect:
            "For a leader move and for a broker replacement, what recovery has to do and how much " +
            "data it touches: copying a local log, letting replicas catch up, reading segments " +
            "from remote storage, warming caches, replaying the WAL, or only updating metadata.",
          whyItMatters:
            "When durable data belongs to a broker, its retained bytes become part of every " +
            "recovery; when it lives in shared storage the work shifts to metadata, WAL and cache.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["note", "link", "drill"],
          defaultOwnerRole: "sre",
        },
        {
          key: "scale-out-under-load",
          title: "Added capacity takes load quickly",
          evidenceToCollect:
            "A scale-out during or right after a disruption, with the time from the new broker " + "joining to it serving a meaningful share of traffic.",
          whyItMatters: "Brokers that sit idle until data placement catches up do not help during the event " + "they were added for.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["drill", "metric_export"],
          defaultOwnerRole: "sre",
        },
      ],
    },
    {
      key: "governance",
      title: "Governance",
      description:
        "Identity and access policy, encryption, network perimeters, audit trails and who owns " +
        "the data must stay intact while the cluster recovers, not only on a normal day.",
      items: [
        {
          key: "recovery-access-boundaries",
          title: "Recovery stays inside approved boundaries",
          evidenceToCollect:
            "Audit log extracts from a drill showing that no exception access, emergency " +
            "credentials or unreviewed data paths were used, and that encryption and network " +
            "policies stayed in force.",
          whyItMatters: "A recovery that only works by bypassing controls trades an availability incident for " + "a compliance one.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["file", "link", "drill"],
          defaultOwnerRole: "security",
        },
        {
          key: "data-residency",
          title: "Data location and inspection rights",
          evidenceToCollect:
            "A map of where records, WAL, object storage, logs and metrics live (account, VPC or " +
            "private environment) and who may inspect them during an incident.",
          whyItMatters: "The deployment boundary decides which policies apply to recovery and who can look at " + "data while a drill or incident is running.",
          blocking: false,
          weight: 1,
          evidenceKinds: ["file", "link", "note"],
          defaultOwnerRole: "security",
        },
      ],
    },
    {
      key: "fault-recovery",
      title: "Fault recovery",
      description:
        "Losing a broker or a zone, degraded storage and how the controller reacts. Each drill " +
        "should prove that leaders ended up right and that applications got back to normal.",
      items: [
        {
          key: "failure-drill",
          title: "Leader movement drill at peak load",
          evidenceToCollect:
            "A drill record for replacing a broker or restarting brokers one by one during " +
            "realistic peak ingress, with the SLO targets set beforehand and measured time to leadership settled, " +
            "time to stable producer acknowledgements, peak consumer lag and time to lag recovered.",
          whyItMatters:
            "Moving leaders on a quiet cluster proves little; the claim that matters is that " +
            "producers stay within their delivery timeout and consumers meet freshness targets " +
            "while it happens under load.",
          blocking: true,
          weight: 3,
          evidenceKinds: ["drill", "metric_export"],
          defaultOwnerRole: "sre",
          role: "failure_drill",
        },
        {
          key: "negative-test",
          title: "Negative test",
          evidenceToCollect:
            "A drill under load that is harsher than a clean restart, such as taking a broker " +
            "away, cutting the network between zones, adding storage latency or making clients " +
            "reload metadata, with its measurements and observations.",
          whyItMatters: "A design that has only survived a tidy rolling restart has not shown how it behaves " + "when something actually breaks.",
          blocking: false,
          weight: 3,
          evidenceKinds: ["drill", "metric_export"],
          defaultOwnerRole: "sre",
        },
        {
          key: "failure-domain-routing",
          title: "Failure-domain routing",
          evidenceToCollect:
            "Broker placement per zone or rack, rack-awareness settings, client connectivity and " +
            "network paths, and the cross-zone traffic seen during a leadership change.",
          whyItMatters:
            "A leader that is correct but sits across a network boundary from its clients can add " + "latency and transfer cost nobody planned for.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["link", "metric_export", "note"],
          defaultOwnerRole: "sre",
        },
      ],
    },
    {
      key: "migration-risk",
      title: "Migration risk",
      description:
        "How topics, offsets, schemas and connectors carry over, and how to get out again. A " +
        "move to another platform is safe once both continuity and an exit have been shown.",
      items: [
        {
          key: "rollback",
          title: "Rollback point defined before the drill",
          evidenceToCollect:
            "The last safe recovery point, the person who calls the rollback and the decision time, " +
            "all written down before the drill. For migrations, also topic parity, offset " +
            "continuity and schema compatibility checks for returning traffic.",
          whyItMatters: "If the rollback decision is improvised in the middle of an incident, it is usually " + "made too late or by the wrong person.",
          blocking: true,
          weight: 3,
          evidenceKinds: ["note", "drill", "link"],
          defaultOwnerRole: "sre",
          role: "rollback",
        },
        {
          key: "ecosystem-continuity",
          title: "Topic, schema and connector continuity",
          evidenceToCollect:
            "Checks that topic configs, ACLs, schemas and Kafka Connect jobs carry over and that " + "consumer offsets continue without gaps on the target.",
          whyItMatters:
            "Kafka compatibility lowers the rewrite risk, but the tools and jobs around the " + "cluster still have to be shown to work after the move.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["file", "link", "note"],
          defaultOwnerRole: "application_owner",
        },
      ],
    },
    {
      key: "team-boundary",
      title: "Team boundary",
      description: "Which team answers for each part of a recovery, and whether all of them read the same " + "evidence.",
      items: [
        {
          key: "observability",
          title: "One recovery timeline",
          evidenceToCollect:
            "A dashboard or exported timeline that puts on one time axis: leadership changes, " +
            "partitions short of replicas, request latency and client-side errors, consumer lag, " +
            "controller and storage events, and cloud network traffic.",
          whyItMatters: "Control-plane, data-plane and business signals only explain a recovery when they can " + "be read side by side.",
          blocking: false,
          weight: 2,
          evidenceKinds: ["link", "metric_export"],
          defaultOwnerRole: "sre",
        },
        {
          key: "recovery-ownership",
          title: "Named owner for every recovery decision",
          evidenceToCollect:
            "An ownership table naming who is responsible for the client applications, the " +
            "streaming platform, the cloud account and the calls made during an incident, agreed " +
            "by those teams and linked from the runbook.",
          whyItMatters: "Evidence that nobody is responsible for acting on does not shorten an incident.",
          blocking: false,
          weight: 1,
          evidenceKinds: ["link", "note"],
          defaultOwnerRole: "application_owner",
        },
      ],
    },
  ],
};
