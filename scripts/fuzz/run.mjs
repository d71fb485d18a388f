// `npm run fuzz`: bundles scripts/fuzz/fuzz.ts with the project's esbuild and runs it (arguments passed on).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = path.join(root, 'out', 'scripts', 'fuzz.js');
await esbuild.build({
  entryPoints: [path.join(root, 'scripts', 'fuzz', 'fuzz.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  loader: { '.md': 'text' },
  define: { BACKLOG_LINT_VERSION: '"fuzz"' },
  sourcemap: true,
  logLevel: 'warning',
});
const { status } = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(status ?? 2);
