-- CreateEnum
CREATE TYPE "Environment" AS ENUM ('production', 'staging', 'development');

-- CreateEnum
CREATE TYPE "Architecture" AS ENUM ('apache-kafka', 'managed-kafka', 'kafka-tiered-storage', 'kafka-compatible-shared-storage');

-- CreateEnum
CREATE TYPE "MetadataMode" AS ENUM ('kraft', 'zookeeper');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('link', 'note', 'file', 'drill', 'metric_export');

-- CreateEnum
CREATE TYPE "ScorecardSubject" AS ENUM ('current', 'candidate');

-- CreateEnum
CREATE TYPE "ScorecardState" AS ENUM ('draft', 'in_review', 'approved', 'changes_requested');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('not_ready', 'limited_workload', 'production_test');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('not_started', 'in_progress', 'pass', 'partial', 'fail', 'not_applicable');

-- CreateEnum
CREATE TYPE "ExemptionStatus" AS ENUM ('requested', 'granted', 'denied');

-- CreateEnum
CREATE TYPE "DrillScenario" AS ENUM ('broker_kill', 'broker_isolation', 'zone_impairment', 'storage_slowdown', 'rolling_restart', 'leader_movement', 'partition_reassignment', 'forced_metadata_refresh', 'scale_out', 'migration_cutover', 'rollback_rehearsal');

-- CreateEnum
CREATE TYPE "TimelineLayer" AS ENUM ('control_plane', 'data_plane', 'business');

-- CreateEnum
CREATE TYPE "MatrixAnswer" AS ENUM ('green', 'red', 'not_assessed');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('approved', 'approved_with_conditions', 'changes_requested');

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "banned" BOOLEAN DEFAULT false,
    "banReason" TEXT,
    "banExpires" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "impersonatedBy" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cluster" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "environment" "Environment" NOT NULL,
    "architecture" "Architecture" NOT NULL,
    "distribution" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "metadataMode" "MetadataMode" NOT NULL,
    "brokerCount" INTEGER NOT NULL,
    "availabilityZones" INTEGER NOT NULL,
    "cloud" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "replicationFactor" INTEGER NOT NULL,
    "partitionCount" INTEGER NOT NULL,
    "retentionHours" INTEGER NOT NULL,
    "peakIngressMBps" DOUBLE PRECISION NOT NULL,
    "peakEgressMBps" DOUBLE PRECISION NOT NULL,
    "walType" TEXT,
    "ownerTeam" TEXT NOT NULL,
    "tags" TEXT[],
    "notes" TEXT NOT NULL DEFAULT '',
    "freshnessDays" INTEGER NOT NULL DEFAULT 90,
    "brokerNetworkMBps" DOUBLE PRECISION NOT NULL DEFAULT 1250,
    "reassignmentThrottleMBps" DOUBLE PRECISION NOT NULL DEFAULT 100,
    "crossZonePricePerGb" DOUBLE PRECISION NOT NULL DEFAULT 0.02,
    "outcome" "Outcome",
    "score" DOUBLE PRECISION,
    "staleEvidenceCount" INTEGER NOT NULL DEFAULT 0,
    "lastDrillAt" TIMESTAMP(3),
    "openRedAnswers" INTEGER NOT NULL DEFAULT 0,
    "pendingSignOffs" INTEGER NOT NULL DEFAULT 0,
    "regressedAt" TIMESTAMP(3),
    "regressionReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_target" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "scenario" "DrillScenario" NOT NULL,
    "leadershipSettledSec" DOUBLE PRECISION,
    "producersStableSec" DOUBLE PRECISION,
    "lagRecoveredSec" DOUBLE PRECISION,
    "peakLagRecords" DOUBLE PRECISION,
    "producerErrors" INTEGER,
    "underReplicatedPartitions" INTEGER,

    CONSTRAINT "recovery_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "clonedFromId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_section" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,

    CONSTRAINT "template_section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_item" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "evidenceToCollect" TEXT NOT NULL,
    "whyItMatters" TEXT NOT NULL,
    "blocking" BOOLEAN NOT NULL DEFAULT false,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "evidenceKinds" "EvidenceKind"[],
    "defaultOwnerRole" TEXT,
    "role" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "template_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scorecard" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "subject" "ScorecardSubject" NOT NULL DEFAULT 'current',
    "candidatePlatform" TEXT,
    "ownerId" TEXT,
    "dueDate" TIMESTAMP(3),
    "state" "ScorecardState" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT,
    "outcome" "Outcome" NOT NULL DEFAULT 'not_ready',
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "highRisks" INTEGER NOT NULL DEFAULT 0,
    "mediumRisks" INTEGER NOT NULL DEFAULT 0,
    "staleEvidenceCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scorecard_item" (
    "id" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "templateItemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" "ItemStatus" NOT NULL DEFAULT 'not_started',
    "justification" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "ownerRole" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scorecard_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_file" (
    "id" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" TEXT NOT NULL,
    "scorecardItemId" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "body" TEXT,
    "fileId" TEXT,
    "drillId" TEXT,
    "capturedAt" TIMESTAMP(3) NOT NULL,
    "capturedById" TEXT,
    "realisticTraffic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment" (
    "id" TEXT NOT NULL,
    "scorecardItemId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exemption" (
    "id" TEXT NOT NULL,
    "scorecardItemId" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "requestedById" TEXT,
    "approverId" TEXT,
    "status" "ExemptionStatus" NOT NULL DEFAULT 'requested',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT 'manual',
    "scorecardVersion" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drill" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "scenario" "DrillScenario" NOT NULL,
    "title" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "trafficProfile" TEXT NOT NULL DEFAULT '',
    "realisticTraffic" BOOLEAN NOT NULL DEFAULT false,
    "producerDeliveryTimeoutMs" INTEGER,
    "targetLeadershipSettledSec" DOUBLE PRECISION,
    "targetProducersStableSec" DOUBLE PRECISION,
    "targetLagRecoveredSec" DOUBLE PRECISION,
    "targetPeakLagRecords" DOUBLE PRECISION,
    "targetProducerErrors" INTEGER,
    "targetUnderReplicated" INTEGER,
    "rollbackNamedBefore" BOOLEAN NOT NULL DEFAULT false,
    "rollbackPoint" TEXT,
    "rollbackOwner" TEXT,
    "owner" TEXT NOT NULL DEFAULT '',
    "coordinator" TEXT NOT NULL DEFAULT '',
    "observers" TEXT[],
    "hypothesis" TEXT NOT NULL DEFAULT '',
    "observations" TEXT NOT NULL DEFAULT '',
    "conclusion" TEXT NOT NULL DEFAULT '',
    "leadershipSettledSec" DOUBLE PRECISION,
    "producersStableSec" DOUBLE PRECISION,
    "peakConsumerLag" DOUBLE PRECISION,
    "lagRecoveredSec" DOUBLE PRECISION,
    "producerErrorCount" INTEGER,
    "underReplicatedPartitions" INTEGER,
    "recoveryTrafficMBps" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "drill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drill_follow_up" (
    "id" TEXT NOT NULL,
    "drillId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3),
    "done" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "drill_follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drill_timeline_event" (
    "id" TEXT NOT NULL,
    "drillId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "layer" "TimelineLayer" NOT NULL,
    "marker" TEXT NOT NULL DEFAULT 'other',
    "label" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "drill_timeline_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_import" (
    "id" TEXT NOT NULL,
    "drillId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "queryText" TEXT,
    "windowStart" TIMESTAMP(3),
    "windowEnd" TIMESTAMP(3),
    "stepSeconds" DOUBLE PRECISION,
    "pointCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "metric_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_series" (
    "id" TEXT NOT NULL,
    "drillId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "labels" JSONB,
    "unit" TEXT,
    "threshold" DOUBLE PRECISION,
    "thresholdDirection" TEXT NOT NULL DEFAULT 'below',
    "settleSeconds" INTEGER NOT NULL DEFAULT 60,
    "timesMs" DOUBLE PRECISION[],
    "values" DOUBLE PRECISION[],

    CONSTRAINT "metric_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drill_decision_answer" (
    "id" TEXT NOT NULL,
    "drillId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" "MatrixAnswer" NOT NULL DEFAULT 'not_assessed',
    "rationale" TEXT NOT NULL DEFAULT '',
    "evidence" TEXT NOT NULL DEFAULT '',
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "drill_decision_answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_slot" (
    "id" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "review_slot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_slot_signer" (
    "slotId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "review_slot_signer_pkey" PRIMARY KEY ("slotId","userId")
);

-- CreateTable
CREATE TABLE "approval" (
    "id" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "signerId" TEXT,
    "decision" "ApprovalDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "scorecardVersion" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invalidatedAt" TIMESTAMP(3),
    "invalidReason" TEXT,

    CONSTRAINT "approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_condition" (
    "id" TEXT NOT NULL,
    "approvalId" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "metAt" TIMESTAMP(3),

    CONSTRAINT "approval_condition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "targetOutcome" "Outcome" NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_cluster" (
    "campaignId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,

    CONSTRAINT "campaign_cluster_pkey" PRIMARY KEY ("campaignId","clusterId")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "clusterId" TEXT,
    "scorecardId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_tokenHash_key" ON "api_token"("tokenHash");

-- CreateIndex
CREATE INDEX "api_token_createdById_idx" ON "api_token"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "cluster_name_key" ON "cluster"("name");

-- CreateIndex
CREATE INDEX "cluster_environment_idx" ON "cluster"("environment");

-- CreateIndex
CREATE INDEX "cluster_architecture_idx" ON "cluster"("architecture");

-- CreateIndex
CREATE INDEX "cluster_ownerTeam_idx" ON "cluster"("ownerTeam");

-- CreateIndex
CREATE INDEX "cluster_outcome_idx" ON "cluster"("outcome");

-- CreateIndex
CREATE INDEX "cluster_updatedAt_idx" ON "cluster"("updatedAt");

-- CreateIndex
CREATE INDEX "cluster_lastDrillAt_idx" ON "cluster"("lastDrillAt");

-- CreateIndex
CREATE UNIQUE INDEX "recovery_target_clusterId_scenario_key" ON "recovery_target"("clusterId", "scenario");

-- CreateIndex
CREATE UNIQUE INDEX "template_key_version_key" ON "template"("key", "version");

-- CreateIndex
CREATE UNIQUE INDEX "template_section_templateId_key_key" ON "template_section"("templateId", "key");

-- CreateIndex
CREATE INDEX "template_item_sectionId_idx" ON "template_item"("sectionId");

-- CreateIndex
CREATE UNIQUE INDEX "template_item_templateId_key_key" ON "template_item"("templateId", "key");

-- CreateIndex
CREATE INDEX "scorecard_clusterId_updatedAt_idx" ON "scorecard"("clusterId", "updatedAt");

-- CreateIndex
CREATE INDEX "scorecard_state_idx" ON "scorecard"("state");

-- CreateIndex
CREATE INDEX "scorecard_outcome_idx" ON "scorecard"("outcome");

-- CreateIndex
CREATE INDEX "scorecard_ownerId_idx" ON "scorecard"("ownerId");

-- CreateIndex
CREATE INDEX "scorecard_templateId_idx" ON "scorecard"("templateId");

-- CreateIndex
CREATE INDEX "scorecard_item_scorecardId_position_idx" ON "scorecard_item"("scorecardId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "scorecard_item_scorecardId_templateItemId_key" ON "scorecard_item"("scorecardId", "templateItemId");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_fileId_key" ON "evidence"("fileId");

-- CreateIndex
CREATE INDEX "evidence_scorecardItemId_idx" ON "evidence"("scorecardItemId");

-- CreateIndex
CREATE INDEX "evidence_drillId_idx" ON "evidence"("drillId");

-- CreateIndex
CREATE INDEX "evidence_capturedAt_idx" ON "evidence"("capturedAt");

-- CreateIndex
CREATE INDEX "comment_scorecardItemId_createdAt_idx" ON "comment"("scorecardItemId", "createdAt");

-- CreateIndex
CREATE INDEX "exemption_scorecardItemId_idx" ON "exemption"("scorecardItemId");

-- CreateIndex
CREATE INDEX "exemption_approverId_status_idx" ON "exemption"("approverId", "status");

-- CreateIndex
CREATE INDEX "milestone_scorecardId_createdAt_idx" ON "milestone"("scorecardId", "createdAt");

-- CreateIndex
CREATE INDEX "drill_clusterId_startedAt_idx" ON "drill"("clusterId", "startedAt");

-- CreateIndex
CREATE INDEX "drill_scenario_idx" ON "drill"("scenario");

-- CreateIndex
CREATE INDEX "drill_startedAt_idx" ON "drill"("startedAt");

-- CreateIndex
CREATE INDEX "drill_follow_up_drillId_idx" ON "drill_follow_up"("drillId");

-- CreateIndex
CREATE INDEX "drill_timeline_event_drillId_at_idx" ON "drill_timeline_event"("drillId", "at");

-- CreateIndex
CREATE INDEX "metric_import_drillId_idx" ON "metric_import"("drillId");

-- CreateIndex
CREATE INDEX "metric_series_drillId_idx" ON "metric_series"("drillId");

-- CreateIndex
CREATE UNIQUE INDEX "drill_decision_answer_drillId_question_key" ON "drill_decision_answer"("drillId", "question");

-- CreateIndex
CREATE UNIQUE INDEX "review_slot_scorecardId_role_key" ON "review_slot"("scorecardId", "role");

-- CreateIndex
CREATE INDEX "review_slot_signer_userId_idx" ON "review_slot_signer"("userId");

-- CreateIndex
CREATE INDEX "approval_scorecardId_createdAt_idx" ON "approval"("scorecardId", "createdAt");

-- CreateIndex
CREATE INDEX "approval_slotId_idx" ON "approval"("slotId");

-- CreateIndex
CREATE INDEX "approval_condition_approvalId_idx" ON "approval_condition"("approvalId");

-- CreateIndex
CREATE INDEX "approval_condition_dueDate_idx" ON "approval_condition"("dueDate");

-- CreateIndex
CREATE INDEX "campaign_cluster_clusterId_idx" ON "campaign_cluster"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_hash_key" ON "audit_event"("hash");

-- CreateIndex
CREATE INDEX "audit_event_entityType_entityId_idx" ON "audit_event"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "audit_event_clusterId_seq_idx" ON "audit_event"("clusterId", "seq");

-- CreateIndex
CREATE INDEX "audit_event_scorecardId_seq_idx" ON "audit_event"("scorecardId", "seq");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- CreateIndex
CREATE INDEX "webhook_delivery_status_nextAttemptAt_idx" ON "webhook_delivery"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cluster" ADD CONSTRAINT "cluster_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_target" ADD CONSTRAINT "recovery_target_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template" ADD CONSTRAINT "template_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_section" ADD CONSTRAINT "template_section_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_item" ADD CONSTRAINT "template_item_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_item" ADD CONSTRAINT "template_item_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "template_section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecard" ADD CONSTRAINT "scorecard_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecard" ADD CONSTRAINT "scorecard_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "template"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecard" ADD CONSTRAINT "scorecard_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecard_item" ADD CONSTRAINT "scorecard_item_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecard_item" ADD CONSTRAINT "scorecard_item_templateItemId_fkey" FOREIGN KEY ("templateItemId") REFERENCES "template_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecard_item" ADD CONSTRAINT "scorecard_item_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_scorecardItemId_fkey" FOREIGN KEY ("scorecardItemId") REFERENCES "scorecard_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "evidence_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "drill"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_capturedById_fkey" FOREIGN KEY ("capturedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_scorecardItemId_fkey" FOREIGN KEY ("scorecardItemId") REFERENCES "scorecard_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exemption" ADD CONSTRAINT "exemption_scorecardItemId_fkey" FOREIGN KEY ("scorecardItemId") REFERENCES "scorecard_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exemption" ADD CONSTRAINT "exemption_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exemption" ADD CONSTRAINT "exemption_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drill" ADD CONSTRAINT "drill_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drill" ADD CONSTRAINT "drill_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drill_follow_up" ADD CONSTRAINT "drill_follow_up_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "drill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drill_timeline_event" ADD CONSTRAINT "drill_timeline_event_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "drill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_import" ADD CONSTRAINT "metric_import_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "drill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_series" ADD CONSTRAINT "metric_series_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "drill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_series" ADD CONSTRAINT "metric_series_importId_fkey" FOREIGN KEY ("importId") REFERENCES "metric_import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drill_decision_answer" ADD CONSTRAINT "drill_decision_answer_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "drill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drill_decision_answer" ADD CONSTRAINT "drill_decision_answer_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_slot" ADD CONSTRAINT "review_slot_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_slot_signer" ADD CONSTRAINT "review_slot_signer_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "review_slot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_slot_signer" ADD CONSTRAINT "review_slot_signer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval" ADD CONSTRAINT "approval_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval" ADD CONSTRAINT "approval_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "review_slot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval" ADD CONSTRAINT "approval_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_condition" ADD CONSTRAINT "approval_condition_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "approval"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_cluster" ADD CONSTRAINT "campaign_cluster_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_cluster" ADD CONSTRAINT "campaign_cluster_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
