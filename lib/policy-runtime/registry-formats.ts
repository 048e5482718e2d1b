// The export formats the registry links to for each integration (a subset of
// lib/integrations/formats: the ones agent runtimes read). Pure, so the OpenAPI document can use it.
export const EXPORT_FORMATS = ["mcp-server-json", "a2a-agent-card", "openapi"] as const;
