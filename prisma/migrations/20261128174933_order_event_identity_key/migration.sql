-- The event's identity (merchant, external order id, type, sequence) becomes OrderEvent's primary
-- key and the surrogate bigint id goes: one index insert and one sequence step fewer per event.
-- Hand-edited from the generated DROP INDEX + ADD PRIMARY KEY so that a table of tens of millions
-- of events is not re-indexed: the existing unique index becomes the primary key's index as it is
-- (renamed to "OrderEvent_pkey"), and dropping the column is a catalogue change (its sequence goes with it).

-- AlterTable
ALTER TABLE "OrderEvent" DROP CONSTRAINT "OrderEvent_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "OrderEvent_pkey" PRIMARY KEY USING INDEX "OrderEvent_merchantId_externalOrderId_type_sequence_key";
