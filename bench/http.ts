import autocannon from 'autocannon';
import { cpuMs } from './memory.js';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Server CPU time (user + system) per answered request; on a busy machine steadier than req/s. */
  cpuMsPerRequest?: number;
}

export interface LoadOptions {
  connections?: number;
  seconds?: number;
  /** Paths cycled through by every connection. */
  paths: string[];
  /** Ask for gzip as browsers do (the default), or send no Accept-Encoding, as a plain client. */
  gzip?: boolean;
}

/** Runs autocannon against a server and returns throughput and latency percentiles (ms). */
export async function load(name: string, baseUrl: string, options: LoadOptions, serverPid?: number): Promise<LoadResult> {
  const cpuBefore = serverPid === undefined ? undefined : cpuMs(serverPid);
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections ?? 50,
    duration: options.seconds ?? 10,
    // Like a browser, ask for gzip (the hello-world's 17 bytes are never compressed), or as a plain client, not.
    requests: options.paths.map((path) => ({ method: 'GET', path, headers: options.gzip === false ? {} : { 'accept-encoding': 'gzip, deflate, br' } })),
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: (result.latency as unknown as Record<string, number>).p97_5 ?? result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ...(cpuBefore === undefined || serverPid === undefined
      ? {}
      : { cpuMsPerRequest: ((cpuMs(serverPid) ?? cpuBefore) - cpuBefore) / Math.max(1, result.requests.total) }),
  };
}
