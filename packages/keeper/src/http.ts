// /health and /metrics over plain node:http.
import { createServer, Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Metrics } from "./metrics";

export interface HealthSource {
  health(): { ok: boolean; [k: string]: unknown };
}

export interface HttpServer {
  port: number;
  close(): Promise<void>;
}

export async function serveHttp(host: string, port: number, metrics: Metrics, source: HealthSource): Promise<HttpServer> {
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    try {
      if (req.method === "GET" && path === "/health") {
        const h = source.health();
        res.writeHead(h.ok ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify(h, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
      } else if (req.method === "GET" && path === "/metrics") {
        const body = await metrics.registry.metrics();
        res.writeHead(200, { "content-type": metrics.registry.contentType });
        res.end(body);
      } else {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found\n");
      }
    } catch (e) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(e));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
