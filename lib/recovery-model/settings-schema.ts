/** The recovery-model knobs a cluster keeps (NIC capacity, throttle, cross-zone price). */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { intField, numberField } from "@/lib/validation/fields";

export const recoverySettingsSchema = z.object({
  id: boundaryString().min(1).max(64),
  revision: intField("Revision", 1, 1_000_000_000),
  brokerNetworkMBps: numberField("Broker network capacity", 1, 100_000),
  reassignmentThrottleMBps: numberField("Reassignment throttle", 1, 100_000),
  crossZonePricePerGb: numberField("Cross-zone price", 0, 10),
});

export type RecoverySettingsInput = z.output<typeof recoverySettingsSchema>;
