import { describe, expect, it } from "vitest";
import { createAnswerMemo } from "./answer-memo";

describe("answer memo", () => {
  it("recalls an answer while its facts are current and forgets it once they are not", () => {
    const memo = createAnswerMemo<string>();
    let policy = { version: 1 };
    const facts = policy;
    memo.remember("q", "allow", () => policy === facts);
    expect(memo.recall("q")).toBe("allow");
    policy = { version: 2 }; // a new compiled policy replaces the object
    expect(memo.recall("q")).toBeUndefined();
    expect(memo.size).toBe(0); // a stale answer is dropped, not kept around
    policy = facts; // even if the old object came back, the stale entry is gone
    expect(memo.recall("q")).toBeUndefined();
  });

  it("keeps questions apart", () => {
    const memo = createAnswerMemo<string>();
    memo.remember("merchant=a&path=/menu", "allow", () => true);
    memo.remember("merchant=a&path=/checkout", "deny", () => true);
    expect(memo.recall("merchant=a&path=/menu")).toBe("allow");
    expect(memo.recall("merchant=a&path=/checkout")).toBe("deny");
    expect(memo.recall("merchant=a&path=/other")).toBeUndefined();
  });

  it("stays bounded: a flood of distinct questions starts it over", () => {
    const memo = createAnswerMemo<number>(3);
    for (let i = 0; i < 3; i++) memo.remember(`q${i}`, i, () => true);
    expect(memo.size).toBe(3);
    memo.remember("q3", 3, () => true);
    expect(memo.size).toBe(1);
    expect(memo.recall("q0")).toBeUndefined();
    expect(memo.recall("q3")).toBe(3);
  });

  it("clear forgets everything", () => {
    const memo = createAnswerMemo<number>();
    memo.remember("q", 1, () => true);
    memo.clear();
    expect(memo.recall("q")).toBeUndefined();
  });
});
