-- Monthly range partitioning of "Order", tried on a bench database (docs/scaling.md):
--   psql "$BENCH_DATABASE_URL" -f scripts/bench/partitioning-demo.sql
-- Builds "OrderByMonth" (same columns as "Order", partitioned by occurredAt per calendar month),
-- copies the orders in, shows what the constraints allow and how today's queries plan, then drops
-- it again. Nothing in the application changes.
\timing on
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS "OrderByMonth";

CREATE TABLE "OrderByMonth" (LIKE "Order" INCLUDING DEFAULTS) PARTITION BY RANGE ("occurredAt");

-- The primary key must contain the partition key.
ALTER TABLE "OrderByMonth" ADD PRIMARY KEY ("id", "occurredAt");

-- Today's idempotency key cannot stay a unique constraint: it lacks the partition key.
DO $$
BEGIN
  ALTER TABLE "OrderByMonth" ADD CONSTRAINT "OrderByMonth_merchantId_externalId_key" UNIQUE ("merchantId", "externalId");
  RAISE NOTICE 'unexpected: UNIQUE (merchantId, externalId) accepted';
EXCEPTION WHEN feature_not_supported OR invalid_table_definition OR others THEN
  RAISE NOTICE 'UNIQUE (merchantId, externalId) refused: %', SQLERRM;
END $$;

-- One partition per calendar month (UTC) over the data, plus a default for stray times.
DO $$
DECLARE
  m timestamp;
  last timestamp;
BEGIN
  SELECT date_trunc('month', min("occurredAt")), date_trunc('month', max("occurredAt")) INTO m, last FROM "Order";
  WHILE m <= last LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF "OrderByMonth" FOR VALUES FROM (%L) TO (%L)',
                   'OrderByMonth_' || to_char(m, 'YYYY_MM'), m, m + interval '1 month');
    m := m + interval '1 month';
  END LOOP;
END $$;
CREATE TABLE "OrderByMonth_default" PARTITION OF "OrderByMonth" DEFAULT;

-- The explorer's indexes, created on the parent: PostgreSQL creates them on every partition.
CREATE INDEX ON "OrderByMonth" ("merchantId", "occurredAt");
CREATE INDEX ON "OrderByMonth" ("merchantId", "agentId", "occurredAt") WHERE "agentId" IS NOT NULL;
-- The order lookup by external id (refunds, cancellations), no longer unique across partitions.
CREATE INDEX ON "OrderByMonth" ("merchantId", "externalId");

INSERT INTO "OrderByMonth" SELECT * FROM "Order";
ANALYZE "OrderByMonth";

SELECT tableoid::regclass AS partition, count(*) FROM "OrderByMonth" GROUP BY 1 ORDER BY 1;

SELECT "id" AS merchant FROM "Merchant" WHERE "slug" = 'lumen-coffee' \gset

-- 1. The attribution baseline: 90-day GROUP BY prunes to the months of the range.
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON)
SELECT (("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date AS day, "channel", count(*), sum("amountFen")
  FROM "OrderByMonth"
 WHERE "merchantId" = :'merchant' AND "occurredAt" >= now() - interval '30 days' AND NOT "isVerification"
 GROUP BY 1, 2;

-- 2. The order explorer's first page, newest first: an ordered Append over the partitions.
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON)
SELECT "id", "occurredAt" FROM "OrderByMonth" WHERE "merchantId" = :'merchant' ORDER BY "occurredAt" DESC, "id" DESC LIMIT 51;

-- 3. A refund's order lookup by external id: no occurredAt, so every partition is probed.
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON)
SELECT "id" FROM "OrderByMonth" WHERE "merchantId" = :'merchant' AND "externalId" = (SELECT "externalId" FROM "Order" WHERE "merchantId" = :'merchant' LIMIT 1);

-- 4. The ingest insert shape: ON CONFLICT DO NOTHING without a conflict target is allowed (it
--    checks the partition's unique indexes only); the CREATED event's unique key in "OrderEvent"
--    is what makes ingestion idempotent.
BEGIN;
INSERT INTO "OrderByMonth" ("merchantId", "externalId", "channel", "paymentMethod", "amountFen", "occurredAt", "updatedAt")
SELECT :'merchant', 'partition-demo-' || g, 'ORGANIC', 'STANDARD', 1800, now() - (g || ' hours')::interval, now()
  FROM generate_series(1, 1000) g
ON CONFLICT DO NOTHING;
ROLLBACK;

DROP TABLE "OrderByMonth";
