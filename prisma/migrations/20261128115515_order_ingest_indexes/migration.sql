-- Fewer indexes on "Order", each of which every ingested order pays for (docs/performance.md).
-- DropIndex: the channel filter of the order explorer is served by ("merchantId", "occurredAt").
DROP INDEX "Order_merchantId_channel_occurredAt_idx";

-- The agent index only for orders that have an agent (AI channels): the explorer's agent filter
-- is an equality on "agentId", which implies NOT NULL, so the planner uses the partial index.
-- Hand-written (Prisma cannot express partial indexes), and the schema keeps the plain @@index of
-- the same name, so later diffs stay empty.
DROP INDEX "Order_merchantId_agentId_occurredAt_idx";
CREATE INDEX "Order_merchantId_agentId_occurredAt_idx" ON "Order"("merchantId", "agentId", "occurredAt") WHERE "agentId" IS NOT NULL;
