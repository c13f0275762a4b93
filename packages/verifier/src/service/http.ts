// Minimal HTTP plumbing on node:http (no framework): JSON bodies with a size cap, a routed
// server, and a JSON POST client with a timeout and a response size cap (JSON or binary replies).
import * as http from "node:http";
import { AddressInfo } from "node:net";

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message?: string) {
    super(message ?? code);
  }
}

/** Reads a request body as JSON, refusing more than `limit` bytes (413) or bad JSON (400). */
export async function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) throw new HttpError(413, "body_too_large");
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, "body_too_large");
    parts.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString("utf8"));
  } catch {
    throw new HttpError(400, "bad_json");
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendBytes(res: http.ServerResponse, status: number, body: Uint8Array, contentType = "application/octet-stream"): void {
  res.writeHead(status, { "content-type": contentType, "content-length": body.length });
  res.end(body);
}

export function sendText(res: http.ServerResponse, status: number, body: string, contentType = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void> | void;

export interface Served {
  server: http.Server;
  /** http://host:port with the port actually bound. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on host:port (0 = any free port); errors thrown by the handler become JSON error replies. */
export async function serve(host: string, port: number, handler: Handler, onError?: (e: unknown) => void): Promise<Served> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://local");
    Promise.resolve()
      .then(() => handler(req, res, url))
      .catch((e) => {
        if (!(e instanceof HttpError)) onError?.(e);
        if (res.headersSent) return res.destroy();
        const status = e instanceof HttpError ? e.status : 500;
        sendJson(res, status, { error: e instanceof HttpError ? e.code : "internal", message: (e as Error).message });
      });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return {
    server,
    port: bound,
    url: `http://${shown}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export interface PostResult {
  status: number;
  /** The parsed JSON reply; with `binary`, a 2xx reply's bytes as they came. */
  body: unknown;
  /** Wall time of the exchange, ms (performance.now). */
  ms: number;
}

export class TransportError extends Error {
  constructor(readonly code: "timeout" | "too_large" | "network" | "bad_json", message: string) {
    super(message);
  }
}

/**
 * POSTs JSON and reads a JSON reply (with `binary`, a 2xx reply is returned as bytes) of at most
 * `maxBytes`. Non-2xx replies are returned, not thrown; a timeout, an oversize body, bad JSON or
 * a network failure throw TransportError.
 */
export async function postJson(url: string, body: unknown, o: { timeoutMs: number; maxBytes: number; binary?: boolean }): Promise<PostResult> {
  const t0 = performance.now();
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), o.timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: ctrl.signal });
    } catch (e) {
      throw ctrl.signal.aborted ? new TransportError("timeout", `no reply within ${o.timeoutMs} ms`) : new TransportError("network", String((e as Error).cause ?? e));
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      const reader = res.body?.getReader();
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > o.maxBytes) {
          ctrl.abort();
          throw new TransportError("too_large", `reply over ${o.maxBytes} bytes`);
        }
        chunks.push(value);
      }
    } catch (e) {
      if (e instanceof TransportError) throw e;
      throw ctrl.signal.aborted ? new TransportError("timeout", `reply not complete within ${o.timeoutMs} ms`) : new TransportError("network", String(e));
    }
    const ms = performance.now() - t0;
    const raw = Buffer.concat(chunks);
    if (o.binary && res.ok) return { status: res.status, body: new Uint8Array(raw.buffer, raw.byteOffset, raw.length), ms };
    const text = raw.toString("utf8");
    let parsed: unknown = null;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new TransportError("bad_json", `reply is not JSON (status ${res.status})`);
      }
    }
    return { status: res.status, body: parsed, ms };
  } finally {
    clearTimeout(timer);
  }
}
