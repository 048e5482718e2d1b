import { describe, expect, it } from "vitest";
import { descendants, parseStat } from "./process-tree";

describe("process tree from /proc", () => {
  it("parses ppid, CPU time and RSS from a stat line whose command has spaces and parentheses", () => {
    const line = "4242 (next-server (v16)) S 4200 4242 4200 0 -1 4194560 100 0 0 0 150 25 0 0 20 0 11 0 5000 1000000 2560 18446744073709551615";
    expect(parseStat(4242, line)).toEqual({ pid: 4242, ppid: 4200, cpuMs: 1750, rssBytes: 2560 * 4096 });
  });

  it("collects a process and everything below it", () => {
    const s = (pid: number, ppid: number) => ({ pid, ppid, cpuMs: 0, rssBytes: 0 });
    const stats = [s(1, 0), s(10, 1), s(11, 10), s(12, 11), s(13, 10), s(20, 1)];
    expect(descendants(stats, 10).map((p) => p.pid).sort()).toEqual([10, 11, 12, 13]);
    expect(descendants(stats, 99)).toEqual([]);
  });
});
