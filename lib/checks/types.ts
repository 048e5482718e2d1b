// Shapes of a validation run's results. A CheckRun stores a list of CheckFinding; the rule
// catalogue (catalogue.ts) gives every finding a stable id that reviewers and reason codes cite.

export type CheckLevel = "ERROR" | "WARNING" | "INFO";

export type LocalizedText = { zh: string; en: string };

/** One catalogue entry. `id` never changes meaning once published. */
export type Rule = {
  id: string;
  level: CheckLevel;
  title: LocalizedText;
  fix: LocalizedText;
};

export type CheckFinding = {
  ruleId: string;
  level: CheckLevel;
  passed: boolean;
  message: LocalizedText;
  fix: LocalizedText;
  /** Small JSON the reviewer can read: offending values, compile errors, timings. */
  evidence?: unknown;
  /** Tool / operation name, or endpoint origin, the finding is about. */
  subject?: string;
  durationMs?: number;
};

/** Called at meaningful steps so a background job can show live progress (0–100). */
export type ProgressCallback = (percent: number, label: string) => void;
