// The fixed demo catalogue. Other parts of Skillgate (e2e tests, docs, the sign-in page hint)
// depend on these exact slugs, e-mails, the password and the demo key secrets: change them only
// together with their users.
import type {
  ApiKeyKind,
  Channel,
  MerchantCategory,
  MerchantRole,
  PlatformRole,
  ScreenReadOutcome,
} from "../generated/prisma/enums";

export const DEMO_PASSWORD = "Skillgate-demo-2026";

export type MerchantSlug = "lumen-coffee" | "swiftride" | "railgo" | "daymart";

export type DemoMerchant = {
  slug: MerchantSlug;
  name: string;
  category: MerchantCategory;
  /** Prefix of the merchant's order and session external ids. */
  code: string;
  /** Share of the demo's orders (benchmark orders all go to lumen-coffee). */
  orderShare: number;
  /** Channel mix at the start of the window; AI shares grow by a third over the 90 days. */
  channelMix: Record<Channel, number>;
  /** Relative order volume per Asia/Shanghai hour 0–23. */
  diurnal: readonly number[];
};

// Commute peaks (07–09, 17–19), lunch, evening; a different curve per kind of business.
const coffeeHours = [1, 0, 0, 0, 0, 1, 4, 14, 22, 18, 12, 10, 9, 11, 14, 15, 11, 7, 5, 4, 3, 2, 2, 1];
const rideHours = [4, 2, 1, 1, 1, 2, 6, 16, 20, 12, 8, 8, 9, 8, 8, 9, 11, 18, 20, 14, 11, 10, 9, 7];
const railHours = [1, 0, 0, 0, 0, 1, 3, 7, 10, 12, 12, 11, 10, 10, 11, 11, 10, 9, 9, 10, 11, 9, 6, 3];
const martHours = [4, 3, 2, 1, 1, 1, 3, 8, 9, 7, 6, 8, 10, 8, 6, 6, 7, 9, 12, 14, 14, 13, 11, 7];

export const demoMerchants: readonly DemoMerchant[] = [
  {
    slug: "lumen-coffee",
    name: "Lumen Coffee 流明咖啡",
    category: "FOOD",
    code: "LMN",
    orderShare: 0.38,
    channelMix: { ORGANIC: 0.5, AI_SKILL: 0.35, AI_SCREEN_READ: 0.15 },
    diurnal: coffeeHours,
  },
  {
    slug: "swiftride",
    name: "SwiftRide 迅行出行",
    category: "MOBILITY",
    code: "SWR",
    orderShare: 0.24,
    channelMix: { ORGANIC: 0.5, AI_SKILL: 0.36, AI_SCREEN_READ: 0.14 },
    diurnal: rideHours,
  },
  {
    slug: "railgo",
    name: "RailGo 铁行票务",
    category: "TRAVEL",
    code: "RLG",
    orderShare: 0.13,
    channelMix: { ORGANIC: 0.56, AI_SKILL: 0.2, AI_SCREEN_READ: 0.24 },
    diurnal: railHours,
  },
  {
    slug: "daymart",
    name: "DayMart 日日便利",
    category: "RETAIL",
    code: "DMT",
    orderShare: 0.25,
    channelMix: { ORGANIC: 0.66, AI_SKILL: 0.22, AI_SCREEN_READ: 0.12 },
    diurnal: martHours,
  },
];

export type DemoUser = {
  email: string;
  name: string;
  locale: "zh_CN" | "en";
  platformRole: PlatformRole;
  memberships: readonly { merchant: MerchantSlug; role: MerchantRole }[];
};

export const demoUsers: readonly DemoUser[] = [
  {
    email: "owner@lumen.demo",
    name: "林晓雯 Lin Xiaowen",
    locale: "zh_CN",
    platformRole: "NONE",
    memberships: [
      { merchant: "lumen-coffee", role: "OWNER" },
      { merchant: "daymart", role: "ADMIN" },
    ],
  },
  { email: "admin@lumen.demo", name: "周子航 Zhou Zihang", locale: "zh_CN", platformRole: "NONE", memberships: [{ merchant: "lumen-coffee", role: "ADMIN" }] },
  { email: "dev@lumen.demo", name: "Maya Chen", locale: "en", platformRole: "NONE", memberships: [{ merchant: "lumen-coffee", role: "DEVELOPER" }] },
  { email: "analyst@lumen.demo", name: "王一鸣 Wang Yiming", locale: "zh_CN", platformRole: "NONE", memberships: [{ merchant: "lumen-coffee", role: "ANALYST" }] },
  { email: "owner@swiftride.demo", name: "赵磊 Zhao Lei", locale: "zh_CN", platformRole: "NONE", memberships: [{ merchant: "swiftride", role: "OWNER" }] },
  { email: "owner@railgo.demo", name: "孙丽娜 Sun Lina", locale: "zh_CN", platformRole: "NONE", memberships: [{ merchant: "railgo", role: "OWNER" }] },
  { email: "owner@daymart.demo", name: "Daniel Wu", locale: "en", platformRole: "NONE", memberships: [{ merchant: "daymart", role: "OWNER" }] },
  { email: "reviewer@skillgate.demo", name: "许安 Xu An", locale: "zh_CN", platformRole: "REVIEWER", memberships: [] },
  { email: "admin@skillgate.demo", name: "Grace Liu", locale: "en", platformRole: "ADMIN", memberships: [] },
];

export type AgentSlug = "aurora" | "openclaw" | "langgraph-concierge" | "autogen-shopper" | "crew-travel" | "sandbox-tester";

export type DemoAgent = {
  slug: AgentSlug;
  name: string;
  vendor: string;
  verified: boolean;
  isTest: boolean;
  /** Relative share of AI orders; travel-minded agents lean to rides and tickets. */
  weight: Record<MerchantSlug, number>;
};

export const demoAgents: readonly DemoAgent[] = [
  {
    slug: "aurora",
    name: "Aurora Assistant 极光助手",
    vendor: "Skillgate",
    verified: true,
    isTest: false,
    weight: { "lumen-coffee": 46, swiftride: 40, railgo: 36, daymart: 48 },
  },
  {
    slug: "openclaw",
    name: "OpenClaw",
    vendor: "OpenClaw Foundation",
    verified: true,
    isTest: false,
    weight: { "lumen-coffee": 20, swiftride: 18, railgo: 12, daymart: 20 },
  },
  {
    slug: "langgraph-concierge",
    name: "LangGraph Concierge",
    vendor: "LangChain",
    verified: false,
    isTest: false,
    weight: { "lumen-coffee": 14, swiftride: 12, railgo: 14, daymart: 10 },
  },
  {
    slug: "autogen-shopper",
    name: "AutoGen Shopper",
    vendor: "Microsoft AutoGen",
    verified: false,
    isTest: false,
    weight: { "lumen-coffee": 16, swiftride: 6, railgo: 4, daymart: 20 },
  },
  {
    slug: "crew-travel",
    name: "CrewAI Travel Desk",
    vendor: "CrewAI",
    verified: false,
    isTest: false,
    weight: { "lumen-coffee": 3, swiftride: 23, railgo: 33, daymart: 1 },
  },
  {
    slug: "sandbox-tester",
    name: "Sandbox Tester",
    vendor: "Skillgate",
    verified: false,
    isTest: true,
    weight: { "lumen-coffee": 1, swiftride: 1, railgo: 1, daymart: 1 },
  },
];

export type DemoApiKey = {
  name: string;
  kind: ApiKeyKind;
  /** The secret is published in the README: it works only when SKILLGATE_DEMO_MODE=1. */
  secret: string;
  scopes: readonly string[];
  merchant?: MerchantSlug;
  agent?: AgentSlug;
};

export const demoApiKeys: readonly DemoApiKey[] = [
  {
    name: "Demo platform ingest",
    kind: "PLATFORM_INGEST",
    secret: "sg_ingest_demo_00000000000000000000000000000000",
    scopes: ["events:write", "demo"],
  },
  {
    name: "Demo Aurora agent",
    kind: "AGENT",
    secret: "sg_agent_demo_aurora_000000000000000000000000",
    scopes: ["policy:read", "registry:read", "demo"],
    agent: "aurora",
  },
  {
    name: "Demo Lumen analytics",
    kind: "MERCHANT_ANALYTICS",
    secret: "sg_analytics_demo_lumen_0000000000000000000000",
    scopes: ["analytics:read", "demo"],
    merchant: "lumen-coffee",
  },
];

/** Order amounts per merchant: a price list in fen and how many items an order takes. */
export type PriceList = { prices: readonly number[]; maxQuantity: number; jitterFen: number };

export const priceLists: Record<MerchantSlug, PriceList> = {
  // lattes, americanos, pastries
  "lumen-coffee": { prices: [1800, 2200, 2600, 2800, 3200, 3400, 3600, 3800, 1500, 1200], maxQuantity: 3, jitterFen: 0 },
  // fares: short hops to airport runs, with a per-ride jitter
  swiftride: { prices: [1300, 1800, 2500, 3600, 4800, 6900, 9800, 14_800], maxQuantity: 1, jitterFen: 900 },
  // second-class and first-class tickets on common lines
  railgo: { prices: [2450, 3900, 5530, 8600, 14_400, 22_800, 55_300, 93_300], maxQuantity: 2, jitterFen: 0 },
  // baskets: drinks, snacks, instant meals
  daymart: { prices: [350, 500, 800, 1200, 1590, 2290, 3600, 5800], maxQuantity: 4, jitterFen: 90 },
};

export type PageFlow = {
  path: string;
  /** Relative share of screen-read attempts that reach this page. */
  weight: number;
  /** Completed sessions end here (the page where the order is placed). */
  completes: boolean;
  /** Failure kinds seen on this page, by relative weight. */
  failures: readonly (readonly [Exclude<ScreenReadOutcome, "COMPLETED">, number])[];
  /** How much more often than average attempts here fail. */
  failureFactor: number;
};

// Failures are concentrated on a few pages per merchant, so "which flow to turn into a Skill
// first" has a clear answer (lumen: the pay page's membership pop-up).
export const pageFlows: Record<MerchantSlug, readonly PageFlow[]> = {
  "lumen-coffee": [
    { path: "/checkout/pay", weight: 40, completes: true, failures: [["POPUP_BLOCKED", 8], ["PAYMENT_MISMATCH", 2], ["TIMEOUT", 1]], failureFactor: 2.2 },
    { path: "/menu/customize", weight: 25, completes: false, failures: [["ELEMENT_NOT_FOUND", 6], ["USER_ABORTED", 2]], failureFactor: 1.4 },
    { path: "/store/select", weight: 15, completes: false, failures: [["LAYOUT_CHANGED", 5], ["TIMEOUT", 1]], failureFactor: 1.0 },
    { path: "/menu", weight: 20, completes: true, failures: [["USER_ABORTED", 1]], failureFactor: 0.2 },
  ],
  swiftride: [
    { path: "/ride/confirm", weight: 45, completes: true, failures: [["TIMEOUT", 7], ["USER_ABORTED", 2]], failureFactor: 1.8 },
    { path: "/ride/pay", weight: 25, completes: true, failures: [["PAYMENT_MISMATCH", 6], ["POPUP_BLOCKED", 1]], failureFactor: 1.6 },
    { path: "/ride/request", weight: 20, completes: false, failures: [["ELEMENT_NOT_FOUND", 3], ["LAYOUT_CHANGED", 1]], failureFactor: 0.5 },
    { path: "/coupons", weight: 10, completes: false, failures: [["POPUP_BLOCKED", 2]], failureFactor: 0.6 },
  ],
  railgo: [
    { path: "/seat/select", weight: 35, completes: false, failures: [["ELEMENT_NOT_FOUND", 7], ["LAYOUT_CHANGED", 3]], failureFactor: 2.0 },
    { path: "/order/pay", weight: 30, completes: true, failures: [["TIMEOUT", 5], ["PAYMENT_MISMATCH", 2]], failureFactor: 1.3 },
    { path: "/passenger/add", weight: 20, completes: false, failures: [["USER_ABORTED", 5]], failureFactor: 1.0 },
    { path: "/search", weight: 15, completes: true, failures: [["TIMEOUT", 1]], failureFactor: 0.3 },
  ],
  daymart: [
    { path: "/cart/submit", weight: 45, completes: true, failures: [["POPUP_BLOCKED", 5], ["PAYMENT_MISMATCH", 1]], failureFactor: 1.5 },
    { path: "/delivery/slot", weight: 30, completes: false, failures: [["LAYOUT_CHANGED", 6], ["ELEMENT_NOT_FOUND", 2]], failureFactor: 1.5 },
    { path: "/shelf", weight: 25, completes: true, failures: [["ELEMENT_NOT_FOUND", 1]], failureFactor: 0.3 },
  ],
};

/** Share of screen-read sessions that fail, overall. */
export const SCREEN_READ_FAILURE_RATE = 0.25;
