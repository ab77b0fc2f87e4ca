import type { TemplateDocument } from "@/lib/templates/schema";
import { brokerFailureRecoveryTemplate } from "./broker-failure-recovery";
import { kafkaCompatibleMigrationTemplate } from "./kafka-compatible-migration";
import { leaderMovementRecoveryTemplate } from "./leader-movement-recovery";

export { brokerFailureRecoveryTemplate, kafkaCompatibleMigrationTemplate, leaderMovementRecoveryTemplate };

/** The templates every installation starts with, in the order the templates page lists them. */
export const BUILTIN_TEMPLATES: TemplateDocument[] = [brokerFailureRecoveryTemplate, leaderMovementRecoveryTemplate, kafkaCompatibleMigrationTemplate];
