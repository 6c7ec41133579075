/**
 * One address in front of several Tilmeld processes, as a load balancer would
 * put it: each request goes to the next upstream in turn (round robin). An
 * upstream that cannot be reached answers 502, as nginx would.
 */
import http from 'node:http';

export interface RoundRobinProxy {
  readonly port: number;
  readonly url: string;
  /** Requests sent to each upstream, in the order the upstreams were given. */
  readonly counts: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreamPorts: number[]): Promise<RoundRobinProxy> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const counts = upstreamPorts.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next;
    next = (next + 1) % upstreamPorts.length;
    counts[index]! += 1;
    const upstream = http.request(
      { host: '127.0.0.1', port: upstreamPorts[index], method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":"bad_gateway"}');
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    counts,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
