// Review workflow forms. Messages are catalogue keys (review.validation.*) that the action
// wrapper translates. Business rules (reasons needed, note on warnings) are enforced in the data
// layer, so they hold for every caller; these schemas only shape the input.
import { z } from "zod";
import { recordId } from "./record-id";

const v = (key: string) => `review.validation.${key}`;
const id = recordId();

const manyStrings = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const submitVersionSchema = z.object({
  versionId: id,
  integrationId: id,
  note: z.string().max(4000, v("noteTooLong")).default(""),
});

export const versionActionSchema = z.object({ versionId: id, integrationId: id });

export const rollbackSchema = versionActionSchema.extend({ note: z.string().max(4000, v("noteTooLong")).default("") });

export const commentSchema = z.object({
  versionId: id,
  integrationId: id.optional(),
  body: z.string().trim().min(1, v("commentRequired")).max(4000, v("commentTooLong")),
});

export const decideSchema = z.object({
  versionId: id,
  decision: z.enum(["APPROVED", "CHANGES_REQUESTED", "REJECTED"], { error: v("decisionRequired") }),
  reasonCodes: manyStrings.pipe(z.array(z.string().max(64)).max(20)),
  message: z.string().max(4000, v("messageTooLong")).default(""),
});

export const reviewVersionSchema = z.object({ versionId: id });

export const suspendSchema = z.object({ versionId: id, reason: z.string().trim().min(1, v("reasonTextRequired")).max(1000, v("messageTooLong")) });

export const reinstateSchema = z.object({ versionId: id, message: z.string().max(4000, v("messageTooLong")).default("") });

const kinds = ["MCP_SERVER", "SKILL"] as const;
const categories = ["FOOD", "MOBILITY", "TRAVEL", "RETAIL", "SERVICES", "OTHER"] as const;

/** Queue filters from the URL; anything unknown is ignored rather than refused. */
export const queueFiltersSchema = z.object({
  kind: z.enum(kinds).optional().catch(undefined),
  category: z.enum(categories).optional().catch(undefined),
  risk: z.enum(["destructive", "movesMoney"]).optional().catch(undefined),
  claim: z.enum(["mine", "unclaimed"]).optional().catch(undefined),
});
export type QueueFilterInput = z.output<typeof queueFiltersSchema>;
