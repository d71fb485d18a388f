/** Timing and peak memory of a child process, and small statistics. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ProcessRun {
  seconds: number;
  /** Peak resident set size in MB (workers are threads of the same process). */
  peakRssMb: number;
  /** User + system CPU seconds (GNU time only; NaN without it). */
  cpuSeconds: number;
  exitCode: number;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command to completion, its output discarded. Peak RSS comes from GNU time's %M when it is
 * installed, else from polling the child's VmHWM (the kernel's own high-water mark) in /proc.
 */
export function runProcess(command: string, args: string[], cwd: string): Promise<ProcessRun> {
  const useTime = fs.existsSync(GNU_TIME);
  const report = path.join(os.tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', report, command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const child = spawn(cmd, argv, { cwd, stdio: 'ignore' });
  let hwmKb = 0;
  let cpu = NaN;
  const poll = useTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
        } catch {
          // The process has just exited.
        }
      }, 20);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (poll) clearInterval(poll);
      if (useTime) {
        const lines = fs.readFileSync(report, 'utf8').trim().split('\n');
        const [user, sys, kb] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
        hwmKb = kb ?? NaN;
        cpu = (user ?? NaN) + (sys ?? NaN);
        fs.rmSync(report, { force: true });
      }
      resolve({ seconds, peakRssMb: hwmKb / 1024, cpuSeconds: cpu, exitCode: code ?? -1 });
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
