// Response compression for the production server, in place of Next.js's own (next.config.ts sets
// `compress: false`): the same middleware Next.js uses (its bundled copy of `compression`), at
// zlib level 1 instead of the default 6. Pages are streamed and flushed chunk by chunk, so the
// default level spent ≈ a quarter of a client-side navigation's CPU in zlib on 2 cores; level 1
// costs a fraction of that for responses ≈ 10 % larger (docs/security.md, Load).
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { constants } from "node:zlib";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const require = createRequire(import.meta.url);
const compression = require("next/dist/compiled/compression") as (options: { level: number }) => Middleware;
const { releaseCompressionStream } = require("next/dist/server/lib/release-compression-stream") as { releaseCompressionStream: (res: ServerResponse) => void };

export const COMPRESSION_LEVEL = constants.Z_BEST_SPEED;

export function withCompression(handler: Handler): Handler {
  const compress = compression({ level: COMPRESSION_LEVEL });
  return (req, res) => {
    compress(req, res, () => void handler(req, res));
    // A client that disconnects mid-response leaves the middleware's zlib stream open (it never
    // sees end()): release it, as Next.js does for its own compression.
    res.once("close", () => {
      if (!res.writableFinished) releaseCompressionStream(res);
    });
  };
}
