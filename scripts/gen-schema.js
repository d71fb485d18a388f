// Writes schemas/backlog-lint.schema.json, the JSON Schema of config files, from the zod schema and the
// registered rules (so editors complete rule ids and validate rule options).
// Usage: node scripts/gen-schema.js [--check]   (--check: exit 1 if the checked-in file is stale)
// The TypeScript sources are bundled in memory with esbuild and run here; nothing is written but the schema.
const esbuild = require('esbuild');
const fs = require('fs');
const Module = require('module');
const path = require('path');

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'schemas', 'backlog-lint.schema.json');

function renderSchema() {
  const entry = path.join(root, 'scripts', 'gen-schema.entry.ts');
  const result = esbuild.buildSync({
    stdin: {
      contents: [
        "import { allRules } from './rules';",
        "import { renderJsonSchema } from './src/config/jsonSchema';",
        'export const text = renderJsonSchema(allRules);',
      ].join('\n'),
      resolveDir: root,
      sourcefile: entry,
      loader: 'ts',
    },
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
  return bundle.exports.text;
}

const text = renderSchema();
const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${path.relative(root, target)} is stale: run node scripts/gen-schema.js`);
    process.exit(1);
  }
} else if (current !== text) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`Wrote ${path.relative(root, target)}`);
}
