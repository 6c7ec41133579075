/**
 * GET loads with wrk (C, one thread): the load generator of the page bench when it is installed
 * (Debian's package `wrk`). The client shares the two cores with the server, so what it spends
 * per response is taken from the server: autocannon, in JavaScript, spends about as much per
 * kilobyte received as the server spends sending it, which held the large pages (a 21 KB catalogue
 * for a plain client) below a hello world of 17 bytes whatever the server did. wrk spends a
 * fraction of that; the "client CPU" column of the page table shows both.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WrkResult {
  requests: number;
  seconds: number;
  /** Latency percentiles in ms. */
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** True when wrk can be run here. */
export function wrkInstalled(): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, 'wrk')));
}

/** The Lua script: the connections take the paths in turn (one counter for all), and the summary is printed as JSON. */
function script(paths: string[], headers: Record<string, string>): string {
  const lua = (text: string) => {
    if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`wrk paths and headers must be printable ASCII: ${text}`);
    return JSON.stringify(text);
  };
  const headerTable = Object.entries(headers)
    .map(([k, v]) => `[${lua(k)}] = ${lua(v)}`)
    .join(', ');
  return `local paths = { ${paths.map(lua).join(', ')} }
local headers = { ${headerTable} }
local requests = {}
-- In init, not at load: wrk knows the Host header only by then.
init = function()
  for i, p in ipairs(paths) do requests[i] = wrk.format("GET", p, headers) end
end
local i = 0
request = function()
  i = i % #requests + 1
  return requests[i]
end
done = function(summary, latency)
  local e = summary.errors
  io.write(string.format('\\n{"requests":%d,"us":%d,"p50":%d,"p95":%d,"p99":%d,"non2xx":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
`;
}

/** Runs wrk for `seconds` with `connections` against baseUrl, cycling through `paths`. */
export async function wrk(
  baseUrl: string,
  options: { paths: string[]; connections: number; seconds: number; headers: Record<string, string> },
): Promise<WrkResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-wrk-'));
  try {
    const file = path.join(dir, 'load.lua');
    fs.writeFileSync(file, script(options.paths, options.headers));
    const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', file, baseUrl];
    const out = await new Promise<string>((resolve, reject) =>
      execFile('wrk', args, { encoding: 'utf8' }, (error, stdout, stderr) =>
        error ? reject(new Error(`wrk failed: ${stderr || error.message}`)) : resolve(stdout),
      ),
    );
    const line = out.split('\n').find((l) => l.startsWith('{"requests"'));
    if (!line) throw new Error(`wrk printed no summary:\n${out}`);
    const s = JSON.parse(line) as { requests: number; us: number; p50: number; p95: number; p99: number; non2xx: number; errors: number };
    const ms = (us: number) => Math.round(us / 100) / 10;
    return { requests: s.requests, seconds: s.us / 1e6, p50: ms(s.p50), p95: ms(s.p95), p99: ms(s.p99), non2xx: s.non2xx, errors: s.errors };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
