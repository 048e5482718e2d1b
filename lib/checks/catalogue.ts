import type { CheckFinding, CheckLevel, LocalizedText, Rule } from "./types";

// The rule catalogue. Ids are stable: never renumber or reuse one; retire a rule by leaving
// its id out of new runs. Titles state the requirement, so a passing finding reads as its title.
//   SG-MCP-*   connection, protocol, capabilities, listing, latency and hash stability of an MCP server
//   SG-TOOL-*  per tool / operation checks shared by MCP servers and Skills
//   SG-SKILL-* Skill endpoint checks

function rule(id: string, level: CheckLevel, title: LocalizedText, fix: LocalizedText): Rule {
  return { id, level, title, fix };
}

export const RULES = [
  rule(
    "SG-MCP-001",
    "ERROR",
    { en: "MCP endpoint uses https (http only for allow-listed development hosts)", zh: "MCP 端点使用 https（仅白名单中的开发主机可用 http）" },
    { en: "Serve the MCP endpoint over https with a valid certificate.", zh: "请通过 https（有效证书）提供 MCP 端点。" },
  ),
  rule(
    "SG-MCP-002",
    "WARNING",
    { en: "MCP endpoint is not a development host", zh: "MCP 端点不是开发主机" },
    { en: "Development hosts are for testing only; register the production https endpoint before submitting.", zh: "开发主机仅供测试；提交审核前请登记生产环境的 https 端点。" },
  ),
  rule(
    "SG-MCP-003",
    "ERROR",
    { en: "Server accepts an MCP connection and completes the initialize handshake", zh: "服务器接受 MCP 连接并完成 initialize 握手" },
    { en: "Check the URL, that the server is running, the bearer token, and that POST /mcp answers JSON-RPC initialize.", zh: "请检查 URL、服务是否运行、Bearer 令牌，以及 POST /mcp 是否响应 JSON-RPC initialize。" },
  ),
  rule(
    "SG-MCP-004",
    "WARNING",
    { en: "Server speaks the streamable HTTP transport", zh: "服务器使用 Streamable HTTP 传输" },
    { en: "HTTP+SSE is the legacy transport; upgrade the server SDK and serve streamable HTTP.", zh: "HTTP+SSE 是旧版传输方式；请升级服务端 SDK 并提供 Streamable HTTP。" },
  ),
  rule(
    "SG-MCP-005",
    "ERROR",
    { en: "Negotiated protocol version is supported", zh: "协商的协议版本受支持" },
    { en: "Upgrade the server's MCP SDK so it answers with a protocol version the platform supports.", zh: "请升级服务端 MCP SDK，使其返回平台支持的协议版本。" },
  ),
  rule(
    "SG-MCP-006",
    "INFO",
    { en: "Server info (name, version) and capabilities are recorded", zh: "已记录服务器信息（名称、版本）和能力" },
    { en: "Return serverInfo with a name and a version in the initialize result.", zh: "请在 initialize 结果中返回带名称和版本的 serverInfo。" },
  ),
  rule(
    "SG-MCP-007",
    "ERROR",
    { en: "Server advertises the tools capability", zh: "服务器声明了 tools 能力" },
    { en: "Declare `capabilities.tools` in the initialize result.", zh: "请在 initialize 结果中声明 `capabilities.tools`。" },
  ),
  rule(
    "SG-MCP-008",
    "ERROR",
    { en: "tools/list succeeds on every page (nextCursor followed)", zh: "tools/list 每一页均成功（已跟随 nextCursor 翻页）" },
    { en: "Make tools/list return a valid result; end paging by omitting nextCursor, never repeat a cursor.", zh: "请让 tools/list 返回有效结果；翻页结束时省略 nextCursor，不要重复游标。" },
  ),
  rule(
    "SG-MCP-009",
    "ERROR",
    { en: "Server lists at least one tool", zh: "服务器至少列出一个工具" },
    { en: "Register the tools agents should call.", zh: "请注册智能体需要调用的工具。" },
  ),
  rule(
    "SG-MCP-010",
    "ERROR",
    { en: "Handshake completes within 10 s", zh: "握手在 10 秒内完成" },
    { en: "Make initialize fast: no slow work before answering, and host the server close to the platform.", zh: "请加快 initialize：应答前不要做耗时工作，并将服务部署在靠近平台的位置。" },
  ),
  rule(
    "SG-MCP-011",
    "ERROR",
    { en: "Listing all tools completes within 10 s", zh: "列出全部工具在 10 秒内完成" },
    { en: "Serve tools/list from memory; avoid remote calls while listing.", zh: "请从内存返回 tools/list，列出时避免远程调用。" },
  ),
  rule(
    "SG-MCP-012",
    "ERROR",
    { en: "Two consecutive tool listings are identical (same hash)", zh: "连续两次列出的工具完全一致（哈希相同）" },
    { en: "Return a deterministic tool list; approval is bound to its hash.", zh: "请返回确定性的工具列表；审核批准与其哈希绑定。" },
  ),

  rule(
    "SG-TOOL-001",
    "ERROR",
    { en: "Name matches [A-Za-z0-9_.-]{1,128}", zh: "名称符合 [A-Za-z0-9_.-]{1,128}" },
    { en: "Use only ASCII letters, digits, '_', '-' and '.', at most 128 characters.", zh: "仅使用 ASCII 字母、数字、'_'、'-'、'.'，最多 128 个字符。" },
  ),
  rule(
    "SG-TOOL-002",
    "ERROR",
    { en: "Name is unique", zh: "名称唯一" },
    { en: "Give every tool / operation a distinct name.", zh: "请为每个工具/操作取不同的名称。" },
  ),
  rule(
    "SG-TOOL-003",
    "WARNING",
    { en: "Name is not confusable with another (case or separators only)", zh: "名称不与其他名称混淆（仅大小写或分隔符不同）" },
    { en: "Rename one of the tools so names differ by more than case, '_', '-' or '.'.", zh: "请重命名其中一个，使名称的差异不只是大小写或 '_'、'-'、'.'。" },
  ),
  rule(
    "SG-TOOL-004",
    "ERROR",
    { en: "Input and output schemas compile as JSON Schema 2020-12", zh: "输入和输出 Schema 可按 JSON Schema 2020-12 编译" },
    { en: "Fix the schema errors shown in the evidence; remove references to external schemas.", zh: "请修复证据中显示的 Schema 错误；移除对外部 Schema 的引用。" },
  ),
  rule(
    "SG-TOOL-005",
    "ERROR",
    { en: "Input and output schemas are `type: \"object\"`", zh: "输入和输出 Schema 为 `type: \"object\"`" },
    { en: "Wrap arguments in an object schema: {\"type\":\"object\",\"properties\":{...}}.", zh: "请用对象 Schema 包装参数：{\"type\":\"object\",\"properties\":{...}}。" },
  ),
  rule(
    "SG-TOOL-006",
    "ERROR",
    { en: "`required` names only declared properties", zh: "`required` 只包含已声明的属性" },
    { en: "Declare every required name under `properties`, or remove it from `required`.", zh: "请在 `properties` 中声明每个必填名称，或将其从 `required` 中移除。" },
  ),
  rule(
    "SG-TOOL-007",
    "WARNING",
    { en: "Every property has a description", zh: "每个属性都有描述" },
    { en: "Add a `description` to each property so agents fill it correctly.", zh: "请为每个属性添加 `description`，以便智能体正确填写。" },
  ),
  rule(
    "SG-TOOL-008",
    "WARNING",
    { en: "Annotations read-only, destructive and idempotent are set explicitly", zh: "已显式设置只读、破坏性、幂等注解" },
    { en: "Set readOnlyHint, destructiveHint and idempotentHint to true or false.", zh: "请将 readOnlyHint、destructiveHint、idempotentHint 显式设为 true 或 false。" },
  ),
  rule(
    "SG-TOOL-009",
    "ERROR",
    { en: "A tool named for a risky action is not marked read-only", zh: "以高风险操作命名的工具未被标记为只读" },
    { en: "Mark it readOnlyHint: false and destructiveHint: true (or moves money), or rename it if it only reads.", zh: "请设为 readOnlyHint: false 且 destructiveHint: true（或涉及资金），若只是读取请改名。" },
  ),
  rule(
    "SG-TOOL-010",
    "WARNING",
    { en: "A state-changing tool mentioning risky actions is declared destructive or moving money", zh: "提及高风险操作的可写工具已声明为破坏性或涉及资金" },
    { en: "Set destructiveHint: true or moves money; otherwise a reviewer checks it by hand.", zh: "请设置 destructiveHint: true 或“涉及资金”；否则需审核员人工检查。" },
  ),
  rule(
    "SG-TOOL-011",
    "ERROR",
    { en: "No hidden Unicode (zero-width, bidi controls, tag characters)", zh: "不含隐藏 Unicode 字符（零宽、双向控制、标签字符）" },
    { en: "Remove the invisible characters listed in the evidence.", zh: "请删除证据中列出的不可见字符。" },
  ),
  rule(
    "SG-TOOL-012",
    "ERROR",
    { en: "No prompt-injection phrases in descriptions", zh: "描述中不含提示词注入语句" },
    { en: "Describe what the tool does; do not address the model with instructions about other tools, prompts or the user.", zh: "请描述工具的功能，不要对模型下达关于其他工具、提示词或用户的指令。" },
  ),
  rule(
    "SG-TOOL-013",
    "ERROR",
    { en: "Description is present", zh: "描述存在" },
    { en: "Write a description of what it does, its inputs and its effects.", zh: "请描述其功能、输入和影响。" },
  ),
  rule(
    "SG-TOOL-014",
    "WARNING",
    { en: "Description is at least 20 characters (a Chinese character counts as 2)", zh: "描述至少 20 个字符（一个汉字计 2 个）" },
    { en: "Say when to use it and what it changes, in a full sentence.", zh: "请用完整的句子说明何时使用以及会改变什么。" },
  ),
  rule(
    "SG-TOOL-015",
    "WARNING",
    { en: "Description is at most 1024 characters", zh: "描述不超过 1024 个字符" },
    { en: "Shorten it; move details into property descriptions.", zh: "请精简描述；将细节移到属性描述中。" },
  ),
  rule(
    "SG-TOOL-016",
    "INFO",
    { en: "An output schema is declared", zh: "声明了输出 Schema" },
    { en: "Declare outputSchema so agents can rely on the result's shape.", zh: "请声明 outputSchema，以便智能体依赖结果结构。" },
  ),

  rule(
    "SG-SKILL-001",
    "ERROR",
    { en: "Skill has at least one operation", zh: "Skill 至少包含一个操作" },
    { en: "Add the operations agents should call.", zh: "请添加智能体需要调用的操作。" },
  ),
  rule(
    "SG-SKILL-002",
    "ERROR",
    { en: "Operation has an HTTP method and an absolute http(s) URL", zh: "操作具有 HTTP 方法和绝对 http(s) URL" },
    { en: "Set the method and a full URL such as https://api.example.com/orders.", zh: "请设置方法和完整 URL，例如 https://api.example.com/orders。" },
  ),
  rule(
    "SG-SKILL-003",
    "ERROR",
    { en: "Endpoint uses https (http only for allow-listed development hosts)", zh: "端点使用 https（仅白名单中的开发主机可用 http）" },
    { en: "Serve the endpoint over https with a valid certificate.", zh: "请通过 https（有效证书）提供端点。" },
  ),
  rule(
    "SG-SKILL-004",
    "WARNING",
    { en: "Endpoint is not a development host", zh: "端点不是开发主机" },
    { en: "Development hosts are for testing only; use the production https endpoint before submitting.", zh: "开发主机仅供测试；提交审核前请使用生产环境的 https 端点。" },
  ),
  rule(
    "SG-SKILL-005",
    "ERROR",
    { en: "Endpoint is reachable (any HTTP response within 10 s)", zh: "端点可访问（10 秒内有任意 HTTP 响应）" },
    { en: "Check DNS, firewall and TLS; the platform must reach the endpoint from the internet.", zh: "请检查 DNS、防火墙和 TLS；平台必须能从公网访问该端点。" },
  ),
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]["id"];

const byId = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

export function getRule(id: RuleId): Rule {
  const found = byId.get(id);
  if (!found) throw new Error(`Unknown rule ${id}`);
  return found;
}

/**
 * Build one finding. A passing finding's message is the rule's title; a failing one should
 * say what was found (`message`), falling back to the title.
 */
export function finding(
  ruleId: RuleId,
  passed: boolean,
  extra: { message?: LocalizedText; evidence?: unknown; subject?: string; durationMs?: number } = {},
): CheckFinding {
  const r = getRule(ruleId);
  const out: CheckFinding = {
    ruleId,
    level: r.level,
    passed,
    message: extra.message ?? r.title,
    fix: r.fix,
  };
  if (extra.evidence !== undefined) out.evidence = extra.evidence;
  if (extra.subject !== undefined) out.subject = extra.subject;
  if (extra.durationMs !== undefined) out.durationMs = extra.durationMs;
  return out;
}
