// Remembered answers of the decision API. Agent runtimes ask the same few questions over and over
// (the same key, merchant, agent and path or integration), and between two policy changes the
// answer is a pure function of the question and of the cached facts it was computed from: the
// key's record, the merchant, the agent and the compiled policy. So an answer is kept with the
// very objects it came from, and it is reused only while every one of them is still the object
// the caches hold right now. A revoked key, a renamed or suspended merchant, a disabled agent or
// a new policy version all replace the cached object (or make it stale), so the next question
// is answered afresh: the memo never outlives the freshness rules of the caches it sits on.
//
// Pure bookkeeping: what "still current" means is the caller's to say (see decision-handler.ts).

export type AnswerMemo<Answer> = {
  /** The remembered answer while its check says the facts it came from are still current. */
  recall(question: string): Answer | undefined;
  /** `stillCurrent` compares the facts the answer came from with what the caches hold now. */
  remember(question: string, answer: Answer, stillCurrent: () => boolean): void;
  clear(): void;
  readonly size: number;
};

export function createAnswerMemo<Answer>(maxEntries = 10_000): AnswerMemo<Answer> {
  const entries = new Map<string, { answer: Answer; stillCurrent: () => boolean }>();
  return {
    recall(question) {
      const entry = entries.get(question);
      if (!entry) return undefined;
      if (entry.stillCurrent()) return entry.answer;
      entries.delete(question);
      return undefined;
    },
    remember(question, answer, stillCurrent) {
      // Many distinct questions (e.g. a crawler's paths) simply start the memo over.
      if (entries.size >= maxEntries) entries.clear();
      entries.set(question, { answer, stillCurrent });
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
