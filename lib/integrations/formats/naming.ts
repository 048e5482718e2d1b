// Names, slugs and URLs shared by every export format, so a Skillgate integration is called the
// same thing in the MCP registry, in its A2A card and in its OpenAPI document.
import type { IntegrationDefinition } from "@/lib/integrations/definition";

/** Reverse-DNS namespace Skillgate publishes under; each merchant gets a sub-domain label. */
export const registryNamespaceRoot = "cn.skillgate";

const maxLabelLength = 63;

/**
 * Lower-case ASCII DNS label (`[a-z0-9-]`, no leading/trailing hyphen, at most 63 characters),
 * or `""` when nothing ASCII survives (e.g. a name written only in Chinese).
 */
export function slugify(text: string): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii.slice(0, maxLabelLength).replace(/-+$/g, "");
}

/** FNV-1a, 32 bits: a stable short fingerprint, not a security measure. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * Slug with a fallback: the slug of `text`, else the slug of `id`, else a fingerprint of `text`
 * (prefixed so the label never starts with a digit-only run that looks like an id we did not give).
 */
export function slugWithFallback(text: string, prefix: string, id?: string): string {
  const fromText = slugify(text);
  if (fromText) return fromText;
  const fromId = id ? slugify(id) : "";
  if (fromId) return `${prefix}-${fromId}`.slice(0, maxLabelLength).replace(/-+$/g, "");
  return `${prefix}-${fingerprint(text)}`;
}

export type NamingOptions = {
  /** Database id of the integration: used when its name yields no ASCII slug. */
  integrationId?: string;
};

export function merchantSlug(definition: IntegrationDefinition): string {
  return slugWithFallback(definition.merchant.slug || definition.merchant.name, "m");
}

export function integrationSlug(definition: IntegrationDefinition, options: NamingOptions = {}): string {
  return slugWithFallback(definition.name, "i", options.integrationId);
}

/**
 * MCP registry name: `cn.skillgate.<merchant-slug>/<integration-slug>`, e.g.
 * `cn.skillgate.lucky-coffee/order-coffee`. Both parts are DNS-label safe, so the name always
 * matches the registry pattern `^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$`.
 */
export function registryName(definition: IntegrationDefinition, options: NamingOptions = {}): string {
  return `${registryNamespaceRoot}.${merchantSlug(definition)}/${integrationSlug(definition, options)}`;
}

/**
 * Where Skillgate's (future) hosted gateway will serve an integration over another protocol:
 * `${baseUrl}/mcp/<merchant>/<integration>` or `${baseUrl}/a2a/<merchant>/<integration>`.
 */
export function gatewayUrl(
  baseUrl: string,
  protocol: "mcp" | "a2a" | "skills",
  definition: IntegrationDefinition,
  options: NamingOptions = {},
): string {
  const base = baseUrl.replace(/\/+$/, "");
  return `${base}/${protocol}/${merchantSlug(definition)}/${integrationSlug(definition, options)}`;
}

/** Integration versions are whole numbers; ecosystems expect semantic versions. */
export function semanticVersion(definition: IntegrationDefinition): string {
  return `${definition.version}.0.0`;
}

/** Cut to `max` characters, ending with an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}
