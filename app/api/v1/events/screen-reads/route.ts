import { handleIngest } from "@/lib/api/ingest-endpoint";
import { ingestScreenReadSessions } from "@/lib/data/ingest-screen-reads";
import { parseScreenReadSession } from "@/lib/validation/events";

// POST /api/v1/events/screen-reads — platform ingest key; a batch of up to 1,000 screen-read
// sessions. See lib/api/openapi for the contract.
export async function POST(request: Request) {
  return handleIngest(request, { parse: parseScreenReadSession, ingest: (events) => ingestScreenReadSessions({ events }) });
}
