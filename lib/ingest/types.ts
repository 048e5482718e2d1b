// Shapes shared by the ingest planner (pure) and the ingest data layer.
import type { Channel, OrderStatus, PaymentMethod } from "../generated/prisma/enums";
import type { FieldError } from "../validation/events";

export type EventStatus = "accepted" | "duplicate" | "conflict" | "rejected";

export type EventResult = { index: number; status: EventStatus; errors?: FieldError[] };

export type BatchReport = {
  accepted: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
  results: EventResult[];
};

/** The attribution dimensions of an order: where its rollup counters live. */
export type OrderDimensions = {
  merchantId: string;
  channel: Channel;
  agentId: string | null;
  integrationId: string | null;
  paymentMethod: PaymentMethod;
  isVerification: boolean;
  occurredAt: Date;
};

/** An order as the refund/cancel planner sees it (row-locked in the database). */
export type OrderState = OrderDimensions & {
  id: string;
  externalId: string;
  amountFen: bigint;
  refundedFen: bigint;
  feeFen: bigint;
  feeRefundedFen: bigint;
  status: OrderStatus;
};

export type RollupCounters = {
  orders: bigint;
  gmvFen: bigint;
  refundsFen: bigint;
  cancelledOrders: bigint;
  feeFen: bigint;
  feeRefundedFen: bigint;
};

export const CONFLICT_MESSAGE =
  "An event with this identity (merchant, externalId, type, sequence) was already received with a different body; it was not changed.";
