// Every rollup table with its one definition, for code that treats them alike: the demo seeder
// rebuilds them all, and tests compare each table with its definition row for row.
import { dailyRollupSelectSql, dailyRollupTableSql, rebuildDailyRollupsSql } from "./daily-rollup-sql";
import { hourlyRollupSelectSql, hourlyRollupTableSql, rebuildHourlyRollupsSql } from "./hourly-rollup-sql";
import { rebuildScreenReadRollupsSql, screenReadRollupSelectSql, screenReadRollupTableSql } from "./screen-read-rollup-sql";

export type RollupDefinition = {
  table: "OrderRollupHourly" | "OrderRollupDaily" | "ScreenReadRollupDaily";
  /** The aggregate over raw rows; parameters $1 merchant, $2 from, $3 to (null = unbounded). */
  selectSql: string;
  /** The table's rows in the same column order. */
  tableSql: string;
  /** Delete + insert that make the whole table equal its definition. */
  rebuild: () => { deleteSql: string; insertSql: string; values: (string | null)[] };
};

export const rollupDefinitions: readonly RollupDefinition[] = [
  { table: "OrderRollupHourly", selectSql: hourlyRollupSelectSql, tableSql: hourlyRollupTableSql, rebuild: () => rebuildHourlyRollupsSql() },
  { table: "OrderRollupDaily", selectSql: dailyRollupSelectSql, tableSql: dailyRollupTableSql, rebuild: () => rebuildDailyRollupsSql() },
  { table: "ScreenReadRollupDaily", selectSql: screenReadRollupSelectSql, tableSql: screenReadRollupTableSql, rebuild: () => rebuildScreenReadRollupsSql() },
];

/**
 * Rows in the table but not in the definition plus rows in the definition but not in the table
 * (over the whole table): 0 means the rollup is exact. Run with values [null, null, null].
 */
export function rollupMismatchCountSql(definition: RollupDefinition): string {
  return `SELECT count(*)::int AS n FROM ((${definition.selectSql} EXCEPT ${definition.tableSql})
          UNION ALL (${definition.tableSql} EXCEPT ${definition.selectSql})) mismatch`;
}
