// Password rules (NIST SP 800-63B style): a length floor, a generous ceiling so passphrases
// and password managers work, and a deny-list of common passwords. No composition rules.
import { commonPasswords } from "./common-passwords";

export const passwordMinLength = 8;
/** Long passphrases are welcome; the ceiling only bounds the hashing work per request. */
export const passwordMaxLength = 256;

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "sameAsEmail";

const denyList = new Set(commonPasswords);

/** Returns the first rule the password breaks, or null when it is acceptable. */
export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem | null {
  // Count code points, not UTF-16 units, so a Chinese or emoji passphrase is measured fairly.
  const length = [...password].length;
  if (length < passwordMinLength) return "tooShort";
  if (length > passwordMaxLength) return "tooLong";
  const lowered = password.trim().toLowerCase();
  if (denyList.has(lowered)) return "common";
  const email = context.email?.trim().toLowerCase();
  if (email && (lowered === email || lowered === email.split("@")[0])) return "sameAsEmail";
  return null;
}
