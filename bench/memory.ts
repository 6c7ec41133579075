import fs from 'node:fs';

/** Resident set size of a process in MiB, from /proc/<pid>/status (VmRSS); undefined when unreadable. */
export function rssMiB(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kB = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kB === undefined ? undefined : Number(kB) / 1024;
  } catch {
    return undefined;
  }
}

/**
 * Proportional set size of a process in MiB (Pss from /proc/<pid>/smaps_rollup):
 * its private resident pages plus its share of pages it shares with others.
 * Summed over a process tree it counts every resident page once, where summed
 * RSS counts a page once per process mapping it (under `npm start`, the ~45 MiB
 * of the node executable that npm and the server both map).
 */
export function pssMiB(pid: number): number | undefined {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kB = /^Pss:\s+(\d+)\s+kB/m.exec(rollup)?.[1];
    return kB === undefined ? undefined : Number(kB) / 1024;
  } catch {
    return undefined;
  }
}

/** Memory of a process tree with every resident page counted once (summed PSS), in MiB. */
export function treePssMiB(pids: number[]): number | undefined {
  const each = pids.map(pssMiB).filter((v): v is number => v !== undefined);
  return each.length === 0 ? undefined : each.reduce((a, b) => a + b, 0);
}

/** Resident set size of several processes together (a process tree), in MiB. */
export function treeRssMiB(pids: number[]): number | undefined {
  const each = pids.map(rssMiB).filter((v): v is number => v !== undefined);
  return each.length === 0 ? undefined : each.reduce((a, b) => a + b, 0);
}

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from
 * /proc/<pid>/stat; undefined when unreadable. On a machine shared with other
 * work, a server's CPU time per request varies far less than its requests
 * per second, so it shows what a change to the code saved.
 */
export function cpuMs(pid: number): number | undefined {
  try {
    const fields = statFields(`/proc/${pid}/stat`);
    // utime and stime: fields 14 and 15 of the file.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (ms) of this process's children that have ended and been waited
 * for (cutime + cstime, fields 16 and 17): a load generator's, once it exited.
 */
export function endedChildrenCpuMs(): number {
  const fields = statFields('/proc/self/stat');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
}

/** The fields of a /proc stat file after the command name (which may hold spaces): field 3 of the file first. */
function statFields(file: string): string[] {
  const stat = fs.readFileSync(file, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** USER_HZ: the unit of /proc/<pid>/stat times, 100 on Linux. */
const CLOCK_TICKS = 100;

export interface MemoryResult {
  name: string;
  /** RSS when the sampling started (the server ready, before the load). */
  beforeMiB: number;
  /** Highest RSS seen while sampling. */
  peakMiB: number;
  /** RSS a moment after the load ended. */
  afterMiB: number;
}

/**
 * Samples the RSS of a process every `intervalMs` from the bench process
 * (reading /proc costs the server nothing) until `finish` is called.
 */
export function sampleMemory(name: string, pid: number | (() => number[]), intervalMs = 100, measure: 'rss' | 'pss' = 'rss') {
  // A function gives the processes to add up at each sample (a process tree whose members may change).
  const pids = () => (typeof pid === 'number' ? [pid] : pid());
  const read = () => (measure === 'pss' ? treePssMiB(pids()) : treeRssMiB(pids()));
  const before = read() ?? 0;
  let peak = before;
  const timer = setInterval(() => {
    const now = read();
    if (now !== undefined && now > peak) peak = now;
  }, intervalMs);
  return {
    /** Waits `settleMs` after the load, takes the "after" figure and stops sampling. */
    async finish(settleMs = 2000): Promise<MemoryResult> {
      await new Promise((r) => setTimeout(r, settleMs));
      clearInterval(timer);
      const after = read() ?? 0;
      return { name, beforeMiB: before, peakMiB: Math.max(peak, after), afterMiB: after };
    },
  };
}
