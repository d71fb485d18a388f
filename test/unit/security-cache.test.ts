/**
 * The result cache is never believed blindly (issue 11, item 5): a damaged, wrong-shaped or edited entry
 * is dropped and its file linted again, so a run over a broken cache reports exactly what a run without a
 * cache reports, and never crashes. `npm run stress` flips many more bits against the built CLI
 * (scripts/stress/cache.stress.ts).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheFile, sha256, toolFingerprint } from '../../src/cli/cache';
import { runCli } from '../helpers/cli';

const TOOL = toolFingerprint('test', undefined);

const story = (n: number, ac: boolean): string =>
  `## S-${n}: Export report ${n}\n\nAs a clerk, I want to export report ${n} quickly, so that I can close month ${n}.\n\n` +
  (ac ? `### Acceptance criteria\n\n- Given report ${n}, when I export it, then a CSV downloads.\n\n` : '');

/** Backlogs with findings (one story repeated in two, for the check across files) and a plain note. */
function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-seccache-'));
  for (let i = 0; i < 4; i++) {
    const stories = [story(i * 10 + 1, i % 2 === 0), story(i * 10 + 2, true)];
    if (i < 2)
      stories.push('## S-dup: Archive\n\nAs an admin, I want to archive old invoices, so that search stays quick.\n');
    fs.writeFileSync(path.join(dir, `backlog-${i}.md`), `# Backlog ${i}\n\n${stories.join('\n')}`);
  }
  fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nThe build runs on every push.\n');
  return dir;
}

async function lint(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(dir, ['.', '--format', 'json', ...args]);
}

/** A cache file written by a cold run, and the report of a run without any cache. */
async function cachedProject(): Promise<{ dir: string; file: string; expected: string }> {
  const dir = project();
  const file = path.join(dir, 'lint-cache');
  const expected = (await lint(dir, ['--no-cache'])).out;
  const cold = await lint(dir, ['--cache-location', file]);
  assert.equal(cold.out, expected);
  assert.ok(fs.existsSync(file));
  return { dir, file, expected };
}

/** Rewrites the output of the entry for `name` and gives the line a hash that matches, as a forger would. */
function forge(file: string, name: string, change: (output: Record<string, any>) => void, rehash: boolean): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((line) => line.split('\t')[1]?.endsWith(`${name}"`));
  assert.ok(i > 0, `an entry for ${name}`);
  const fields = (lines[i] as string).split('\t');
  const output = JSON.parse(fields[4] as string);
  change(output);
  fields[4] = JSON.stringify(output);
  const rest = fields.slice(1).join('\t');
  lines[i] = `${rehash ? sha256(`${TOOL}\t${rest}`) : fields[0]}\t${rest}`;
  fs.writeFileSync(file, lines.join('\n'));
}

describe('security: the result cache', function () {
  this.timeout(60000);

  it('drops an entry of the wrong shape (findings:[{}]) even when its hash matches, and lints the file again', async () => {
    const { dir, file, expected } = await cachedProject();
    forge(file, 'backlog-1.md', (o) => (o.result.findings = [{}]), true);
    const warm = await lint(dir, ['--cache-location', file]);
    assert.equal(warm.out, expected);
    assert.match(warm.err, /1 damaged entry in the cache file .* dropped/);
    const again = await lint(dir, ['--cache-location', file]);
    assert.equal(again.out, expected);
    assert.equal(again.err, '', 'the damaged entry was rewritten away');
  });

  it('catches a forged findings: [] by its integrity hash, so the findings are still reported', async () => {
    const { dir, file, expected } = await cachedProject();
    assert.ok(
      JSON.parse(expected).find((r: { filePath: string }) => r.filePath.endsWith('backlog-1.md')).messages.length > 0,
    );
    forge(file, 'backlog-1.md', (o) => (o.result.findings = []), false);
    const warm = await lint(dir, ['--cache-location', file]);
    assert.equal(warm.out, expected);
    assert.match(warm.err, /damaged entry/);
  });

  it('ignores a cache in the first format, wrong shape and all, without a notice', async () => {
    const { dir, file, expected } = await cachedProject();
    const old = {
      format: 1,
      tool: TOOL,
      entries: {
        [path.join(dir, 'backlog-1.md')]: {
          text: 'x',
          config: 'y',
          output: { result: { findings: [{}] }, crossFile: [], directives: [] },
        },
      },
    };
    fs.writeFileSync(file, JSON.stringify(old));
    const warm = await lint(dir, ['--cache-location', file]);
    assert.deepEqual([warm.out, warm.err], [expected, '']);
    assert.ok(fs.readFileSync(file, 'utf8').startsWith('backlog-lint-cache 2 '), 'replaced by the current format');
  });

  it('60 one-bit flips of a real cache file: no crash, and every report equals the report without a cache', async () => {
    const { dir, file, expected } = await cachedProject();
    const original = fs.readFileSync(file);
    const changed: string[] = [];
    for (let k = 0; k < 60; k++) {
      // Spread over the whole file, header included; the bit varies with k.
      const at = Math.floor(((k + 0.5) * original.length) / 60);
      const flipped = Buffer.from(original);
      flipped[at] = (flipped[at] as number) ^ (1 << (k % 8));
      fs.writeFileSync(file, flipped);
      const r = await lint(dir, ['--cache-location', file]);
      if (r.out !== expected || (r.code !== 0 && r.code !== 1)) changed.push(`byte ${at} bit ${k % 8}: exit ${r.code}`);
    }
    assert.deepEqual(changed, []);
  });

  it('a truncated cache file loses only its last entry', async () => {
    const { dir, file, expected } = await cachedProject();
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, text.length - 40));
    const warm = await lint(dir, ['--cache-location', file]);
    assert.equal(warm.out, expected);
    assert.match(warm.err, /1 damaged entry/);
  });

  it('never reads or overwrites a --cache-location that is not a cache (a note, a blob, a FIFO)', async () => {
    const dir = project();
    const expected = (await lint(dir, ['--no-cache'])).out;
    const note = path.join(dir, 'NOTES.txt');
    fs.writeFileSync(note, 'my own notes\n');
    const r = await lint(dir, ['--cache-location', note]);
    assert.equal(r.out, expected);
    assert.match(r.err, /NOTES\.txt is not a backlog-lint cache file; it was not used and is left as it is/);
    assert.equal(fs.readFileSync(note, 'utf8'), 'my own notes\n');
    const blob = path.join(dir, 'blob.bin');
    fs.writeFileSync(blob, Buffer.alloc(3 * 1024 * 1024, 0x78));
    const b = await lint(dir, ['--cache-location', blob]);
    assert.equal(b.out, expected);
    assert.match(b.err, /blob\.bin is not a backlog-lint cache file/);
    assert.equal(fs.statSync(blob).size, 3 * 1024 * 1024);
    if (process.platform === 'win32') return;
    const fifo = path.join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    const f = await lint(dir, ['--cache-location', fifo]);
    assert.equal(f.out, expected);
    assert.match(f.err, /is not a regular file/);
  });

  it('--cache-location FILE is reused on the next run (no EEXIST), and DIR/ or an existing folder gets cache.json', async () => {
    const dir = project();
    const file = path.join(dir, 'ci', 'lint-cache');
    const first = await lint(dir, ['--cache-location', file]);
    assert.equal(first.err, '');
    const before = fs.statSync(file).mtimeMs;
    const second = await lint(dir, ['--cache-location', file]);
    assert.deepEqual([second.out, second.err], [first.out, '']);
    assert.equal(fs.statSync(file).mtimeMs, before, 'every file came from the cache: nothing to write');

    assert.equal(cacheFile(dir, 'ci/lint-cache'), file, 'an existing file is the cache file');
    assert.equal(cacheFile(dir, 'fresh/'), path.join(dir, 'fresh', 'cache.json'));
    assert.equal(cacheFile(dir, 'ci'), path.join(dir, 'ci', 'cache.json'), 'an existing folder');
    assert.equal(cacheFile(dir, 'fresh'), path.join(dir, 'fresh'), 'nothing there, no slash: a file');
    await lint(dir, ['--cache-location', 'folder/']);
    assert.ok(fs.statSync(path.join(dir, 'folder', 'cache.json')).isFile());
  });

  it('never caches a file that was not linted (over its time budget), so a larger budget lints it next time', async () => {
    const dir = project();
    // About 200 KB of stories: with a 1 ms budget it is refused before its parse, whatever the machine's load.
    fs.writeFileSync(
      path.join(dir, 'big.md'),
      `# Big backlog\n\n${Array.from({ length: 1500 }, (_, i) => story(i, false)).join('\n')}`,
    );
    const refused = await lint(dir, ['--max-time-per-file', '1', '--concurrency', '1']);
    assert.equal(refused.code, 2);
    assert.match(refused.out, /--max-time-per-file/);
    const linted = await lint(dir, ['--max-time-per-file', '0', '--concurrency', '1']);
    assert.doesNotMatch(linted.out, /--max-time-per-file/);
    assert.match(linted.out, /story-acceptance-criteria/);
  });
});
