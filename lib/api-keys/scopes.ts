// Scopes an API key carries (ApiKey.scopes). An endpoint that names a scope refuses a key
// without it (403 insufficient_scope), so an agent key can be limited to what its runtime uses.
export const POLICY_READ_SCOPE = "policy:read"; // decision API and agent-policy.json
export const REGISTRY_READ_SCOPE = "registry:read"; // GET /api/v1/registry
