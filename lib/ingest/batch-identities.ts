// Which events of one batch repeat an earlier event of the same batch. The first occurrence of an
// identity goes on to the database; a repeat takes its status from the first: the same body is a
// duplicate of it (or shares its conflict or rejection), another body is a conflict.
// (Repeats of events stored by earlier batches are found by the database, same rule.)
import { CONFLICT_MESSAGE, type EventResult } from "./types";

export type KeyedEvent = { index: number; key: string; hash: string };

export type Repeat = { index: number; firstIndex: number; sameBody: boolean };

export function classifyWithinBatch<E extends KeyedEvent>(events: readonly E[]): { firsts: E[]; repeats: Repeat[] } {
  const seen = new Map<string, E>();
  const firsts: E[] = [];
  const repeats: Repeat[] = [];
  for (const event of events) {
    const first = seen.get(event.key);
    if (!first) {
      seen.set(event.key, event);
      firsts.push(event);
    } else repeats.push({ index: event.index, firstIndex: first.index, sameBody: first.hash === event.hash });
  }
  return { firsts, repeats };
}

/** The result of a repeat, given the result of the first occurrence in the batch. */
export function repeatResult(repeat: Repeat, first: EventResult): EventResult {
  if (!repeat.sameBody) {
    return { index: repeat.index, status: "conflict", errors: [{ path: "", message: `${CONFLICT_MESSAGE} (event ${repeat.firstIndex} of this batch has the same identity)` }] };
  }
  switch (first.status) {
    case "accepted":
    case "duplicate":
      return { index: repeat.index, status: "duplicate" };
    default:
      return { index: repeat.index, status: first.status, errors: first.errors };
  }
}

/** The identity of an order event; the separator cannot occur in ids (no control characters). */
export function orderEventKey(merchantId: string, externalId: string, type: string, sequence: number): string {
  return `${merchantId}\u0001${externalId}\u0001${type}\u0001${sequence}`;
}

export function sessionKey(merchantId: string, externalId: string): string {
  return `${merchantId}\u0001${externalId}`;
}

/**
 * A total order on keys that every transaction uses, so concurrent batches take row locks in the
 * same order and cannot deadlock (plain code-unit order: any fixed order works).
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
