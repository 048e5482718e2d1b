// The one in-memory shape of an integration version, whatever it was registered or imported
// from. Validation rules, converters (import/export) and the data layer all speak it.
export type JsonSchema = Record<string, unknown>;

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** `undefined` means "not set explicitly" — validation warns about that. */
export type OperationAnnotations = {
  readOnly?: boolean;
  destructive?: boolean;
  idempotent?: boolean;
  movesMoney?: boolean;
  needsConfirmation?: boolean;
};

/** A Skill operation, or an MCP tool as captured from `tools/list`. */
export type OperationDefinition = {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
  /** Skill operations only: the HTTP endpoint that performs it. */
  httpMethod?: HttpMethod;
  url?: string;
  annotations: OperationAnnotations;
  examplePrompts: string[];
  /** Anything imported that has no field of its own (e.g. WeChat component/page links). */
  metadata?: Record<string, unknown>;
};

export type IntegrationDefinition = {
  kind: "MCP_SERVER" | "SKILL";
  name: string;
  description: string;
  /** Lower-case merchant category, e.g. "food". */
  category: string;
  merchant: { slug: string; name: string };
  version: number;
  /** MCP servers only. */
  endpointUrl?: string;
  transport?: "STREAMABLE_HTTP" | "SSE";
  operations: OperationDefinition[];
  metadata?: Record<string, unknown>;
};
