import type { OperationDefinition } from "../integrations/definition";
import { finding } from "./catalogue";
import {
  compileSchema,
  describeType,
  isObject,
  isObjectTypeSchema,
  requiredNotDeclared,
  schemaStrings,
  undescribedProperties,
} from "./schema-checks";
import {
  findHiddenUnicode,
  findInjectionPhrases,
  findRiskyWords,
  startsWithReadVerb,
  weightedLength,
} from "./text-scan";
import type { CheckFinding } from "./types";

// SG-TOOL-* checks over operations (Skill operations, or MCP tools mapped by
// mcp-tool-to-operation.ts). Pure: no I/O. One finding per rule per operation, passing ones
// included, grouped by operation in list order and by rule id within an operation.

export const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 1024;
const EVIDENCE_LIMIT = 10;

type SchemaSlot = { label: "inputSchema" | "outputSchema"; schema: unknown };

function schemasOf(op: OperationDefinition): SchemaSlot[] {
  const slots: SchemaSlot[] = [{ label: "inputSchema", schema: op.inputSchema }];
  if (op.outputSchema !== undefined) slots.push({ label: "outputSchema", schema: op.outputSchema });
  return slots;
}

/** The name; "#<position>" when empty; "name #k" for the k-th (k ≥ 2) tool sharing a name. */
function subjectOf(op: OperationDefinition, index: number, occurrence: number): string {
  if (typeof op.name !== "string" || op.name === "") return `#${index + 1}`;
  return occurrence > 1 ? `${op.name} #${occurrence}` : op.name;
}

function confusableKey(name: string): string {
  return name.toLowerCase().replace(/[-_.]/g, "");
}

/** `onBatch(done, total)` is called after every `batchSize` operations, for live progress. */
export function checkOperations(
  operations: readonly OperationDefinition[],
  options: { onBatch?: (done: number, total: number) => void; batchSize?: number } = {},
): CheckFinding[] {
  const batchSize = options.batchSize ?? 10;
  const nameCounts = new Map<string, number>();
  const byConfusable = new Map<string, Set<string>>();
  for (const op of operations) {
    nameCounts.set(op.name, (nameCounts.get(op.name) ?? 0) + 1);
    const key = confusableKey(op.name);
    if (!byConfusable.has(key)) byConfusable.set(key, new Set());
    byConfusable.get(key)!.add(op.name);
  }
  const seen = new Map<string, number>();
  return operations.flatMap((op, index) => {
    const occurrence = (seen.get(op.name) ?? 0) + 1;
    seen.set(op.name, occurrence);
    const subject = subjectOf(op, index, occurrence);
    const others = [...(byConfusable.get(confusableKey(op.name)) ?? [])].filter((n) => n !== op.name);
    const findings = checkOperation(op, subject, { count: nameCounts.get(op.name) ?? 1, confusableWith: others });
    const done = index + 1;
    if (done % batchSize === 0 || done === operations.length) options.onBatch?.(done, operations.length);
    return findings;
  });
}

function checkOperation(
  op: OperationDefinition,
  subject: string,
  siblings: { count: number; confusableWith: string[] },
): CheckFinding[] {
  const out: CheckFinding[] = [];
  const at = { subject };
  const name = typeof op.name === "string" ? op.name : "";
  const title = typeof op.title === "string" ? op.title : "";
  const description = typeof op.description === "string" ? op.description : "";
  const slots = schemasOf(op);

  // SG-TOOL-001 name pattern
  out.push(
    NAME_PATTERN.test(name)
      ? finding("SG-TOOL-001", true, at)
      : finding("SG-TOOL-001", false, {
          ...at,
          message: { en: `Name "${name}" does not match [A-Za-z0-9_.-]{1,128}`, zh: `名称“${name}”不符合 [A-Za-z0-9_.-]{1,128}` },
          evidence: { name, length: name.length },
        }),
  );

  // SG-TOOL-002 unique
  out.push(
    siblings.count <= 1
      ? finding("SG-TOOL-002", true, at)
      : finding("SG-TOOL-002", false, {
          ...at,
          message: { en: `Name "${name}" is used ${siblings.count} times`, zh: `名称“${name}”出现了 ${siblings.count} 次` },
          evidence: { name, count: siblings.count },
        }),
  );

  // SG-TOOL-003 confusable names
  out.push(
    siblings.confusableWith.length === 0
      ? finding("SG-TOOL-003", true, at)
      : finding("SG-TOOL-003", false, {
          ...at,
          message: {
            en: `Name "${name}" differs from ${siblings.confusableWith.map((n) => `"${n}"`).join(", ")} only by case or separators`,
            zh: `名称“${name}”与 ${siblings.confusableWith.map((n) => `“${n}”`).join("、")} 仅大小写或分隔符不同`,
          },
          evidence: { confusableWith: siblings.confusableWith },
        }),
  );

  // SG-TOOL-004 schemas compile
  const compileErrors: Record<string, { dialect: string; errors: string[] }> = {};
  const dialects: Record<string, string> = {};
  for (const slot of slots) {
    const result = compileSchema(slot.schema);
    dialects[slot.label] = result.dialect;
    if (!result.ok) compileErrors[slot.label] = { dialect: result.dialect, errors: result.errors };
  }
  const failedSlots = Object.keys(compileErrors);
  out.push(
    failedSlots.length === 0
      ? finding("SG-TOOL-004", true, { ...at, evidence: { dialects } })
      : finding("SG-TOOL-004", false, {
          ...at,
          message: { en: `${failedSlots.join(" and ")} does not compile`, zh: `${failedSlots.join(" 和 ")} 无法编译` },
          evidence: compileErrors,
        }),
  );

  // SG-TOOL-005 type object
  const notObject = slots.filter((s) => !isObjectTypeSchema(s.schema));
  out.push(
    notObject.length === 0
      ? finding("SG-TOOL-005", true, at)
      : finding("SG-TOOL-005", false, {
          ...at,
          message: {
            en: `${notObject.map((s) => s.label).join(" and ")} is not type "object"`,
            zh: `${notObject.map((s) => s.label).join(" 和 ")} 的类型不是 "object"`,
          },
          evidence: Object.fromEntries(
            notObject.map((s) => [s.label, isObject(s.schema) ? { type: s.schema.type ?? null } : { schema: describeType(s.schema) }]),
          ),
        }),
  );

  // SG-TOOL-006 required ⊆ properties
  const missingRequired = Object.fromEntries(
    slots.map((s) => [s.label, requiredNotDeclared(s.schema)] as const).filter(([, list]) => list.length > 0),
  );
  const missingCount = Object.values(missingRequired).flat().length;
  out.push(
    missingCount === 0
      ? finding("SG-TOOL-006", true, at)
      : finding("SG-TOOL-006", false, {
          ...at,
          message: { en: `${missingCount} required name(s) are not declared properties`, zh: `有 ${missingCount} 个必填名称不是已声明的属性` },
          evidence: missingRequired,
        }),
  );

  // SG-TOOL-007 properties described
  const undescribed = Object.fromEntries(
    slots
      .map((s) => [s.label, undescribedProperties(s.schema).slice(0, EVIDENCE_LIMIT)] as const)
      .filter(([, list]) => list.length > 0),
  );
  const undescribedCount = slots.reduce((n, s) => n + undescribedProperties(s.schema).length, 0);
  out.push(
    undescribedCount === 0
      ? finding("SG-TOOL-007", true, at)
      : finding("SG-TOOL-007", false, {
          ...at,
          message: { en: `${undescribedCount} propert(y/ies) have no description`, zh: `有 ${undescribedCount} 个属性没有描述` },
          evidence: undescribed,
        }),
  );

  // SG-TOOL-008 annotations explicit. As in MCP, destructive/idempotent only mean something
  // for a tool that is not read-only, so a read-only tool needs only readOnly set.
  const a = op.annotations ?? {};
  const needed: Array<keyof typeof a> = a.readOnly === true ? ["readOnly"] : ["readOnly", "destructive", "idempotent"];
  const unset = needed.filter((k) => typeof a[k] !== "boolean");
  out.push(
    unset.length === 0
      ? finding("SG-TOOL-008", true, at)
      : finding("SG-TOOL-008", false, {
          ...at,
          message: { en: `Annotations not set explicitly: ${unset.join(", ")}`, zh: `未显式设置的注解：${unset.join("、")}` },
          evidence: { unset },
        }),
  );

  // SG-TOOL-009 risky name/title marked read-only (a read-verb-led name such as
  // get_refund_status is about reading, so it is not counted)
  const riskyInNaming = [
    ...(startsWithReadVerb(name) ? [] : findRiskyWords(name).map((w) => ({ field: "name", word: w }))),
    ...(startsWithReadVerb(title) ? [] : findRiskyWords(title).map((w) => ({ field: "title", word: w }))),
  ];
  out.push(
    a.readOnly === true && riskyInNaming.length > 0
      ? finding("SG-TOOL-009", false, {
          ...at,
          message: {
            en: `Marked read-only but named for a risky action (${[...new Set(riskyInNaming.map((r) => r.word))].join(", ")})`,
            zh: `被标记为只读，但名称表示高风险操作（${[...new Set(riskyInNaming.map((r) => r.word))].join("、")}）`,
          },
          evidence: { readOnly: true, matches: riskyInNaming },
        })
      : finding("SG-TOOL-009", true, at),
  );

  // SG-TOOL-010 state-changing + risky words → must be declared destructive or moving money
  const riskyAnywhere = [
    ...findRiskyWords(name).map((w) => ({ field: "name", word: w })),
    ...findRiskyWords(title).map((w) => ({ field: "title", word: w })),
    ...findRiskyWords(description).map((w) => ({ field: "description", word: w })),
  ];
  const declared = a.destructive === true || a.movesMoney === true;
  out.push(
    a.readOnly !== true && riskyAnywhere.length > 0 && !declared
      ? finding("SG-TOOL-010", false, {
          ...at,
          message: {
            en: `Mentions risky actions (${[...new Set(riskyAnywhere.map((r) => r.word))].join(", ")}) but is not declared destructive or moving money: flagged for a reviewer`,
            zh: `提及高风险操作（${[...new Set(riskyAnywhere.map((r) => r.word))].join("、")}）但未声明为破坏性或涉及资金：已标记待审核员检查`,
          },
          evidence: { matches: riskyAnywhere, destructive: a.destructive ?? null, movesMoney: a.movesMoney ?? null },
        })
      : finding("SG-TOOL-010", true, at),
  );

  // SG-TOOL-011 hidden Unicode anywhere an agent reads
  const scanned: Array<{ field: string; text: string }> = [
    { field: "name", text: name },
    { field: "title", text: title },
    { field: "description", text: description },
    ...(op.examplePrompts ?? []).map((text, i) => ({ field: `examplePrompts/${i}`, text: String(text) })),
    ...slots.flatMap((s) => schemaStrings(s.schema).map((text) => ({ field: s.label, text }))),
  ];
  const hidden = scanned
    .flatMap(({ field, text }) => findHiddenUnicode(text).map((h) => ({ field, ...h })))
    .slice(0, EVIDENCE_LIMIT);
  out.push(
    hidden.length === 0
      ? finding("SG-TOOL-011", true, at)
      : finding("SG-TOOL-011", false, {
          ...at,
          message: {
            en: `Hidden characters found: ${[...new Set(hidden.map((h) => `${h.codePoint} in ${h.field}`))].join(", ")}`,
            zh: `发现隐藏字符：${[...new Set(hidden.map((h) => `${h.field} 中的 ${h.codePoint}`))].join("、")}`,
          },
          evidence: hidden,
        }),
  );

  // SG-TOOL-012 prompt injection (title, description, schema texts)
  const injection = scanned
    .filter((s) => !s.field.startsWith("examplePrompts/") && s.field !== "name")
    .flatMap(({ field, text }) => findInjectionPhrases(text).map((phrase) => ({ field, phrase })))
    .slice(0, EVIDENCE_LIMIT);
  out.push(
    injection.length === 0
      ? finding("SG-TOOL-012", true, at)
      : finding("SG-TOOL-012", false, {
          ...at,
          message: {
            en: `Prompt-injection phrases: ${injection.map((i) => `"${i.phrase}"`).join(", ")}`,
            zh: `提示词注入语句：${injection.map((i) => `“${i.phrase}”`).join("、")}`,
          },
          evidence: injection,
        }),
  );

  // SG-TOOL-013..015 description present, long enough, not too long
  if (description.trim() === "") {
    out.push(
      finding("SG-TOOL-013", false, {
        ...at,
        message: { en: "Description is missing", zh: "缺少描述" },
      }),
    );
  } else {
    const length = weightedLength(description);
    out.push(finding("SG-TOOL-013", true, at));
    out.push(
      length >= DESCRIPTION_MIN
        ? finding("SG-TOOL-014", true, { ...at, evidence: { length } })
        : finding("SG-TOOL-014", false, {
            ...at,
            message: { en: `Description is only ${length} characters`, zh: `描述只有 ${length} 个字符` },
            evidence: { length, min: DESCRIPTION_MIN },
          }),
    );
    out.push(
      length <= DESCRIPTION_MAX
        ? finding("SG-TOOL-015", true, { ...at, evidence: { length } })
        : finding("SG-TOOL-015", false, {
            ...at,
            message: { en: `Description is ${length} characters`, zh: `描述长达 ${length} 个字符` },
            evidence: { length, max: DESCRIPTION_MAX },
          }),
    );
  }

  // SG-TOOL-016 output schema declared
  out.push(
    op.outputSchema !== undefined
      ? finding("SG-TOOL-016", true, at)
      : finding("SG-TOOL-016", false, { ...at, message: { en: "No output schema", zh: "未声明输出 Schema" } }),
  );

  return out;
}
