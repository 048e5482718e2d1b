// Demo integrations: every resting VersionStatus appears across the set (APPROVED is transient:
// approval makes a version LIVE in the same transaction, lib/review/state-machine.ts), both kinds, with realistic
// operations (JSON Schemas, HTTP endpoints, annotations) so the registry, review console and
// exporters have something real to show.
import type { IntegrationVisibility, VersionStatus } from "../generated/prisma/enums";
import type { HttpMethod, JsonSchema, OperationAnnotations } from "../integrations/definition";
import type { MerchantSlug } from "./catalogue";

export type DemoOperation = {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
  httpMethod: HttpMethod;
  /** Appended to the integration's base URL. */
  path: string;
  annotations: OperationAnnotations;
  examplePrompts: string[];
  /** First version number that has this operation. */
  since?: number;
};

export type DemoVersion = {
  status: VersionStatus;
  /** Review reason codes and message for decided versions (approvals have none). */
  reasonCodes?: string[];
  reviewMessage?: string;
  /** A short merchant ↔ reviewer thread. */
  comments?: { side: "MERCHANT" | "REVIEWER"; body: string }[];
  note?: string;
};

export type DemoIntegration = {
  merchant: MerchantSlug;
  kind: "MCP_SERVER" | "SKILL";
  name: string;
  description: string;
  visibility: IntegrationVisibility;
  /** MCP endpoint, or the base URL of a Skill's operations. */
  baseUrl: string;
  operations: DemoOperation[];
  /** Oldest first; version numbers are positions + 1. */
  versions: DemoVersion[];
};

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: "string", description, ...extra });
const int = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: "integer", description, ...extra });
const object = (properties: Record<string, JsonSchema>, required: string[]): JsonSchema => ({
  type: "object",
  properties,
  required,
  additionalProperties: false,
});
const orderResult = object(
  { orderId: str("Merchant order id"), amountFen: int("Total in fen", { minimum: 0 }), status: str("Order status") },
  ["orderId", "amountFen", "status"],
);

const readOnly: OperationAnnotations = { readOnly: true, destructive: false, idempotent: true, movesMoney: false, needsConfirmation: false };
const paying: OperationAnnotations = { readOnly: false, destructive: false, idempotent: false, movesMoney: true, needsConfirmation: true };
const cancelling: OperationAnnotations = { readOnly: false, destructive: true, idempotent: true, movesMoney: true, needsConfirmation: true };

const lumenOps: DemoOperation[] = [
  {
    name: "get_menu",
    title: "Get the menu",
    description: "List drinks and food available at a store, with prices in fen and customization options.",
    inputSchema: object({ storeId: str("Store id from find_stores") }, ["storeId"]),
    outputSchema: object({ items: { type: "array", items: object({ sku: str("SKU"), name: str("Name"), priceFen: int("Price in fen") }, ["sku", "name", "priceFen"]) } }, ["items"]),
    httpMethod: "GET",
    path: "/menu",
    annotations: readOnly,
    examplePrompts: ["What's on the menu at the nearest Lumen?", "流明咖啡有什么新品？"],
  },
  {
    name: "order_coffee",
    title: "Order coffee",
    description: "Place a pick-up or delivery order for one or more drinks. Charges the user's chosen payment method.",
    inputSchema: object(
      {
        storeId: str("Store id"),
        items: {
          type: "array",
          minItems: 1,
          items: object({ sku: str("SKU"), quantity: int("Quantity", { minimum: 1, maximum: 20 }), sugar: str("Sugar level", { enum: ["none", "light", "normal"] }) }, ["sku", "quantity"]),
        },
        pickup: { type: "boolean", description: "Pick up in store instead of delivery" },
      },
      ["storeId", "items"],
    ),
    outputSchema: orderResult,
    httpMethod: "POST",
    path: "/orders",
    annotations: paying,
    examplePrompts: ["Order three lightly sugared lattes to my office", "帮我点三杯少糖拿铁"],
  },
  {
    name: "cancel_order",
    title: "Cancel an order",
    description: "Cancel an order that has not been prepared yet; the payment is refunded in full.",
    inputSchema: object({ orderId: str("Order id") }, ["orderId"]),
    outputSchema: orderResult,
    httpMethod: "POST",
    path: "/orders/{orderId}/cancel",
    annotations: cancelling,
    examplePrompts: ["Cancel my coffee order"],
  },
  {
    name: "get_order_status",
    title: "Order status",
    description: "Where an order is: accepted, preparing, ready for pick-up, delivering, delivered.",
    inputSchema: object({ orderId: str("Order id") }, ["orderId"]),
    outputSchema: orderResult,
    httpMethod: "GET",
    path: "/orders/{orderId}",
    annotations: readOnly,
    examplePrompts: ["Is my latte ready?"],
    since: 2,
  },
  {
    name: "apply_coupon",
    title: "Apply a coupon",
    description: "Apply a member coupon to an unpaid order.",
    inputSchema: object({ orderId: str("Order id"), couponCode: str("Coupon code") }, ["orderId", "couponCode"]),
    outputSchema: orderResult,
    httpMethod: "POST",
    path: "/orders/{orderId}/coupon",
    annotations: { readOnly: false, destructive: false, idempotent: true, movesMoney: false, needsConfirmation: false },
    examplePrompts: ["Use my birthday coupon"],
    since: 3,
  },
];

const mcpTool = (name: string, description: string, inputSchema: JsonSchema, annotations: OperationAnnotations, examplePrompts: string[] = []): DemoOperation => ({
  name,
  title: name.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()),
  description,
  inputSchema,
  outputSchema: orderResult,
  httpMethod: "POST",
  path: "",
  annotations,
  examplePrompts,
});

export const demoIntegrations: readonly DemoIntegration[] = [
  {
    merchant: "lumen-coffee",
    kind: "SKILL",
    name: "Lumen Coffee Ordering",
    description: "Browse the menu, order drinks for pick-up or delivery, follow and cancel orders.",
    visibility: "PUBLIC",
    baseUrl: "https://api.lumen.example/v2",
    operations: lumenOps,
    versions: [
      { status: "SUPERSEDED" },
      { status: "LIVE" },
      {
        status: "IN_REVIEW",
        note: "Adds coupons.",
        comments: [
          { side: "REVIEWER", body: "apply_coupon changes the price: should it need user confirmation? / 优惠券会改变价格，是否需要用户确认？" },
          { side: "MERCHANT", body: "It only lowers the price and the order is still confirmed before payment." },
        ],
      },
    ],
  },
  {
    merchant: "lumen-coffee",
    kind: "MCP_SERVER",
    name: "Lumen Delivery MCP",
    description: "MCP server for delivery orders: quotes, ordering and tracking.",
    visibility: "PUBLIC",
    baseUrl: "https://mcp.lumen.example/mcp",
    operations: [
      mcpTool("quote_delivery", "Delivery fee and ETA to an address.", object({ address: str("Delivery address") }, ["address"]), readOnly),
      mcpTool("create_delivery_order", "Order drinks for delivery and charge the user.", object({ address: str("Delivery address"), skus: { type: "array", items: str("SKU") } }, ["address", "skus"]), paying, ["Deliver two americanos to home"]),
      mcpTool("track_delivery", "Courier position and ETA.", object({ orderId: str("Order id") }, ["orderId"]), readOnly),
    ],
    versions: [
      { status: "LIVE" },
      {
        status: "CHANGES_REQUESTED",
        reasonCodes: ["DESCRIPTION_UNCLEAR"],
        reviewMessage: "create_delivery_order does not say which payment method is charged. / 请说明 create_delivery_order 扣款使用的支付方式。",
        comments: [{ side: "MERCHANT", body: "Will update the description in the next version." }],
      },
    ],
  },
  {
    merchant: "lumen-coffee",
    kind: "SKILL",
    name: "Lumen Gift Cards",
    description: "Buy and send Lumen gift cards.",
    visibility: "ALLOWLIST",
    baseUrl: "https://api.lumen.example/gift",
    operations: [
      { name: "list_gift_cards", title: "List gift cards", description: "Designs and denominations.", inputSchema: object({}, []), httpMethod: "GET", path: "/cards", annotations: readOnly, examplePrompts: [] },
      { name: "send_gift_card", title: "Send a gift card", description: "Buy a gift card and send it to a friend.", inputSchema: object({ design: str("Design id"), amountFen: int("Value in fen", { minimum: 1000 }), recipientPhone: str("Recipient phone") }, ["design", "amountFen", "recipientPhone"]), outputSchema: orderResult, httpMethod: "POST", path: "/cards/send", annotations: { readOnly: false, movesMoney: true }, examplePrompts: ["Send Amy a 100 yuan Lumen card"] },
    ],
    versions: [{ status: "SUBMITTED", note: "First version, please review before the holidays." }],
  },
  {
    merchant: "lumen-coffee",
    kind: "SKILL",
    name: "Lumen Beans Subscription",
    description: "Monthly coffee bean subscription (draft).",
    visibility: "PRIVATE",
    baseUrl: "https://api.lumen.example/beans",
    operations: [
      { name: "subscribe_beans", title: "Subscribe", description: "Start a monthly bean subscription.", inputSchema: object({ blend: str("Blend") }, ["blend"]), httpMethod: "POST", path: "/subscriptions", annotations: paying, examplePrompts: [] },
    ],
    versions: [{ status: "DRAFT" }],
  },
  {
    merchant: "swiftride",
    kind: "MCP_SERVER",
    name: "SwiftRide Booking",
    description: "Estimate fares, request and cancel rides.",
    visibility: "PUBLIC",
    baseUrl: "https://mcp.swiftride.example/mcp",
    operations: [
      mcpTool("estimate_fare", "Fare estimate in fen between two places.", object({ from: str("Pick-up"), to: str("Destination") }, ["from", "to"]), readOnly),
      mcpTool("request_ride", "Request a ride now; the fare is charged at the end of the trip.", object({ from: str("Pick-up"), to: str("Destination"), tier: str("Car tier", { enum: ["economy", "comfort", "xl"] }) }, ["from", "to"]), paying, ["Book a ride to the airport", "叫车去虹桥机场"]),
      mcpTool("cancel_ride", "Cancel a ride; a fee applies after the driver arrives.", object({ rideId: str("Ride id") }, ["rideId"]), cancelling),
    ],
    versions: [{ status: "SUPERSEDED" }, { status: "LIVE", note: "Adds XL tier." }],
  },
  {
    merchant: "swiftride",
    kind: "SKILL",
    name: "SwiftRide Wallet Top-up",
    description: "Top up the SwiftRide wallet.",
    visibility: "PUBLIC",
    baseUrl: "https://api.swiftride.example/wallet",
    operations: [
      { name: "top_up", title: "Top up", description: "Add balance to the wallet.", inputSchema: object({ amountFen: int("Amount in fen", { minimum: 100 }) }, ["amountFen"]), httpMethod: "POST", path: "/top-up", annotations: { readOnly: false, movesMoney: false }, examplePrompts: [] },
    ],
    versions: [
      {
        status: "REJECTED",
        reasonCodes: ["RISK_UNDECLARED"],
        reviewMessage: "top_up moves money but is annotated movesMoney=false and needs no confirmation. / top_up 涉及资金但未声明 movesMoney，且无需用户确认。",
      },
    ],
  },
  {
    merchant: "railgo",
    kind: "SKILL",
    name: "RailGo Tickets",
    description: "Search trains, book and refund tickets.",
    visibility: "PUBLIC",
    baseUrl: "https://api.railgo.example/v1",
    operations: [
      { name: "search_trains", title: "Search trains", description: "Trains between two stations on a date, with seats left and prices in fen.", inputSchema: object({ from: str("Station"), to: str("Station"), date: str("Date", { format: "date" }) }, ["from", "to", "date"]), httpMethod: "GET", path: "/trains", annotations: readOnly, examplePrompts: ["Trains from Shanghai to Hangzhou tomorrow morning"] },
      { name: "book_ticket", title: "Book a ticket", description: "Book seats on a train for named passengers and pay.", inputSchema: object({ trainNo: str("Train number"), date: str("Date", { format: "date" }), seatClass: str("Seat class", { enum: ["second", "first", "business"] }), passengers: { type: "array", minItems: 1, maxItems: 5, items: str("Passenger id") } }, ["trainNo", "date", "seatClass", "passengers"]), outputSchema: orderResult, httpMethod: "POST", path: "/bookings", annotations: paying, examplePrompts: ["订明天上午去杭州的二等座"] },
      { name: "refund_ticket", title: "Refund a ticket", description: "Refund a booked ticket; station rules decide the fee.", inputSchema: object({ bookingId: str("Booking id") }, ["bookingId"]), outputSchema: orderResult, httpMethod: "POST", path: "/bookings/{bookingId}/refund", annotations: cancelling, examplePrompts: [] },
    ],
    versions: [{ status: "LIVE" }],
  },
  {
    merchant: "railgo",
    kind: "MCP_SERVER",
    name: "RailGo Seat Map",
    description: "Seat maps and seat choice for booked trains.",
    visibility: "PUBLIC",
    baseUrl: "https://mcp.railgo.example/mcp",
    operations: [mcpTool("get_seat_map", "Free seats in a carriage.", object({ trainNo: str("Train number"), carriage: int("Carriage") }, ["trainNo"]), readOnly)],
    versions: [{ status: "SUSPENDED", note: "Suspended after the tool list changed without review." }],
  },
  {
    merchant: "railgo",
    kind: "SKILL",
    name: "RailGo Hotel Bundles",
    description: "Train + hotel packages.",
    visibility: "PUBLIC",
    baseUrl: "https://api.railgo.example/bundles",
    operations: [{ name: "search_bundles", title: "Search bundles", description: "Train and hotel packages for a trip.", inputSchema: object({ city: str("City") }, ["city"]), httpMethod: "GET", path: "/bundles", annotations: readOnly, examplePrompts: [] }],
    versions: [{ status: "WITHDRAWN" }],
  },
  {
    merchant: "daymart",
    kind: "SKILL",
    name: "DayMart Delivery",
    description: "Search products in a nearby store and order for 30-minute delivery.",
    visibility: "PUBLIC",
    baseUrl: "https://open.daymart.example/api",
    operations: [
      { name: "search_products", title: "Search products", description: "Products in stock at the nearest store.", inputSchema: object({ query: str("What to look for"), storeId: str("Store id") }, ["query"]), httpMethod: "GET", path: "/products", annotations: readOnly, examplePrompts: ["Is there oat milk at DayMart?"] },
      { name: "place_order", title: "Place an order", description: "Order products for delivery and pay.", inputSchema: object({ storeId: str("Store id"), items: { type: "array", items: object({ sku: str("SKU"), quantity: int("Quantity", { minimum: 1 }) }, ["sku", "quantity"]) } }, ["storeId", "items"]), outputSchema: orderResult, httpMethod: "POST", path: "/orders", annotations: paying, examplePrompts: ["帮我买两瓶矿泉水送到家"] },
      { name: "cancel_order", title: "Cancel an order", description: "Cancel before the courier picks it up.", inputSchema: object({ orderId: str("Order id") }, ["orderId"]), httpMethod: "POST", path: "/orders/{orderId}/cancel", annotations: cancelling, examplePrompts: [], since: 2 },
    ],
    versions: [{ status: "SUPERSEDED" }, { status: "LIVE" }],
  },
  {
    merchant: "daymart",
    kind: "MCP_SERVER",
    name: "DayMart Coupons",
    description: "Member coupons and points.",
    visibility: "PUBLIC",
    baseUrl: "https://mcp.daymart.example/mcp",
    operations: [
      mcpTool("list_coupons", "Coupons the member can use today.", object({ memberId: str("Member id") }, ["memberId"]), readOnly),
      mcpTool("redeem_points", "Redeem points for a coupon.", object({ memberId: str("Member id"), points: int("Points", { minimum: 100 }) }, ["memberId", "points"]), { readOnly: false, destructive: false, idempotent: false, movesMoney: false, needsConfirmation: true }),
    ],
    versions: [{ status: "SUBMITTED" }],
  },
  {
    merchant: "daymart",
    kind: "SKILL",
    name: "DayMart Locker Pickup",
    description: "Reserve a parcel locker for pick-up (draft).",
    visibility: "PRIVATE",
    baseUrl: "https://open.daymart.example/lockers",
    operations: [{ name: "reserve_locker", title: "Reserve a locker", description: "Hold a locker for an order.", inputSchema: object({ orderId: str("Order id") }, ["orderId"]), httpMethod: "POST", path: "/reservations", annotations: { readOnly: false, idempotent: true }, examplePrompts: [] }],
    versions: [{ status: "DRAFT" }],
  },
];

/** The operations a given version of an integration has. */
export function operationsOfVersion(integration: DemoIntegration, number: number): DemoOperation[] {
  return integration.operations.filter((op) => (op.since ?? 1) <= number);
}
