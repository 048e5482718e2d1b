import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CheckRunStatus, VersionStatus } from "@/lib/generated/prisma/enums";

const versionTones: Record<VersionStatus, BadgeTone> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  IN_REVIEW: "info",
  APPROVED: "success",
  CHANGES_REQUESTED: "warning",
  REJECTED: "danger",
  LIVE: "success",
  SUPERSEDED: "neutral",
  SUSPENDED: "danger",
  WITHDRAWN: "neutral",
};

export async function VersionStatusBadge({ status }: { status: VersionStatus }) {
  const t = await getTranslations("integrations.versionStatus");
  return <Badge tone={versionTones[status]}>{t(status)}</Badge>;
}

const runTones: Record<CheckRunStatus, BadgeTone> = { QUEUED: "neutral", RUNNING: "info", SUCCEEDED: "success", FAILED: "danger" };

export async function RunStatusBadge({ status }: { status: CheckRunStatus }) {
  const t = await getTranslations("integrations.runStatus");
  return <Badge tone={runTones[status]}>{t(status)}</Badge>;
}
