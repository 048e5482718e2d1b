// Deterministic, cuid-shaped ids ("c" + 24 base-36 characters) so a seed always yields the same
// rows, and ids still look like the ones Prisma's @default(cuid()) makes.
import { createHash } from "node:crypto";

export function demoId(seed: number, kind: string, key: string): string {
  const digest = createHash("sha256").update(`${seed}:${kind}:${key}`).digest();
  let out = "c";
  for (let i = 0; out.length < 25; i++) out += ((digest[i] as number) % 36).toString(36);
  return out;
}
