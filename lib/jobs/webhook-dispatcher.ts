import "server-only";
import { dispatchDueDeliveries } from "@/lib/webhooks/dispatch";

// Sends due webhook deliveries. The deliveries themselves are the queue (rows written in the
// transaction of the change they report), so this only has to poll: every sweep claims due rows
// with SKIP LOCKED, so any number of processes can run it side by side.

const SWEEP_EVERY_MS = Number(process.env.SKILLGATE_WEBHOOK_SWEEP_MS) || 2_000;

export function startWebhookDispatcher(): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      // Keep going while full batches come back, so a backlog drains without waiting.
      while ((await dispatchDueDeliveries({ limit: 20 })) === 20);
    } catch (error) {
      console.error("[webhooks] sweep failed:", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  timer.unref();
  void sweep();
  return () => clearInterval(timer);
}
