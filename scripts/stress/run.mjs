// `npm run stress [-- --only NAME[,NAME]] [ARGS]`: bundles and runs every scripts/stress/*.stress.ts, one
// process each, in name order. Each file exports `async function main(argv: string[]): Promise<number>`
// (0 = pass) and prints a one-line result; ARGS go to every main, which ignores flags it does not know.
// Exits 1 when any of them fails.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundle, root } from '../lib/bundle-run.mjs';

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt === -1 ? undefined : new Set((argv[onlyAt + 1] ?? '').split(',').filter(Boolean));
const args = onlyAt === -1 ? argv : [...argv.slice(0, onlyAt), ...argv.slice(onlyAt + 2)];

const dir = path.join(root, 'scripts', 'stress');
const names = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.stress.ts'))
  .map((f) => f.slice(0, -'.stress.ts'.length))
  .filter((name) => !only || only.has(name))
  .sort();
if (names.length === 0) {
  console.error(`no stress files${only ? ` named ${[...only].join(', ')}` : ''} in scripts/stress`);
  process.exit(2);
}

const failed = [];
for (const name of names) {
  const outfile = await bundle(`stress-${name}`, {
    contents: [
      `import { main } from './scripts/stress/${name}.stress.ts';`,
      'main(process.argv.slice(2)).then((code) => process.exit(code), (err) => { console.error(err); process.exit(2); });',
    ].join('\n'),
  });
  const { status } = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
  if (status !== 0) failed.push(`${name} (exit ${status ?? 'signal'})`);
}
console.log(failed.length === 0 ? `stress: ${names.length} passed` : `stress: failed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
