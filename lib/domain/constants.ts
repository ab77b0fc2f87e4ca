/**
 * Enumerations of the domain with their human labels. Pure (no Prisma import) so zod
 * schemas, rules and client components share them; the values match prisma/schema.prisma.
 */

export const ENVIRONMENTS = ["production", "staging", "development"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export const ENVIRONMENT_LABELS: Record<Environment, string> = {
  production: "Production",
  staging: "Staging",
  development: "Development",
};

/** Prisma enum member names; the database stores the hyphenated form. */
export const ARCHITECTURES = ["apache_kafka", "managed_kafka", "kafka_tiered_storage", "kafka_compatible_shared_storage"] as const;
export type Architecture = (typeof ARCHITECTURES)[number];
export const ARCHITECTURE_LABELS: Record<Architecture, string> = {
  apache_kafka: "Apache Kafka (broker-local storage)",
  managed_kafka: "Managed Kafka service",
  kafka_tiered_storage: "Kafka with tiered storage",
  kafka_compatible_shared_storage: "Kafka-compatible, shared storage",
};
export const ARCHITECTURE_SHORT_LABELS: Record<Architecture, string> = {
  apache_kafka: "Broker-local",
  managed_kafka: "Managed Kafka",
  kafka_tiered_storage: "Tiered storage",
  kafka_compatible_shared_storage: "Shared storage",
};
export const SHARED_STORAGE_ARCHITECTURES: readonly Architecture[] = ["kafka_compatible_shared_storage"];

export const METADATA_MODES = ["kraft", "zookeeper"] as const;
export type MetadataMode = (typeof METADATA_MODES)[number];
export const METADATA_MODE_LABELS: Record<MetadataMode, string> = { kraft: "KRaft", zookeeper: "ZooKeeper" };

export const ITEM_STATUSES = ["not_started", "in_progress", "pass", "partial", "fail", "not_applicable"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  pass: "Pass",
  partial: "Partial",
  fail: "Fail",
  not_applicable: "Not applicable",
};

export const OUTCOMES = ["not_ready", "limited_workload", "production_test"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  not_ready: "Not ready",
  limited_workload: "Ready for limited workload",
  production_test: "Ready for production test",
};

export const SCORECARD_STATES = ["draft", "in_review", "approved", "changes_requested"] as const;
export type ScorecardState = (typeof SCORECARD_STATES)[number];

export const EVIDENCE_KINDS = ["link", "note", "file", "drill", "metric_export", "kafka_snapshot", "metric_check"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const DRILL_SCENARIOS = [
  "broker_kill",
  "broker_isolation",
  "zone_impairment",
  "storage_slowdown",
  "rolling_restart",
  "leader_movement",
  "partition_reassignment",
  "forced_metadata_refresh",
  "scale_out",
  "migration_cutover",
  "rollback_rehearsal",
] as const;
export type DrillScenario = (typeof DRILL_SCENARIOS)[number];
export const DRILL_SCENARIO_LABELS: Record<DrillScenario, string> = {
  broker_kill: "Broker kill",
  broker_isolation: "Broker isolation",
  zone_impairment: "Zone impairment",
  storage_slowdown: "Storage slowdown",
  rolling_restart: "Rolling restart",
  leader_movement: "Leader movement",
  partition_reassignment: "Partition reassignment",
  forced_metadata_refresh: "Forced metadata refresh",
  scale_out: "Scale-out",
  migration_cutover: "Migration cutover",
  rollback_rehearsal: "Rollback rehearsal",
};

export const TIMELINE_LAYERS = ["control_plane", "data_plane", "business"] as const;
export type TimelineLayer = (typeof TIMELINE_LAYERS)[number];

/**
 * A matrix answer: green, red, does not apply to this drill (with a justification: no capacity
 * was added, say) or not assessed yet. See lib/domain/matrix.ts for how each counts.
 */
export const MATRIX_ANSWERS = ["green", "red", "does_not_apply", "not_assessed"] as const;
export type MatrixAnswer = (typeof MATRIX_ANSWERS)[number];
export const MATRIX_ANSWER_LABELS: Record<MatrixAnswer, string> = {
  green: "Green",
  red: "Red",
  does_not_apply: "Does not apply",
  not_assessed: "Not assessed",
};

/** The five post-drill questions (keys stored in drill_decision_answer.question). */
export const MATRIX_QUESTIONS = ["hidden_client_impact", "bounded_storage_work", "capacity_helps_quickly", "governance_intact", "rollback_known"] as const;
export type MatrixQuestion = (typeof MATRIX_QUESTIONS)[number];

export const REVIEW_ROLES = ["sre", "application_owner", "security", "finops"] as const;
export const REVIEW_ROLE_LABELS: Record<string, string> = {
  sre: "SRE",
  application_owner: "Application owner",
  security: "Security",
  finops: "FinOps",
};

export const USER_ROLES = ["viewer", "editor", "approver", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];
