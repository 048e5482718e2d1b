// A local HTTP receiver for webhook tests: records every request and answers with the status
// the test chose for it (a queue of statuses, then a default).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: http.IncomingHttpHeaders; body: string };

export async function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  let defaultStatus = 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = statuses.shift() ?? defaultStatus;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** The next responses, in order; afterwards `setDefault` applies. */
    respondWith: (...codes: number[]) => statuses.push(...codes),
    setDefault: (code: number) => {
      defaultStatus = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
