/**
 * `npm run bench -- --scale N`: memory and time against the number of files. N tiny files (half short
 * stories, half notes), timed side by side with markdownlint-cli2, interleaved, medians; backlog-lint cold
 * (empty cache) and warm, with wall and CPU time, peak RSS and files/s, and the load average. Checks that
 * the warm (cached, parallel) report and a --no-cache --concurrency 1 report are byte-identical to the cold one.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, runProcess, type ProcessRun } from './measure';
import { writeTinyFiles } from '../lib/tiny-files';

const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export async function scaleRun(count: number, runs: number, root: string, skipMdl: boolean): Promise<number> {
  if (!Number.isInteger(count) || count <= 0) throw new Error('--scale expects a positive whole number of files');
  const dir = path.join(os.tmpdir(), 'backlog-lint-bench', `scale-${count}`);
  const cli = path.join(root, 'dist', 'cli.js');
  const mdl = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  console.log(`Machine: ${os.availableParallelism()} cores, Node ${process.version}; load average at start ${load()}`);
  fs.rmSync(dir, { recursive: true, force: true });
  writeTinyFiles(dir, count);
  const cacheDir = path.join(os.tmpdir(), 'backlog-lint-bench', `scale-${count}-cache`);
  const report = (name: string): string => path.join(os.tmpdir(), 'backlog-lint-bench', `scale-${count}-${name}.json`);
  const lint = (name: string, extra: string[]): Promise<ProcessRun> =>
    runProcess(process.execPath, [cli, '.', '--format', 'json', '--output', report(name), ...extra], dir);
  const rows: Record<string, ProcessRun[]> = {
    'markdownlint-cli2': [],
    'backlog-lint cold': [],
    'backlog-lint warm': [],
  };
  for (let i = 0; i < runs; i++) {
    process.stdout.write(`run ${i + 1}/${runs} (load ${load()})\n`);
    if (!skipMdl) rows['markdownlint-cli2']?.push(await runProcess(process.execPath, [mdl, '**/*.md'], dir));
    fs.rmSync(cacheDir, { recursive: true, force: true });
    rows['backlog-lint cold']?.push(await lint('cold', ['--cache-location', `${cacheDir}/`]));
    rows['backlog-lint warm']?.push(await lint('warm', ['--cache-location', `${cacheDir}/`]));
  }
  await lint('serial', ['--no-cache', '--concurrency', '1']);
  const cold = fs.readFileSync(report('cold'));
  const same = ['warm', 'serial'].map(
    (name) => `${name} ${fs.readFileSync(report(name)).equals(cold) ? 'identical' : 'DIFFERENT'}`,
  );
  const cacheBytes = fs.readdirSync(cacheDir).reduce((n, f) => n + fs.statSync(path.join(cacheDir, f)).size, 0);
  console.log(`\n${count} files | tool | wall s | CPU s | peak RSS MB | files/s | runs (s)`);
  for (const [tool, list] of Object.entries(rows)) {
    if (list.length === 0) continue;
    const bad = list.find((r) => r.exitCode > 1);
    if (bad) throw new Error(`${tool} exited ${bad.exitCode}`);
    const wall = median(list.map((r) => r.seconds));
    const cells = [
      tool,
      wall.toFixed(1),
      median(list.map((r) => r.cpuSeconds)).toFixed(1),
      median(list.map((r) => r.peakRssMb)).toFixed(0),
      (count / wall).toFixed(0),
      list.map((r) => r.seconds.toFixed(1)).join(' / '),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  const wall = (tool: string): number => median((rows[tool] ?? []).map((r) => r.seconds));
  console.log(
    `\nwarm ÷ cold: cold takes ${(wall('backlog-lint cold') / wall('backlog-lint warm')).toFixed(1)}× the warm run; cache ${(cacheBytes / count).toFixed(0)} bytes per file`,
  );
  console.log(`JSON reports against the cold run: ${same.join(', ')}`);
  console.log(`Load average at end: ${load()}`);
  return same.every((s) => s.endsWith('identical')) ? 0 : 1;
}
