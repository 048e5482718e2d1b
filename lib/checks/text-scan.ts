// Pure text scanners used by the tool rules: invisible characters, prompt-injection phrases,
// risky action words (both languages) and a description length that is fair to Chinese.

const HIDDEN_RANGES: Array<[number, number, string]> = [
  [0x00ad, 0x00ad, "soft hyphen"],
  [0x034f, 0x034f, "combining grapheme joiner"],
  [0x061c, 0x061c, "arabic letter mark"],
  [0x180e, 0x180e, "mongolian vowel separator"],
  [0x200b, 0x200d, "zero-width space/joiner"],
  [0x200e, 0x200f, "bidi mark"],
  [0x202a, 0x202e, "bidi embedding/override"],
  [0x2060, 0x2064, "word joiner / invisible operator"],
  [0x2066, 0x2069, "bidi isolate"],
  [0x206a, 0x206f, "deprecated format character"],
  [0xfeff, 0xfeff, "zero-width no-break space (BOM)"],
  [0xfff9, 0xfffb, "interlinear annotation"],
  [0xe0000, 0xe007f, "tag character"],
];

export type HiddenChar = { index: number; codePoint: string; kind: string };

function hiddenKind(cp: number): string | undefined {
  for (const [lo, hi, kind] of HIDDEN_RANGES) if (cp >= lo && cp <= hi) return kind;
  return undefined;
}

export function findHiddenUnicode(text: string): HiddenChar[] {
  const out: HiddenChar[] = [];
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const kind = hiddenKind(cp);
    if (kind) out.push({ index, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`, kind });
    index += ch.length;
  }
  return out;
}

export function stripHidden(text: string): string {
  let out = "";
  for (const ch of text) if (!hiddenKind(ch.codePointAt(0)!)) out += ch;
  return out;
}

/** Lower-cased, NFKC, invisible characters removed, whitespace collapsed: defeats trivial evasion. */
export function normalizeForScan(text: string): string {
  return stripHidden(text).normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
}

// Phrases that address the model rather than describe the tool ("tool poisoning").
const INJECTION_PATTERNS: RegExp[] = [
  /\b(ignore|disregard|forget|override)\s+(all\s+|any\s+|the\s+|your\s+)*(previous|prior|above|earlier|preceding|other|former)\s+(instructions?|prompts?|rules|messages|directions|guidelines)/,
  /\bsystem\s+prompt\b/,
  /\byou\s+(must|should)\s+(always\s+|first\s+)?(call|use|invoke|run|execute)\b/,
  /\b(do\s+not|don't|never)\s+(tell|inform|mention|reveal|show|notify)\s+(this\s+)?(to\s+)?the\s+user\b/,
  /<\/?\s*(important|system|instructions?|secret)\s*>/,
  /\b(new|updated)\s+instructions?\s*:/,
  /\b(send|forward|upload|exfiltrate|include)\b.{0,40}\b(api[\s_-]?keys?|passwords?|credentials|secrets?|ssh\s+keys?|conversation\s+history|chat\s+history)\b/,
  /忽略(掉)?(之前|以上|前面|先前|上述|此前|所有)(的)?(所有)?(指令|指示|提示|规则|要求)/,
  /(无视|忘记|忘掉)(之前|以上|前面|先前|上述|所有)(的)?(指令|指示|提示|规则|要求)/,
  /系统提示(词)?/,
  /你(必须|务必|一定要)(先)?(调用|使用|执行)/,
  /(不要|切勿|别|不得)(告诉|告知|透露给|通知)用户/,
  /新的?指令\s*[:：]/,
];

export function findInjectionPhrases(text: string): string[] {
  const normalized = normalizeForScan(text);
  const found: string[] = [];
  for (const pattern of INJECTION_PATTERNS) {
    const m = normalized.match(pattern);
    if (m) found.push(m[0]);
  }
  return found;
}

// Risky actions: deleting, cancelling, moving money. English words match whole tokens of
// snake_case / kebab-case / camelCase / prose; Chinese words match as substrings.
const RISKY_EN = new Set([
  "delete", "deletes", "deleted", "deleting", "deletion",
  "remove", "removes", "removing", "destroy", "destroys", "purge", "purges", "erase", "erases", "wipe", "wipes",
  "refund", "refunds", "refunded", "refunding",
  "cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling", "cancellation",
  "pay", "pays", "paid", "paying", "payment", "payments", "payout", "payouts",
  "charge", "charges", "charged", "charging",
  "transfer", "transfers", "transferred", "transferring", "withdraw", "withdraws", "withdrawal",
]);
const RISKY_ZH = ["删除", "注销", "清空", "退款", "取消", "支付", "付款", "扣款", "转账", "提现"];

// A name or title led by one of these verbs reads data about a risky thing (get_refund_status).
const READ_VERBS_EN = new Set([
  "get", "list", "query", "search", "find", "read", "fetch", "check", "view", "show", "describe",
  "lookup", "count", "preview", "estimate", "quote", "calculate", "validate", "verify",
]);
const READ_VERBS_ZH = ["查询", "获取", "查看", "列出", "搜索", "查找", "预览", "估算", "计算", "校验"];

export function tokenize(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function findRiskyWords(text: string): string[] {
  const normalized = stripHidden(text).normalize("NFKC");
  const words = new Set<string>();
  for (const token of tokenize(normalized)) if (RISKY_EN.has(token)) words.add(token);
  for (const word of RISKY_ZH) if (normalized.includes(word)) words.add(word);
  return [...words];
}

/** True when the first word is a read verb, e.g. `get_refund_status` or 「查询退款」. */
export function startsWithReadVerb(text: string): boolean {
  const trimmed = stripHidden(text).normalize("NFKC").trim();
  const first = tokenize(trimmed)[0];
  if (first && /^[a-z0-9]/i.test(trimmed) && READ_VERBS_EN.has(first)) return true;
  return READ_VERBS_ZH.some((v) => trimmed.startsWith(v));
}

/** Length where a CJK character counts 2: a Chinese character carries about two letters' meaning. */
export function weightedLength(text: string): number {
  let n = 0;
  for (const ch of text.trim()) n += /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u.test(ch) ? 2 : 1;
  return n;
}
