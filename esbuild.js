// Builds the CLI and extension bundles (dist/), and with --tests the mocha test bundles (out/).
// Usage: node esbuild.js [--production] [--tests] [--watch]
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');

const { version } = require('./package.json');

/** Shared options: Node, CommonJS, rule docs and templates inlined as text. */
const common = {
  define: { BACKLOG_LINT_VERSION: JSON.stringify(version) },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  loader: { '.md': 'text' },
  logLevel: 'warning',
  legalComments: 'none',
};

function findFiles(dir, suffix, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findFiles(full, suffix, out);
    else if (entry.name.endsWith(suffix)) out.push(full);
  }
  return out;
}

async function build(options) {
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
  }
}

async function main() {
  const builds = [
    build({
      ...common,
      entryPoints: ['src/cli/main.ts'],
      outfile: 'dist/cli.js',
      banner: { js: '#!/usr/bin/env node' },
      minify: production,
      sourcemap: !production,
    }),
    build({
      ...common,
      entryPoints: ['src/extension/extension.ts'],
      outfile: 'dist/extension.js',
      external: ['vscode'],
      minify: production,
      sourcemap: !production,
    }),
    // The extension's lint worker thread (src/extension/lint-client.ts): the core without `vscode`.
    build({
      ...common,
      entryPoints: ['src/extension/lint-worker.ts'],
      outfile: 'dist/lint-worker.js',
      minify: production,
      sourcemap: !production,
    }),
    // The library (package.json "exports"): the core without `vscode`, with its hand-written declarations.
    build({
      ...common,
      entryPoints: ['src/api/index.ts'],
      outfile: 'dist/index.js',
      minify: production,
      sourcemap: !production,
    }).then(() => fs.copyFileSync('src/api/backlog-lint.d.ts', 'dist/index.d.ts')),
  ];
  if (tests) {
    // Bundles of deleted or renamed tests must not linger where mocha looks for tests.
    for (const dir of ['out/test', 'out/rules']) fs.rmSync(dir, { recursive: true, force: true });
    // Unit tests: every *.test.ts under test/ and rules/, one bundle each, mirrored under out/.
    const unitTests = [...findFiles('test/unit', '.test.ts'), ...findFiles('rules', '.test.ts')];
    builds.push(
      build({
        ...common,
        entryPoints: unitTests,
        outdir: 'out',
        outbase: '.',
        sourcemap: true,
        external: ['mocha'],
      }),
    );
    // Tests that run inside VS Code's extension host (real-VS-Code harness and @vscode/test-electron).
    const hostEntries = [...findFiles('test/vscode', '.ts')].filter((f) => !f.endsWith('.d.ts'));
    if (hostEntries.length > 0) {
      builds.push(
        build({
          ...common,
          entryPoints: hostEntries,
          outdir: 'out',
          outbase: '.',
          sourcemap: true,
          external: ['vscode', 'mocha'],
        }),
      );
    }
  }
  await Promise.all(builds);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
