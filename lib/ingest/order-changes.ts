// Refunds and cancellations applied to orders, in batch order, against the orders' current state
// (row-locked by the caller). Pure: it says which events are accepted, the orders' new state and
// the rollup changes, which always land on the ORIGINAL order's hour and day.
//
// Fee refunds are proportional with the same half-to-even rounding as the fee, computed on the
// running total: feeRefunded = round(fee × refundedSoFar / amount). Each refund gives back the
// difference from the previous total, so partial refunds never drift and a full refund returns
// exactly the fee.
import { computeFeeRefundFen } from "../revenue/fee";
import type { OrderCancelledEvent, OrderRefundedEvent, FieldError } from "../validation/events";
import type { OrderRollupDeltas } from "./rollup-deltas";
import type { OrderState } from "./types";

export type OrderChange = { index: number; orderKey: string; event: OrderRefundedEvent | OrderCancelledEvent };

export type ChangeOutcome = { index: number; ok: true } | { index: number; ok: false; errors: FieldError[] };

export function applyOrderChanges(
  orders: ReadonlyMap<string, OrderState>,
  changes: readonly OrderChange[],
  deltas: OrderRollupDeltas,
): { outcomes: ChangeOutcome[]; updated: OrderState[] } {
  const current = new Map<string, OrderState>();
  const outcomes: ChangeOutcome[] = [];
  for (const change of changes) {
    const order = current.get(change.orderKey) ?? orders.get(change.orderKey);
    const reject = (path: string, message: string) => outcomes.push({ index: change.index, ok: false, errors: [{ path, message }] });
    if (!order) {
      reject(
        "externalId",
        `No order "${change.event.externalId}" for merchant "${change.event.merchant}" yet; send its CREATED event first (refunds and cancellations of unknown orders are rejected, not held: re-send them).`,
      );
      continue;
    }
    if (order.status === "CANCELLED") {
      reject("externalId", `Order "${order.externalId}" is cancelled; it cannot be ${change.event.type === "REFUNDED" ? "refunded" : "cancelled again"}.`);
      continue;
    }
    if (change.event.type === "CANCELLED") {
      if (order.refundedFen > 0n) {
        reject("externalId", `Order "${order.externalId}" has refunds (${order.refundedFen} fen); refund the rest instead of cancelling it.`);
        continue;
      }
      const next: OrderState = { ...order, status: "CANCELLED" };
      current.set(change.orderKey, next);
      deltas.add(order, { orders: -1n, gmvFen: -order.amountFen, cancelledOrders: 1n, feeFen: -order.feeFen });
      outcomes.push({ index: change.index, ok: true });
      continue;
    }
    const remaining = order.amountFen - order.refundedFen;
    const amount = change.event.refundedFen;
    if (amount > remaining) {
      reject("refundedFen", `refundedFen ${amount} exceeds the ${remaining} fen of order "${order.externalId}" not yet refunded (amount ${order.amountFen}, refunded ${order.refundedFen}).`);
      continue;
    }
    const refundedFen = order.refundedFen + amount;
    const feeRefundedFen = computeFeeRefundFen({ feeFen: order.feeFen, amountFen: order.amountFen, refundedFen });
    const next: OrderState = {
      ...order,
      refundedFen,
      feeRefundedFen,
      status: refundedFen === order.amountFen ? "REFUNDED" : "PARTIALLY_REFUNDED",
    };
    current.set(change.orderKey, next);
    deltas.add(order, { refundsFen: amount, feeRefundedFen: feeRefundedFen - order.feeRefundedFen });
    outcomes.push({ index: change.index, ok: true });
  }
  return { outcomes, updated: [...current.values()] };
}
