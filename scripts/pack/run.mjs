// Proves the published package: `npm pack`s this checkout, installs the tarball (offline: it has no
// dependencies) into a scratch project, then imports the library there as ESM and as CommonJS, runs the
// packed CLI, and type-checks a TypeScript consumer against the shipped declarations.
// Usage: node scripts/pack/run.mjs   (npm run test:pack; .ci/run calls it)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-pack-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

function check(condition, what) {
  if (!condition) {
    console.error(`pack test FAILED: ${what}\n(scratch project kept at ${scratch})`);
    process.exit(1);
  }
  console.log(`ok - ${what}`);
}

const [packed] = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', scratch], root));
const tarball = path.join(scratch, packed.filename);
const shipped = packed.files.map((f) => f.path);
check(
  ['dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'package.json'].every((f) => shipped.includes(f)),
  `the tarball holds the library, its types and the CLI (${shipped.length} files)`,
);
check(!shipped.some((f) => f.startsWith('src/') || f.startsWith('test/')), 'the tarball holds no sources or tests');

const project = path.join(scratch, 'consumer');
fs.mkdirSync(path.join(project, 'docs'), { recursive: true });
fs.writeFileSync(
  path.join(project, 'package.json'),
  JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }),
);
fs.writeFileSync(
  path.join(project, 'docs', 'backlog.md'),
  '# Backlog\n\n- As a shopper, I want to save my cart, so that I can buy later.\n- As a shopper, I want to see my past orders.\n',
);
run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);

fs.writeFileSync(
  path.join(project, 'esm.mjs'),
  `
import { lintText, lintFiles, loadConfig, formatResults } from 'backlog-lint';
const config = await loadConfig('docs/backlog.md', { roles: ['po'] });
const one = lintText('As a shopper, I want to see my past orders.\\n', { filePath: 'x.story.md', config });
const all = await lintFiles('docs');
const md = formatResults(all, 'markdown', { cwd: process.cwd() });
console.log(JSON.stringify({ roles: config.roles, one: one.findings.map((f) => f.ruleId), files: all.length, rules: all[0].findings.map((f) => f.ruleId), md: md.split('\\n')[0] }));
`,
);
const esm = JSON.parse(run(process.execPath, ['esm.mjs'], project));
check(
  esm.roles.join() === 'po' && esm.one.includes('story-benefit'),
  `ESM import: loadConfig and lintText work (${esm.one.join(', ')})`,
);
check(
  esm.files === 1 && esm.rules.includes('story-benefit') && esm.md.startsWith('### backlog-lint: '),
  `ESM import: lintFiles and formatResults work (${esm.md})`,
);

fs.writeFileSync(
  path.join(project, 'cjs.cjs'),
  `
const api = require('backlog-lint');
console.log(Object.keys(api).sort().join());
`,
);
check(
  run(process.execPath, ['cjs.cjs'], project).trim() === 'formatResults,lintFiles,lintText,loadConfig',
  'CommonJS require exports exactly the four functions',
);

const cli = run(process.execPath, [path.join(project, 'node_modules/.bin/backlog-lint'), '--version'], project).trim();
check(
  cli === JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version,
  `the packed CLI runs (--version ${cli})`,
);

fs.writeFileSync(
  path.join(project, 'consumer.ts'),
  `
import { lintText, formatResults, type LintResult, type Finding, type FormatName } from 'backlog-lint';
const result: LintResult = lintText('- As a user, I want x.\\n', { filePath: 'a.story.md' });
const first: Finding | undefined = result.findings[0];
const name: FormatName = 'gitlab';
const text: string = formatResults([result], name);
// @ts-expect-error: an unknown format is a type error
formatResults([result], 'xml');
export { first, text };
`,
);
fs.writeFileSync(
  path.join(project, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      types: [],
    },
    files: ['consumer.ts'],
  }),
);
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let typeErrors = '';
try {
  run(process.execPath, [tsc, '-p', project], project);
} catch (err) {
  typeErrors = String(err.stdout ?? err);
}
check(
  typeErrors === '',
  `a strict TypeScript consumer type-checks against dist/index.d.ts${typeErrors ? `:\n${typeErrors}` : ''}`,
);

fs.rmSync(scratch, { recursive: true, force: true });
console.log('pack test passed');
