/** Review settings read from the configuration (no database): shared by the mutations and the pages. */
import { env } from "@/lib/env";

/** Whether a scorecard's owner may sign its own review (DRILLBOOK_ALLOW_SELF_APPROVAL, off by default). */
export function selfApprovalAllowed(): boolean {
  return env().DRILLBOOK_ALLOW_SELF_APPROVAL;
}
