import { handleIngest } from "@/lib/api/ingest-endpoint";
import { ingestOrderEvents } from "@/lib/data/ingest-orders";
import { parseOrderEvent } from "@/lib/validation/events";

// POST /api/v1/events/orders — platform ingest key; a batch of up to 1,000 order events
// (CREATED, REFUNDED, CANCELLED). See lib/api/openapi for the contract.
export async function POST(request: Request) {
  return handleIngest(request, { parse: parseOrderEvent, ingest: (events) => ingestOrderEvents({ events }) });
}
