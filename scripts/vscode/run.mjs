#!/usr/bin/env node
// `npm run test:vscode`: the extension in a real VS Code 1.139 (code-server + headless Chromium, all
// installed by setup.sh; nothing is downloaded here). Steps, each a child process with its exit code:
//   in-host     the mocha suite (out/test/vscode/index.js) inside the real extension host, trusted
//   restricted  the Workspace Trust tests of that suite again, in Restricted Mode
//   grammar     the injection grammar through VS Code's own TextMate engine
//   package     the .vsix (package.mjs: vscode:prepublish, i.e. the minified bundle, then vsce)
//   ui          the .vsix installed; a person's path: Problems, Ctrl+. quick fix, save, file on disk
//   ui-restricted  the .vsix in Restricted Mode: untrustedWorkspaces "limited" still activates it
//   ui-editor   the .vsix: grammar in the default theme, quick-fix menu order, docs tab, broken config, status bar
//   ui-fixes    the .vsix: where fixes land (snippet tab stops revealed, fix all keeps the cursor, table-row disable)
// Expects `node esbuild.js --tests` to have run (the npm script does). Exit 0 when every step passed.
// Usage: node scripts/vscode/run.mjs [--only in-host,ui,...] [--screenshots (copy the UI shots to images/)]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HARNESS_HOME, ROOT } from './lib.mjs';

const { values: opt } = parseArgs({ options: { only: { type: 'string' }, screenshots: { type: 'boolean' } } });
const here = path.join(ROOT, 'scripts/vscode');
const workspace = path.join(ROOT, 'test/vscode-workspace');
const tests = path.join(ROOT, 'out/test/vscode/index.js');
const vsix = path.join(HARNESS_HOME, 'backlog-lint.vsix');
const runs = path.join(HARNESS_HOME, 'runs');
const node = process.execPath;

const STEPS = {
  'in-host': [
    node,
    path.join(here, 'ext-tests.mjs'),
    '--ext',
    ROOT,
    '--tests',
    tests,
    '--workspace',
    workspace,
    '--run-dir',
    path.join(runs, 'in-host'),
  ],
  restricted: [
    node,
    path.join(here, 'ext-tests.mjs'),
    '--ext',
    ROOT,
    '--tests',
    tests,
    '--workspace',
    workspace,
    '--restricted',
    '--env',
    JSON.stringify({ MOCHA_GREP: 'workspace trust' }),
    '--run-dir',
    path.join(runs, 'restricted'),
  ],
  grammar: [node, path.join(here, 'grammar-test.mjs')],
  package: [node, path.join(here, 'package.mjs'), '--out', vsix],
  ui: [
    node,
    path.join(here, 'ui-test.mjs'),
    '--vsix',
    vsix,
    '--workspace',
    workspace,
    '--file',
    'stories/login.md',
    '--diagnostic',
    'Story has no acceptance criteria',
    '--fix',
    'Add acceptance criteria template',
    '--expect',
    '## Acceptance criteria\\n\\n- Given \\<context>, when \\<action>, then \\<observable outcome>\\n',
    '--run-dir',
    path.join(runs, 'ui'),
  ],
  'ui-restricted': [
    node,
    path.join(here, 'ui-test.mjs'),
    '--vsix',
    vsix,
    '--workspace',
    workspace,
    '--file',
    'stories/login.md',
    '--diagnostic',
    'Story has no acceptance criteria',
    '--restricted',
    '--run-dir',
    path.join(runs, 'ui-restricted'),
  ],
  'ui-editor': [node, path.join(here, 'ui-editor.mjs'), '--vsix', vsix, '--run-dir', path.join(runs, 'ui-editor')],
  'ui-fixes': [node, path.join(here, 'ui-fixes.mjs'), '--vsix', vsix, '--run-dir', path.join(runs, 'ui-fixes')],
};
const only = opt.only ? opt.only.split(',') : Object.keys(STEPS);
for (const name of only)
  if (!STEPS[name]) {
    console.error(`unknown step ${name}; steps: ${Object.keys(STEPS).join(', ')}`);
    process.exit(2);
  }
if (!fs.existsSync(tests) && only.some((s) => s === 'in-host' || s === 'restricted')) {
  console.error(`${tests} is missing: run node esbuild.js --tests first (npm run test:vscode does)`);
  process.exit(2);
}

const results = [];
for (const name of only) {
  const [cmd, ...args] = STEPS[name];
  console.log(`\n=== ${name}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  const code = r.status ?? (r.signal ? 128 : 2);
  results.push({ name, code, seconds: (Date.now() - t0) / 1000 });
  if (name === 'package' && code !== 0) break; // nothing for the UI route to install
}

if (opt.screenshots && results.find((r) => r.name === 'ui')?.code === 0) {
  // The UI route's numbered shots → the README's images.
  const shots = path.join(runs, 'ui', 'shots');
  const wanted = { problems: 'vscode-problems.png', 'quickfix-menu': 'vscode-quickfix.png', saved: 'vscode-fixed.png' };
  for (const file of fs.readdirSync(shots)) {
    const label = file.replace(/^\d+-/, '').replace(/\.png$/, '');
    if (wanted[label]) fs.copyFileSync(path.join(shots, file), path.join(ROOT, 'images', wanted[label]));
  }
  console.log(`screenshots copied to images/`);
}
if (opt.screenshots && results.find((r) => r.name === 'ui-editor')?.code === 0) {
  const shots = path.join(runs, 'ui-editor', 'shots');
  const wanted = {
    'prd-quickfix-menu': 'vscode-quickfix-menu.png',
    'rule-docs': 'vscode-rule-docs.png',
    'config-error': 'vscode-config-error.png',
    'theme-default': 'vscode-theme-light.png',
  };
  for (const file of fs.readdirSync(shots)) {
    const label = file.replace(/^\d+-/, '').replace(/\.png$/, '');
    if (wanted[label]) fs.copyFileSync(path.join(shots, file), path.join(ROOT, 'images', wanted[label]));
  }
}

console.log('\n=== summary');
for (const r of results)
  console.log(`${r.code === 0 ? 'PASS' : 'FAIL'} ${r.name.padEnd(13)} exit ${r.code}  ${r.seconds.toFixed(1)} s`);
const failed = results.filter((r) => r.code !== 0).length + (only.length - results.length);
process.exit(failed ? 1 : 0);
