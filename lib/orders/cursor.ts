// Keyset pagination over (occurredAt desc, id desc): the cursor is the last row's position, so
// pages stay stable while new orders arrive and deep pages cost the same as the first.

export type OrderCursor = { occurredAt: Date; id: bigint };

export function encodeCursor(cursor: OrderCursor): string {
  return Buffer.from(`${cursor.occurredAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

/** null for anything that is not a cursor this module made. */
export function decodeCursor(text: string): OrderCursor | null {
  const decoded = Buffer.from(text, "base64url").toString("utf8");
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(\d{1,19})$/.exec(decoded);
  if (!m) return null;
  const occurredAt = new Date(m[1]!);
  return Number.isNaN(occurredAt.getTime()) ? null : { occurredAt, id: BigInt(m[2]!) };
}
