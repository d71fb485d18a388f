// Rewrites the metadata line of each rule's README (Role · Artifact · Default severity · Fixable) from
// the rule's meta. Usage: node scripts/gen-rule-docs.js [--check]
const fs = require('node:fs');
const path = require('node:path');
const { loadTs, writeOrCheck, root } = require('./lib/load-ts');

const { rules, withDocsHeader } = loadTs(
  [
    "import { builtinRules } from './src/rule-set';",
    "export { withDocsHeader } from './src/docs/rule-header';",
    'export const rules = builtinRules.map((r) => r.meta);',
  ].join('\n'),
  'gen-rule-docs',
);
for (const meta of rules) {
  const file = path.join(root, 'rules', meta.role, meta.id, 'README.md');
  writeOrCheck(file, withDocsHeader(fs.readFileSync(file, 'utf8'), meta), 'node scripts/gen-rule-docs.js');
}
