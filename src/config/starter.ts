/** The `.backlog-lint.jsonc` that `--init` writes. */
import type { Rule } from '../core/rule';
import { SCHEMA_URL } from './json-schema';

/**
 * A commented starter config. Given the known rules, it lists a few of them at their default severity so
 * the file validates as written; without rules it shows the syntax in a comment.
 */
export function starterConfig(rules: readonly Rule<any>[] = []): string {
  const examples = rules
    .slice(0, 3)
    .map((rule) => `    ${JSON.stringify(rule.meta.id)}: ${JSON.stringify(rule.meta.severity)}`);
  const ruleLines = examples.length > 0 ? examples.join(',\n') : '    // "rule-id": "warning"';
  return `// backlog-lint configuration. Every key is optional; see
// https://github.com/backlog-lint/backlog-lint#configuration
{
  "$schema": "${SCHEMA_URL}",
  // Do not merge config files from parent folders.
  "root": true,
  // Roles whose rules run: "po" (Product Owner), "pm" (Product Manager).
  "roles": ["po", "pm"],
  // Rules not listed run at their default severity.
  // Set one to "off", "info", "warning" or "error", or to [severity, options].
  "rules": {
${ruleLines}
  },
  // Words the ambiguous-language rule accepts, e.g. terms your glossary defines precisely.
  "allowWords": ["real-time"],
  // Files and folders not to lint, relative to this file.
  "ignores": ["drafts/**"]
}
`;
}
