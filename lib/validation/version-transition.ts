// Body of POST /api/v1/versions/{versionId}/transitions. Business rules (a reason for a change
// request, a note when the check has warnings) stay in the data layer, as for the forms.
import { z } from "zod";

export const transitionApiEvents = ["submit", "withdraw", "claim", "release", "approve", "request_changes", "reject"] as const;
export type TransitionApiEvent = (typeof transitionApiEvents)[number];

export const versionTransitionSchema = z.strictObject({
  event: z.enum(transitionApiEvents),
  note: z.string().max(4000).optional(),
  reasonCodes: z.array(z.string().max(64)).max(20).optional(),
  message: z.string().max(4000).optional(),
});
export type VersionTransitionInput = z.infer<typeof versionTransitionSchema>;
