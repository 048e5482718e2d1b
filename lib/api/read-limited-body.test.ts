import { describe, expect, it } from "vitest";
import { readLimitedText } from "./read-limited-body";

function streamed(chunks: string[], headers: Record<string, string> = {}) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readLimitedText", () => {
  it("reads a body within the limit", async () => {
    expect(await readLimitedText(streamed(["{\"a\":", "1}"]), 100)).toEqual({ ok: true, text: '{"a":1}' });
  });
  it("stops at the limit while streaming, whatever Content-Length claims", async () => {
    expect(await readLimitedText(streamed(["x".repeat(60), "x".repeat(60)], { "content-length": "10" }), 100)).toEqual({ ok: false, reason: "too_large" });
    expect(await readLimitedText(streamed(["x"], { "content-length": "101" }), 100)).toEqual({ ok: false, reason: "too_large" });
  });
  it("refuses invalid UTF-8", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: new Uint8Array([0xff, 0xfe]) });
    expect(await readLimitedText(request, 100)).toEqual({ ok: false, reason: "invalid_utf8" });
    const truncated = new Request("http://localhost/x", { method: "POST", body: new Uint8Array([0x7b, 0xe4, 0xb8]) }); // "{" + 2 of 3 bytes of 中
    expect(await readLimitedText(truncated, 100)).toEqual({ ok: false, reason: "invalid_utf8" });
  });
  it("decodes multi-byte characters split across chunks and drops a byte-order mark", async () => {
    const bytes = new TextEncoder().encode('\uFEFF{"名":"咖啡"}');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 5)); // BOM + "{" + first byte of 名
        controller.enqueue(bytes.slice(5));
        controller.close();
      },
    });
    const request = new Request("http://localhost/x", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await readLimitedText(request, 100)).toEqual({ ok: true, text: '{"名":"咖啡"}' });
  });
});
