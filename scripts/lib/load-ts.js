// Bundles a few lines of TypeScript that import the project's sources (in memory, with esbuild) and
// returns the module's exports: lets the doc and schema generators use the real rule registry.
const esbuild = require('esbuild');
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function loadTs(contents, name) {
  const entry = path.join(root, 'scripts', `${name}.entry.ts`);
  const result = esbuild.buildSync({
    stdin: { contents, resolveDir: root, sourcefile: entry, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    loader: { '.md': 'text' },
    write: false,
    logLevel: 'warning',
  });
  const bundle = new Module(entry);
  bundle.filename = entry;
  bundle.paths = Module._nodeModulePaths(root);
  bundle._compile(result.outputFiles[0].text, entry);
  return bundle.exports;
}

/** Writes `text` to `target` if it changed; with --check, exits 1 when the file is stale instead. */
function writeOrCheck(target, text, command) {
  const fs = require('node:fs');
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  const rel = path.relative(root, target);
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error(`${rel} is stale: run ${command}`);
      process.exit(1);
    }
  } else if (current !== text) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    console.log(`Wrote ${rel}`);
  }
}

module.exports = { loadTs, writeOrCheck, root };
