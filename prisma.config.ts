import { defineConfig } from "prisma/config";

// Migrations are generated and applied by scripts/db (Prisma's schema engine, WebAssembly build),
// so this config only locates the schema for `prisma generate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
