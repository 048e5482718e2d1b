import "server-only";
import { db } from "@/lib/db";

// Agents are a platform catalogue (no merchantId); only platform admin pages read the whole list.
export async function listAgents() {
  return db.agent.findMany({
    orderBy: [{ verified: "desc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, vendor: true, verified: true, isTest: true, status: true, createdAt: true },
  });
}

export type AgentListItem = Awaited<ReturnType<typeof listAgents>>[number];
