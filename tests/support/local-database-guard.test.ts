import { describe, expect, it } from "vitest";
import { assertLocalDatabaseUrl } from "./local-database-guard";

describe("assertLocalDatabaseUrl", () => {
  it.each(["postgresql://u:p@127.0.0.1:5432/db", "postgresql://u:p@localhost/db", "postgresql://u:p@[::1]:5432/db"])(
    "accepts %s",
    (url) => expect(() => assertLocalDatabaseUrl(url)).not.toThrow(),
  );
  it.each(["postgresql://u:p@db.example.com/db", "postgresql://u:p@10.0.0.5/db", "not a url"])("refuses %s", (url) =>
    expect(() => assertLocalDatabaseUrl(url)).toThrow(/Refusing/),
  );
});
