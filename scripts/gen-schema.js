// Writes schemas/backlog-lint.schema.json, the JSON Schema of config files (and schemas/backlog-lint-pack.schema.json, of packs), from the zod schema and the
// registered rules (so editors complete rule ids and validate rule options).
// Usage: node scripts/gen-schema.js [--check]   (--check: exit 1 if the checked-in file is stale)
const path = require('node:path');
const { loadTs, writeOrCheck, root } = require('./lib/load-ts');

const { text, pack } = loadTs(
  [
    "import { allRules } from './rules';",
    "import { renderJsonSchema, renderPackJsonSchema } from './src/config/json-schema';",
    'export const text = renderJsonSchema(allRules);',
    'export const pack = renderPackJsonSchema();',
  ].join('\n'),
  'gen-schema',
);
writeOrCheck(path.join(root, 'schemas', 'backlog-lint.schema.json'), text, 'node scripts/gen-schema.js');
writeOrCheck(path.join(root, 'schemas', 'backlog-lint-pack.schema.json'), pack, 'node scripts/gen-schema.js');
