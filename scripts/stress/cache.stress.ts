/**
 * Cache bit flips against the built CLI (dist/cli.js): a run over a cache file with one flipped bit must
 * neither crash nor report anything other than a run without a cache. Flip positions come from a seeded
 * generator, so a failing flip reproduces. `--flips N` (default 500), `--seed S` (default 1).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} expects a whole number`);
  return value;
}

/** mulberry32: small, seeded, the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const story = (n: number, ac: boolean): string =>
  `## S-${n}: Export report ${n}\n\nAs a clerk, I want to export report ${n} quickly, so that I can close month ${n}.\n\n` +
  (ac ? `### Acceptance criteria\n\n- Given report ${n}, when I export it, then a CSV downloads.\n\n` : '');

/** Backlogs with findings (one story repeated across two of them), a PRD and plain notes. */
function project(dir: string): void {
  for (let i = 0; i < 6; i++) {
    const stories = [story(i * 10 + 1, i % 2 === 0), story(i * 10 + 2, true)];
    if (i < 2)
      stories.push('## S-dup: Archive\n\nAs an admin, I want to archive old invoices, so that search stays quick.\n');
    fs.writeFileSync(path.join(dir, `backlog-${i}.md`), `# Backlog ${i}\n\n${stories.join('\n')}`);
  }
  fs.writeFileSync(
    path.join(dir, 'prd.md'),
    '# PRD: Faster exports\n\n## Problem\n\nExports are slow.\n\n## Scope\n\n- CSV only\n',
  );
  fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nThe build runs on every push.\n');
}

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function main(argv: string[]): Promise<number> {
  if (!fs.existsSync(CLI)) {
    console.log(`cache bit flips: build first (${CLI} is missing)`);
    return 2;
  }
  const flips = option(argv, '--flips', 500);
  const next = random(option(argv, '--seed', 1));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-cache-stress-'));
  try {
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    project(docs);
    const cacheDir = path.join(dir, 'cache');
    const args = ['.', '-f', 'json', '--concurrency', '1', '--cache-location', `${cacheDir}/`];
    const expected = cli(['.', '-f', 'json', '--concurrency', '1', '--no-cache'], docs).stdout;
    cli(args, docs);
    const cacheFile = path.join(cacheDir, fs.readdirSync(cacheDir).find((name) => !name.startsWith('.')) ?? '');
    const original = fs.readFileSync(cacheFile);
    let crashed = 0;
    let changed = 0;
    const failures: string[] = [];
    for (let k = 0; k < flips; k++) {
      const at = Math.floor(next() * original.length);
      const bit = 1 << Math.floor(next() * 8);
      const flipped = Buffer.from(original);
      flipped[at] = (flipped[at] as number) ^ bit;
      fs.writeFileSync(cacheFile, flipped);
      const r = cli(args, docs);
      const crash = (r.status !== 0 && r.status !== 1) || /\n\s+at /.test(r.stderr);
      if (crash) crashed++;
      else if (r.stdout !== expected) changed++;
      if ((crash || r.stdout !== expected) && failures.length < 5)
        failures.push(`byte ${at} bit ${bit}: ${crash ? 'crashed' : 'changed the report'}`);
    }
    console.log(
      `cache bit flips: ${flips} flips of a ${original.length}-byte cache, ${crashed} crashed, ${changed} changed the report${failures.length ? ` (${failures.join('; ')})` : ''}`,
    );
    return crashed + changed === 0 ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
