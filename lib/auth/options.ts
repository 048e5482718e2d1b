import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { hashPassword, verifyPassword } from "./password";
import {
  clientAddress,
  signInAccountDisabled,
  signInAccountKey,
  signInAccountRule,
  signInAddressKey,
  signInAddressRule,
  signInRateLimited,
} from "./sign-in-limits";
import { signInSchema } from "@/lib/validation/auth";
import { clearRateLimit, hitRateLimit, peekRateLimit } from "@/lib/data/rate-limit";
import { findUserByEmail } from "@/lib/data/users";
import { loadSessionAccount } from "./session-account";

// Checked against when the email is unknown, so a miss costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

const secureCookies = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;

const sessionRevoked = "session_revoked";

export const authOptions: NextAuthOptions = {
  logger: {
    // A revoked session is an expected outcome, not an error worth a stack trace in the log.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && (metadata as { message?: unknown } | undefined)?.message === sessionRevoked) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  // next-auth's cookies are httpOnly and SameSite=lax; Secure (and the __Secure- prefix) over https.
  useSecureCookies: secureCookies,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const accountKey = signInAccountKey(email);
        const addressKey = signInAddressKey(clientAddress(req.headers ?? {}));

        // Failed attempts are counted; a throttled caller does not get a password check at all.
        const [account, address] = await Promise.all([
          peekRateLimit({ key: accountKey, rule: signInAccountRule }),
          peekRateLimit({ key: addressKey, rule: signInAddressRule }),
        ]);
        if (account.limited || address.limited) throw new Error(signInRateLimited);

        const user = await findUserByEmail({ email });
        const valid = user
          ? await verifyPassword(user.passwordHash, password)
          : (await verifyPassword(await (dummyHash ??= hashPassword("no-such-user-placeholder")), password)) && false;
        if (!user || !valid) {
          await Promise.all([
            hitRateLimit({ key: accountKey, rule: signInAccountRule }),
            hitRateLimit({ key: addressKey, rule: signInAddressRule }),
          ]);
          return null;
        }
        // Said only to someone who knows the password.
        if (user.status !== "ACTIVE") throw new Error(signInAccountDisabled);
        await clearRateLimit({ key: accountKey });
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries identity and the version it was minted at; everything else (role,
    // status, name) is re-read from the database on each request by lib/auth/session.ts.
    async jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.sessionVersion = user.sessionVersion;
        return token;
      }
      // Every read of the session re-checks the account, so `/api/auth/session` and the browser
      // agree with the server: a disabled account or a token from before the last password or
      // role change is signed out here — next-auth clears the cookie when this callback throws.
      const current = await loadSessionAccount(token.userId);
      if (!current || current.status !== "ACTIVE" || current.sessionVersion !== token.sessionVersion) {
        throw new Error(sessionRevoked);
      }
      return token;
    },
    session({ session, token }) {
      session.userId = token.userId;
      session.sessionVersion = token.sessionVersion;
      return session;
    },
  },
};
