/**
 * CPU time of processes from Linux /proc, for the benchmarks' CPU-per-request and CPU-per-row
 * figures (each answers null where /proc cannot be read).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** utime + stime of a process in seconds (Linux /proc; USER_HZ is 100 on Linux). */
export function cpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * CPU seconds of all PostgreSQL processes, or null without /proc: each process's own time plus
 * that of its children that ended (the server's cutime/cstime holds the backends that exited).
 */
export function postgresCpuSeconds(): number | null {
  try {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
    }
    return total;
  } catch {
    return null;
  }
}

/** CPU seconds of a process and its live children (a cluster's primary and its workers). */
export function treeCpuSeconds(pid: number | undefined): number | null {
  const own = cpuSeconds(pid);
  if (own === null) return null;
  let total = own;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid)
        total += cpuSeconds(Number(entry)) ?? 0;
    } catch {
      continue; // ended meanwhile
    }
  }
  return total;
}

/** CPU seconds of the children of this process that have ended (psql run by execFileSync). */
export function endedChildrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}
