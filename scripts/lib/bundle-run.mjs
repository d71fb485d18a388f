// Bundles a TypeScript entry of a dev script (bench, fuzz) with the project's loaders into
// out/scripts/NAME.js and runs it with node, passing the command-line arguments on; exits with its code.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `entry`: an entry file, or `{ contents }` for a few lines of TypeScript resolved from the repo root. */
export async function bundleAndRun(name, entry, { env = {}, nodeArgs = [] } = {}) {
  const outfile = await bundle(name, entry);
  const { status } = spawnSync(process.execPath, [...nodeArgs, outfile, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  process.exit(status ?? 2);
}

/** Bundles `entry` (as for bundleAndRun) into out/scripts/NAME.js; returns that path. */
export async function bundle(name, entry) {
  const outfile = path.join(root, 'out', 'scripts', `${name}.js`);
  await esbuild.build({
    ...(typeof entry === 'string'
      ? { entryPoints: [path.join(root, entry)] }
      : { stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' } }),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    loader: { '.md': 'text' },
    define: { BACKLOG_LINT_VERSION: JSON.stringify(name) },
    sourcemap: true,
    logLevel: 'warning',
  });
  return outfile;
}
