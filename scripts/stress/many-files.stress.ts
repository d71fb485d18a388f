/**
 * Memory against the number of files: the built CLI (dist/cli.js) on N tiny files (half short stories, half
 * notes), cold and then warm from the cache; passes when both peaks stay under the limit and the warm report
 * equals the cold one. Peak RSS is sampled inside the child (it covers its worker threads).
 * `--files N` (default 100000), `--limit MB` (default 400).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeTinyFiles } from '../lib/tiny-files';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');

const SAMPLER = `const peak = { rss: 0 };
const t = setInterval(() => { peak.rss = Math.max(peak.rss, process.memoryUsage().rss); }, 50);
t.unref();
process.on('exit', () => { peak.rss = Math.max(peak.rss, process.memoryUsage().rss); process.stderr.write('peak-rss ' + peak.rss + '\\n'); });
`;

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} expects a positive whole number`);
  return value;
}

function measure(sampler: string, docs: string, report: string): { seconds: number; mb: number; code: number | null } {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', sampler, CLI, '.', '-f', 'json', '-o', report], {
    cwd: docs,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /peak-rss (\d+)/.exec(r.stderr);
  return { seconds, mb: m ? Number(m[1]) / 1048576 : NaN, code: r.status };
}

export async function main(argv: string[]): Promise<number> {
  if (!fs.existsSync(CLI)) {
    console.log(`many files: build first (${CLI} is missing)`);
    return 2;
  }
  const count = option(argv, '--files', 100000);
  const limit = option(argv, '--limit', 400);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-many-files-'));
  try {
    const docs = path.join(dir, 'docs');
    writeTinyFiles(docs, count);
    const sampler = path.join(dir, 'peak.cjs');
    fs.writeFileSync(sampler, SAMPLER);
    const cold = measure(sampler, docs, path.join(dir, 'cold.json'));
    const warm = measure(sampler, docs, path.join(dir, 'warm.json'));
    const same = fs.readFileSync(path.join(dir, 'cold.json')).equals(fs.readFileSync(path.join(dir, 'warm.json')));
    const cache = path.join(docs, '.backlog-lint-cache', 'cache.json');
    const cacheMb = fs.existsSync(cache) ? fs.statSync(cache).size / 1048576 : 0;
    const ok =
      cold.mb <= limit &&
      warm.mb <= limit &&
      same &&
      cold.code !== null &&
      cold.code < 2 &&
      warm.code !== null &&
      warm.code < 2;
    console.log(
      `many files: ${count} files, cold ${cold.seconds.toFixed(1)} s at ${cold.mb.toFixed(0)} MB peak RSS, warm ${warm.seconds.toFixed(1)} s at ${warm.mb.toFixed(0)} MB, ` +
        `cache ${cacheMb.toFixed(1)} MB, warm report ${same ? 'equal to' : 'DIFFERENT from'} cold (limit ${limit} MB; load ${os.loadavg()[0]?.toFixed(1)}): ${ok ? 'pass' : 'FAIL'}`,
    );
    return ok ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
