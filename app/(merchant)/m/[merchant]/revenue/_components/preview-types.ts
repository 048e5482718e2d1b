// The what-if preview as it crosses from the server action to the client: money as decimal
// strings of fen (exact; the client turns them into bigint to format).
import type { Channel } from "@/lib/generated/prisma/enums";

export type PreviewFiguresText = { orders: string; grossFen: string; actualFen: string; proposedFen: string };

export type PreviewResult = {
  from: string;
  to: string;
  totals: PreviewFiguresText;
  lines: (PreviewFiguresText & { channel: Channel; agentId: string; agentName: string })[];
};
