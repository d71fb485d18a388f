// `npm run bench`: builds dist/cli.js, bundles scripts/bench/main.ts with the project's esbuild and runs it
// (arguments passed on; see main.ts).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const build = spawnSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 2);
const outfile = path.join(root, 'out', 'scripts', 'bench.js');
await esbuild.build({
  stdin: { contents: "import { main } from './scripts/bench/main';\nmain(process.argv.slice(2), process.env.BENCH_ROOT).then((c) => { process.exitCode = c; }, (e) => { console.error(e); process.exitCode = 2; });", resolveDir: root, loader: 'ts' },
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  loader: { '.md': 'text' },
  define: { BACKLOG_LINT_VERSION: '"bench"' },
  logLevel: 'warning',
});
const { status } = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, BENCH_ROOT: root } });
process.exit(status ?? 2);
