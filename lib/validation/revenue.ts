// The revenue page's forms: a proposed rule (previewed or scheduled), cancelling a version, and
// closing a statement. Messages are catalogue keys (revenue.validation.*). Money and rates are
// parsed from text by string arithmetic (no floating point): "3.5" % → 350 bps, "0.50" ¥ → 50 fen.
import { z } from "zod";
import { recordId } from "./record-id";
import { isCalendarDate } from "../attribution/shanghai-time";
import { parseYuanToFen } from "../orders/yuan";
import { isPeriod } from "../revenue/period";
import { MAX_FIXED_FEE_FEN, parsePercentToBps } from "../revenue/rules";

// Dates 2000–2099 (as in lib/validation/attribution.ts): beyond that, day arithmetic leaves four-digit years.
const inRange = (v: string) => isCalendarDate(v) && v >= "2000-01-01" && v <= "2099-12-31";
const date = (key: string) => z.string({ error: key }).trim().refine(inRange, key);

const proposalShape = {
  channel: z.enum(["AI_SKILL", "AI_SCREEN_READ", "ORGANIC"], { error: "revenue.validation.channel" }),
  agentId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,64}$/, "errors.invalidRecordId")
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : null)),
  ratePercent: z
    .string({ error: "revenue.validation.rate" })
    .transform((v, ctx) => {
      const bps = parsePercentToBps(v);
      if (bps === null) {
        ctx.addIssue({ code: "custom", message: "revenue.validation.rate" });
        return z.NEVER;
      }
      return bps;
    }),
  fixedFeeYuan: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return 0n;
      const fen = parseYuanToFen(v);
      if (fen === null || fen > MAX_FIXED_FEE_FEN) {
        ctx.addIssue({ code: "custom", message: "revenue.validation.fixedFee" });
        return z.NEVER;
      }
      return fen;
    }),
};

const refineScope = <T extends { channel: string; agentId: string | null }>(input: T, ctx: z.RefinementCtx) => {
  if (input.channel === "ORGANIC" && input.agentId) ctx.addIssue({ code: "custom", path: ["agentId"], message: "revenue.validation.organicOverride" });
};

/** Form names → domain names: ratePercent becomes rateBps, fixedFeeYuan becomes fixedFeeFen. */
const toProposal = <T extends { ratePercent: number; fixedFeeYuan: bigint }>({ ratePercent, fixedFeeYuan, ...rest }: T) => ({ ...rest, rateBps: ratePercent, fixedFeeFen: fixedFeeYuan });

export const scheduleRuleSchema = z.object({ ...proposalShape, effectiveDate: date("revenue.validation.effectiveDate") }).superRefine(refineScope).transform(toProposal);
export type ScheduleRuleInput = z.infer<typeof scheduleRuleSchema>;

/** The preview period is at most a year of orders. */
export const MAX_PREVIEW_DAYS = 366;

export const previewRuleSchema = z
  .object({ ...proposalShape, from: date("revenue.validation.periodDate"), to: date("revenue.validation.periodDate") })
  .superRefine(refineScope)
  .superRefine((input, ctx) => {
    if (input.to < input.from) ctx.addIssue({ code: "custom", path: ["to"], message: "revenue.validation.periodOrder" });
    else if ((Date.parse(input.to) - Date.parse(input.from)) / 86_400_000 >= MAX_PREVIEW_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "revenue.validation.periodTooLong" });
  })
  .transform(toProposal);
export type PreviewRuleInput = z.infer<typeof previewRuleSchema>;

export const ruleIdSchema = z.object({ ruleId: recordId("revenue.validation.rule") });

export const periodSchema = z.object({ period: z.string({ error: "revenue.validation.period" }).refine(isPeriod, "revenue.validation.period") });
