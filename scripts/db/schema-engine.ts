// Prisma's own schema engine, in its WebAssembly build, so migrations can be generated and
// applied without downloading the native engine (see README.md, "Architecture", Migrations).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);

type SchemaFile = { path: string; content: string };

export type SchemaEngine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string }>;
  applyMigrations(params: unknown): Promise<{ appliedMigrationNames: string[] }>;
  /** Frees the engine and closes its connections (a leftover session blocks CREATE DATABASE ... TEMPLATE). */
  close(): Promise<void>;
};

let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(bgPath), "schema_engine_bg.wasm");
    const bytes = await readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

export async function openSchemaEngine(options: {
  connectionString: string;
  schema: SchemaFile;
  log?: (line: string) => void;
}): Promise<SchemaEngine> {
  await loadWasm();
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const log = options.log ?? (() => {});
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[options.schema.path, options.schema.content]] },
    (line: string) => log(line),
    adapterFactory,
  );
  const raw = engine as unknown as Omit<SchemaEngine, "close"> & { free(): void };
  return {
    diff: (params) => raw.diff(params),
    applyMigrations: (params) => raw.applyMigrations(params),
    close: async () => {
      raw.free();
      await pool.end();
    },
  };
}
