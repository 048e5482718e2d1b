// Plain row values as the demo writer sends them to PostgreSQL. JSON columns are wrapped so they
// are not mistaken for text[] columns.
export class JsonValue {
  constructor(readonly value: unknown) {}
}

export const json = (value: unknown) => new JsonValue(value);

export type DbValue = string | number | boolean | bigint | Date | null | readonly string[] | JsonValue;
export type Row = Record<string, DbValue>;
