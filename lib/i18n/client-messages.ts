import type { AbstractIntlMessages } from "next-intl";

// The parts of the catalogue that client components translate with (useTranslations in a
// "use client" file). Only these go into every page's HTML through NextIntlClientProvider; the
// whole catalogue (~70 kB of JSON) used to be serialized, escaped and compressed on every request.
// client-messages.test.ts reads every client component and fails when a namespace is missing here.
export const clientMessagePaths = [
  "auth",
  "charts",
  "errors",
  "integrations.create",
  "integrations.importMcp",
  "integrations.importWechat",
  "integrations.operationEditor",
  "integrations.run",
  "integrations.schemaEditor",
  "members.invite",
  "notifications",
  "orders.export",
  "revenue.channels",
  "revenue.form",
  "revenue.preview",
  "shell",
  "statements.verify",
  "visibility.agentRules",
  "visibility.effects",
  "visibility.integrations",
  "visibility.kinds",
  "visibility.pathRules",
  "visibility.reasons",
  "visibility.ruleKinds",
  "visibility.settings",
  "visibility.simulator",
  "visibility.visibilities",
  "webhooks",
] as const;

/** The subtrees of `messages` at the dotted `paths`, nested as in the catalogue; absent paths are skipped. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: AbstractIntlMessages | string | undefined = messages;
    for (const key of keys) from = typeof from === "object" ? from[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of keys.slice(0, -1)) {
      const next = into[key];
      into = (into[key] = typeof next === "object" ? next : {}) as AbstractIntlMessages;
    }
    into[keys.at(-1)!] = from;
  }
  return picked;
}
