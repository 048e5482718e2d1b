// An A2A Agent Card for an integration: one skill per operation.
//
// The card describes the agent that Skillgate's (future) A2A gateway will serve at
// `${baseUrl}/a2a/<merchant-slug>/<integration-slug>`. It is written for A2A 1.0
// (`supportedInterfaces`) and keeps the 0.3 fields (`url`, `preferredTransport`,
// `protocolVersion`) that most published clients still read.
import type { IntegrationDefinition, OperationDefinition } from "@/lib/integrations/definition";
import { gatewayUrl, semanticVersion, type NamingOptions } from "@/lib/integrations/formats/naming";

export const a2aProtocolVersion = "1.0";
export const a2aLegacyProtocolVersion = "0.3.0";

export type A2aAgentSkill = {
  id: string;
  name: string;
  description: string;
  tags: string[];
  examples?: string[];
  inputModes: string[];
  outputModes: string[];
};

export type A2aAgentCard = {
  name: string;
  description: string;
  version: string;
  supportedInterfaces: Array<{ url: string; protocolBinding: string; protocolVersion: string }>;
  url: string;
  preferredTransport: string;
  protocolVersion: string;
  provider: { organization: string; url: string };
  capabilities: { streaming: boolean; pushNotifications: boolean };
  defaultInputModes: string[];
  defaultOutputModes: string[];
  skills: A2aAgentSkill[];
};

export type A2aAgentCardOptions = NamingOptions & {
  /** Public origin of Skillgate, e.g. `https://skillgate.example`. */
  baseUrl: string;
};

const json = "application/json";

export function exportA2aAgentCard(definition: IntegrationDefinition, options: A2aAgentCardOptions): A2aAgentCard {
  const url = gatewayUrl(options.baseUrl, "a2a", definition, options);
  return {
    name: definition.name,
    description: definition.description || definition.name,
    version: semanticVersion(definition),
    supportedInterfaces: [{ url, protocolBinding: "JSONRPC", protocolVersion: a2aProtocolVersion }],
    url,
    preferredTransport: "JSONRPC",
    protocolVersion: a2aLegacyProtocolVersion,
    provider: { organization: definition.merchant.name, url: options.baseUrl.replace(/\/+$/, "") },
    capabilities: { streaming: false, pushNotifications: false },
    defaultInputModes: [json, "text/plain"],
    defaultOutputModes: [json],
    skills: definition.operations.map((operation) => skillFor(definition, operation)),
  };
}

function skillFor(definition: IntegrationDefinition, operation: OperationDefinition): A2aAgentSkill {
  const name = operation.title || operation.name;
  return {
    id: operation.name,
    name,
    description: operation.description || name,
    tags: skillTags(definition, operation),
    ...(operation.examplePrompts.length ? { examples: [...operation.examplePrompts] } : {}),
    inputModes: [json],
    outputModes: [json],
  };
}

/** The category, then the risk tags an agent should weigh before calling: only those set to true. */
export function skillTags(definition: IntegrationDefinition, operation: OperationDefinition): string[] {
  const { readOnly, destructive, idempotent, movesMoney, needsConfirmation } = operation.annotations;
  const tags = [
    definition.category,
    readOnly === true ? "read-only" : undefined,
    destructive === true ? "destructive" : undefined,
    idempotent === true ? "idempotent" : undefined,
    movesMoney === true ? "moves-money" : undefined,
    needsConfirmation === true ? "needs-confirmation" : undefined,
  ];
  return tags.filter((tag): tag is string => Boolean(tag));
}
