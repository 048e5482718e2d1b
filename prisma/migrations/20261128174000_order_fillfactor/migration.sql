-- Leave room in "Order"'s pages so a refund or cancellation updates the order in place (a HOT
-- update: no new entry in any of its four indexes, no new tuple on another page). Orders are
-- refunded moments after they are created, on the page their insert just filled: at fillfactor
-- 100 only 3-9 % of these updates were HOT, and each other one inserted into every index and left a
-- hole that later inserts filled (a full-page image in the WAL per page touched). Measured on a
-- 1M-order database, live feed, alternating runs: HOT updates 9 % -> 97 %, WAL per event
-- 1,549-1,629 -> 1,471-1,487 bytes (docs/performance.md). Hand-written: Prisma cannot express
-- storage parameters, and the schema snapshot is unchanged. Applies to pages written from now on.
ALTER TABLE "Order" SET (fillfactor = 85);
