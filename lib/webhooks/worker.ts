/**
 * The webhook delivery loop, started from instrumentation when DRILLBOOK_WEBHOOK_URL is set.
 * Every app server may run it: rows are claimed with SKIP LOCKED, so no row is posted twice.
 */
import "server-only";
import { deliverPendingWebhooks } from "./mutations";

/** Polls for due deliveries every `intervalMs`; returns a stop function. */
export function startWebhookWorker(url: string, intervalMs = 10_000): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      // keep going while full batches come back, so a backlog drains without waiting
      for (;;) {
        const r = await deliverPendingWebhooks({ url });
        if (r.delivered + r.retrying + r.failed < 20) break;
      }
    } catch (error) {
      console.error("[webhook] worker run failed", error);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
