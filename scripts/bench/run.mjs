// `npm run bench`: builds dist/cli.js (what is measured), then bundles scripts/bench/main.ts and runs it
// (arguments passed on; see main.ts).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { bundleAndRun, root } from '../lib/bundle-run.mjs';

const build = spawnSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 2);
await bundleAndRun(
  'bench',
  {
    contents:
      "import { main } from './scripts/bench/main';\nmain(process.argv.slice(2), process.env.BENCH_ROOT).then((c) => { process.exitCode = c; }, (e) => { console.error(e); process.exitCode = 2; });",
  },
  { env: { BENCH_ROOT: root } },
);
