import { lookup as dnsLookup } from "node:dns/promises";
import { describeBlockedAddress, vetResolvedAddresses, type AddressFamily, type ResolvedAddress } from "./address-policy";
import type { AllowList } from "./allow-list";
import { GuardedFetchError } from "./guarded-fetch-error";
import { parseOutboundUrl, type OutboundUrl, type OutboundUrlOptions } from "./url-policy";

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** getaddrinfo with every A and AAAA record, in the order the system returns them. */
export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export type VettedAddress = { address: string; family: AddressFamily };

/** parseOutboundUrl, throwing its rejection as a GuardedFetchError. */
export function checkOutboundUrl(raw: string | URL, options: OutboundUrlOptions = {}): OutboundUrl {
  const target = parseOutboundUrl(raw, options);
  if (target.ok) return target;
  throw new GuardedFetchError(target.code, target.message, {
    // Never echo a password back into logs.
    ...(target.code === "credentials_in_url" ? {} : { url: String(raw) }),
    address: target.address,
    range: target.range,
  });
}

/**
 * The addresses a checked URL may be connected to: its IP literal, or every address its host
 * name resolves to, provided all of them pass (see vetResolvedAddresses).
 */
export async function resolveVettedAddresses(
  target: OutboundUrl,
  resolver: Resolver,
  allowList: AllowList,
): Promise<VettedAddress[]> {
  if (target.target.kind === "ip") return [{ address: target.target.address, family: target.target.family }];
  const { hostname } = target.target;
  const url = target.url.href;
  let resolved: ResolvedAddress[];
  try {
    resolved = await resolver(hostname);
  } catch (error) {
    throw new GuardedFetchError("dns_failure", `Could not resolve ${hostname}.`, { url, cause: error });
  }
  const verdict = vetResolvedAddresses(resolved, target.port, allowList);
  if (verdict.ok) return verdict.addresses;
  if (verdict.reason === "empty") {
    throw new GuardedFetchError("dns_failure", `${hostname} did not resolve to any address.`, { url });
  }
  const { classification } = verdict;
  throw new GuardedFetchError(
    "blocked_address",
    `${hostname} resolves to ${describeBlockedAddress(classification)}; merchant URLs must point to public addresses only.`,
    { url, address: classification.address, range: classification.range },
  );
}

export type OutboundTargetOptions = OutboundUrlOptions & { resolver?: Resolver };

/**
 * The whole pre-flight decision for a merchant URL without sending anything: useful to reject
 * a URL when it is saved. The guarded client makes the same decision again at request time.
 */
export async function resolveOutboundTarget(
  raw: string | URL,
  options: OutboundTargetOptions = {},
): Promise<{ target: OutboundUrl; addresses: VettedAddress[] }> {
  const target = checkOutboundUrl(raw, options);
  const addresses = await resolveVettedAddresses(target, options.resolver ?? systemResolver, options.allowList ?? []);
  return { target, addresses };
}
