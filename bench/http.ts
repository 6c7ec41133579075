import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import { cpuMs, endedChildrenCpuMs } from './memory.js';
import { wrk, wrkInstalled } from './wrk.js';

/**
 * autocannon keeps every response body as a string (`body += chunk`, a UTF-8 decode of every
 * chunk) for checks this bench never asks for (expectBody, verifyBody, onResponse). A CPU profile
 * of the client showed that decode taking a quarter (an event page's HTML, with Danish letters)
 * to over a third (its gzip bytes, which are not UTF-8 at all) of the client's time, against 3 %
 * for the hello world's ASCII body: the client shares the two cores with the server, so the ratio
 * judged the body's characters rather than the server. Bodies are counted (bytes) but not decoded;
 * BENCH_KEEP_BODIES=1 measures with autocannon as it ships.
 */
let keepBodies = process.env.BENCH_KEEP_BODIES === '1';
{
  const queue = createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js') as { prototype: { addBody(data: unknown): void } };
  const addBody = queue.prototype.addBody;
  queue.prototype.addBody = function (data) {
    if (keepBodies) addBody.call(this, data);
  };
}
/** Whether the client decodes every response body as autocannon does (for comparing the two). */
export function setKeepBodies(keep: boolean): void {
  keepBodies = keep;
}

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Requests answered during the load. */
  requests: number;
  /** Server CPU time (user + system) per answered request; on a busy machine steadier than req/s. */
  cpuMsPerRequest?: number;
  /** The load generator's CPU time per answered request: taken from the server, which shares the cores. */
  clientCpuMsPerRequest: number;
}

/**
 * The load generator for GET loads: wrk when installed (bench/wrk.ts), else autocannon;
 * BENCH_CLIENT=autocannon (or wrk) chooses.
 */
export const loadClient: 'wrk' | 'autocannon' = (() => {
  const asked = process.env.BENCH_CLIENT;
  if (asked === 'wrk' || asked === 'autocannon') return asked;
  if (asked) throw new Error(`BENCH_CLIENT must be "wrk" or "autocannon", not "${asked}"`);
  return wrkInstalled() ? 'wrk' : 'autocannon';
})();

export interface LoadOptions {
  connections?: number;
  seconds?: number;
  /** Paths cycled through by every connection. */
  paths: string[];
  /** Ask for gzip as browsers do (the default), or send no Accept-Encoding, as a plain client. */
  gzip?: boolean;
}

/** Runs a GET load against a server and returns throughput and latency percentiles (ms). */
export async function load(name: string, baseUrl: string, options: LoadOptions, serverPid?: number): Promise<LoadResult> {
  const cpuBefore = serverPid === undefined ? undefined : cpuMs(serverPid);
  const measured = loadClient === 'wrk' ? await wrkLoad(baseUrl, options) : await autocannonLoad(baseUrl, options);
  return {
    name,
    ...measured,
    ...(cpuBefore === undefined || serverPid === undefined
      ? {}
      : { cpuMsPerRequest: ((cpuMs(serverPid) ?? cpuBefore) - cpuBefore) / Math.max(1, measured.requests) }),
  };
}

type Measured = Omit<LoadResult, 'name' | 'cpuMsPerRequest'>;

/** Like a browser, ask for gzip (the hello-world's 17 bytes are never compressed), or as a plain client, not. */
const headersOf = (options: LoadOptions): Record<string, string> => (options.gzip === false ? {} : { 'accept-encoding': 'gzip, deflate, br' });

async function wrkLoad(baseUrl: string, options: LoadOptions): Promise<Measured> {
  const clientBefore = endedChildrenCpuMs();
  const r = await wrk(baseUrl, { paths: options.paths, connections: options.connections ?? 50, seconds: options.seconds ?? 10, headers: headersOf(options) });
  return {
    requestsPerSecond: Math.round(r.requests / r.seconds),
    p50: r.p50,
    p95: r.p95,
    p99: r.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    requests: r.requests,
    clientCpuMsPerRequest: (endedChildrenCpuMs() - clientBefore) / Math.max(1, r.requests),
  };
}

async function autocannonLoad(baseUrl: string, options: LoadOptions): Promise<Measured> {
  const clientBefore = process.cpuUsage();
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections ?? 50,
    duration: options.seconds ?? 10,
    requests: options.paths.map((path) => ({ method: 'GET', path, headers: headersOf(options) })),
  });
  const client = process.cpuUsage(clientBefore);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: (result.latency as unknown as Record<string, number>).p97_5 ?? result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    clientCpuMsPerRequest: (client.user + client.system) / 1000 / Math.max(1, result.requests.total),
  };
}
