// The catalogue of review reasons. A change request or rejection names one or more of them
// (refused otherwise), so a merchant always learns why; codes about something a validation rule
// checks link to those rule ids, and the merchant page shows the rule next to the reason. Pure.
import type { RuleId } from "@/lib/checks/catalogue";

export type NegativeDecision = "CHANGES_REQUESTED" | "REJECTED";
export type Decision = "APPROVED" | NegativeDecision;

export type ReasonCode = {
  code: string;
  en: string;
  zh: string;
  /** Validation rules this reason is about (empty for policy reasons no rule checks). */
  ruleIds: RuleId[];
  /** Needs the reviewer's message to make sense on its own. */
  needsMessage?: boolean;
};

export const reasonCodes = [
  { code: "ANNOTATIONS_MISSING", en: "Safety annotations missing or inaccurate", zh: "安全注解缺失或不准确", ruleIds: ["SG-TOOL-008", "SG-TOOL-009", "SG-TOOL-010"] },
  { code: "RISK_UNDECLARED", en: "A destructive or money-moving operation is not declared as such", zh: "破坏性或涉及资金的操作未如实声明", ruleIds: ["SG-TOOL-009", "SG-TOOL-010"] },
  { code: "CONFIRMATION_MISSING", en: "A money-moving operation does not ask the user to confirm", zh: "涉及资金的操作未要求用户确认", ruleIds: [] },
  { code: "DESCRIPTION_UNCLEAR", en: "Descriptions are missing, too short or unclear", zh: "描述缺失、过短或不清楚", ruleIds: ["SG-TOOL-007", "SG-TOOL-013", "SG-TOOL-014", "SG-TOOL-015"] },
  { code: "SCHEMA_INVALID", en: "Input or output schema is invalid or incomplete", zh: "输入或输出 Schema 无效或不完整", ruleIds: ["SG-TOOL-004", "SG-TOOL-005", "SG-TOOL-006"] },
  { code: "NAMING_CONFUSING", en: "Operation names are invalid or confusable", zh: "操作名称不合规或容易混淆", ruleIds: ["SG-TOOL-001", "SG-TOOL-002", "SG-TOOL-003"] },
  { code: "PROMPT_INJECTION", en: "Hidden characters or prompt-injection text in descriptions", zh: "描述中含隐藏字符或提示词注入内容", ruleIds: ["SG-TOOL-011", "SG-TOOL-012"] },
  { code: "ENDPOINT_INSECURE", en: "Endpoint is not served over https or points at a development host", zh: "端点未使用 https 或指向开发主机", ruleIds: ["SG-MCP-001", "SG-MCP-002", "SG-SKILL-003", "SG-SKILL-004"] },
  { code: "ENDPOINT_UNRELIABLE", en: "Endpoint is unreachable, slow or unstable", zh: "端点不可访问、过慢或不稳定", ruleIds: ["SG-MCP-003", "SG-MCP-010", "SG-MCP-011", "SG-MCP-012", "SG-SKILL-005"] },
  { code: "SCOPE_MISMATCH", en: "Operations go beyond the merchant's business", zh: "操作超出商户的经营范围", ruleIds: [] },
  { code: "MISLEADING_LISTING", en: "Name or description misleads users about what it does", zh: "名称或描述对功能有误导", ruleIds: [] },
  { code: "POLICY_VIOLATION", en: "Violates the platform's content or commerce policy", zh: "违反平台内容或交易规范", ruleIds: [], needsMessage: true },
  { code: "OTHER", en: "Other (see the reviewer's message)", zh: "其他（见审核员留言）", ruleIds: [], needsMessage: true },
] as const satisfies readonly ReasonCode[];

export type ReasonCodeId = (typeof reasonCodes)[number]["code"];

const byCode = new Map<string, ReasonCode>(reasonCodes.map((r) => [r.code, r]));

export function getReasonCode(code: string): ReasonCode | undefined {
  return byCode.get(code);
}

export type DecisionCheck = { ok: true; reasonCodes: ReasonCodeId[]; message: string } | { ok: false; error: "reasonRequired" | "unknownReason" | "messageRequired" };

/**
 * Validates a reviewer's decision: a change request or rejection needs at least one known reason
 * code; codes that need a message (OTHER, POLICY_VIOLATION) need a non-empty message. An approval
 * carries no reason codes. Duplicates are dropped, order kept.
 */
export function checkDecision(decision: Decision, codes: readonly string[], message: string): DecisionCheck {
  const unique = [...new Set(codes.map((c) => c.trim()).filter(Boolean))];
  const trimmed = message.trim();
  if (decision === "APPROVED") {
    if (unique.length > 0) return { ok: false, error: "unknownReason" };
    return { ok: true, reasonCodes: [], message: trimmed };
  }
  if (unique.length === 0) return { ok: false, error: "reasonRequired" };
  const known = unique.map((c) => byCode.get(c));
  if (known.some((r) => r === undefined)) return { ok: false, error: "unknownReason" };
  if (known.some((r) => r?.needsMessage) && !trimmed) return { ok: false, error: "messageRequired" };
  return { ok: true, reasonCodes: unique as ReasonCodeId[], message: trimmed };
}
