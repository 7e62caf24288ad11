/** Samples a process's resident memory (Linux /proc) while a benchmark runs: its baseline and its peak. */
import { readFileSync } from 'node:fs';

export interface MemorySample {
  baselineMiB: number;
  peakMiB: number;
}

function residentMiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) / 1024;
  } catch {
    return undefined; // the process has gone
  }
}

export function sampleMemory(pid: number, everyMs = 200): { stop(): MemorySample } {
  const baseline = residentMiB(pid) ?? 0;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, residentMiB(pid) ?? 0);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, residentMiB(pid) ?? 0);
      return { baselineMiB: Math.round(baseline), peakMiB: Math.round(peak) };
    },
  };
}
