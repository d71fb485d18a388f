// Runs one rule's tests: `npm run test:rule -- <rule-id> [more ids]`. Bundles just those test files
// (as `node esbuild.js --tests` would) and hands them to mocha, so a change to one rule is checked in
// seconds instead of the whole suite.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const ids = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (ids.length === 0) {
  console.error('Usage: npm run test:rule -- <rule-id> [more rule ids]');
  process.exit(2);
}
const entries = [];
for (const id of ids) {
  const dir = ['po', 'pm', 'common'].map((role) => path.join(root, 'rules', role, id)).find((d) => fs.existsSync(d));
  const tests = dir ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')) : [];
  if (tests.length === 0) {
    const known = ['po', 'pm', 'common'].flatMap((role) =>
      fs.readdirSync(path.join(root, 'rules', role)).filter((d) => !d.startsWith('_') && !d.includes('.')),
    );
    console.error(`No tests for rule '${id}'. Rules with a folder: ${known.sort().join(', ')}`);
    process.exit(2);
  }
  entries.push(...tests.map((t) => path.join(dir, t)));
}
const outdir = path.join(root, 'out', 'test-rule');
fs.rmSync(outdir, { recursive: true, force: true });
esbuild.buildSync({
  entryPoints: entries,
  outdir,
  outbase: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  loader: { '.md': 'text' },
  define: { BACKLOG_LINT_VERSION: JSON.stringify(require('../package.json').version) },
  sourcemap: true,
  external: ['mocha'],
  logLevel: 'warning',
});
const bundles = entries.map((e) => path.join(outdir, path.relative(root, e).replace(/\.ts$/, '.js')));
const mocha = require.resolve('mocha/bin/mocha.js');
// --no-config: .mocharc's spec list would add the whole suite to these files.
const run = spawnSync(
  process.execPath,
  [mocha, '--no-config', '--enable-source-maps', '--timeout', '20000', ...bundles],
  { stdio: 'inherit', cwd: root },
);
process.exit(run.status ?? 1);
