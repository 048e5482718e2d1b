import type { AppLocale } from "@/lib/i18n/config";

// Money is integer fen (bigint) end to end; this is the one place it becomes text. The integer
// part is grouped by hand so amounts beyond Number.MAX_SAFE_INTEGER stay exact.
export function formatFen(fen: bigint, locale: AppLocale): string {
  void locale; // both catalogues show CNY the same way today: ¥1,234.56
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = groupThousands((abs / 100n).toString());
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}¥${yuan}.${cents}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
