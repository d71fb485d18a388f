/** The JSON Schema of config files, generated from the zod schema, for editor validation and completion. */
import { z } from 'zod';
import type { Rule } from '../core/rule';
import { packSchema } from './pack-schema';
import { buildConfigSchema } from './schema';

/** Where the published schema lives; `--init` writes it as `$schema`. */
export const SCHEMA_URL =
  'https://raw.githubusercontent.com/backlog-lint/backlog-lint/main/schemas/backlog-lint.schema.json';

export function buildJsonSchema(rules: readonly Rule<any>[]): Record<string, unknown> {
  const schema = z.toJSONSchema(buildConfigSchema(rules), {
    // The input side: what users write (options with defaults are optional there).
    io: 'input',
    // Draft-07 is the draft VS Code's JSON language service supports best.
    target: 'draft-07',
    // A rule option zod cannot express (a transform, say) becomes "anything" instead of failing the build.
    unrepresentable: 'any',
  });
  return { $id: SCHEMA_URL, ...schema };
}

/** The file text of schemas/backlog-lint.schema.json. */
export function renderJsonSchema(rules: readonly Rule<any>[]): string {
  return `${JSON.stringify(buildJsonSchema(rules), null, 2)}\n`;
}

export const PACK_SCHEMA_URL =
  'https://raw.githubusercontent.com/backlog-lint/backlog-lint/main/schemas/backlog-lint-pack.schema.json';

/** The file text of schemas/backlog-lint-pack.schema.json, for completion in pack files. */
export function renderPackJsonSchema(): string {
  const schema = z.toJSONSchema(packSchema, { io: 'input', target: 'draft-07', unrepresentable: 'any' });
  return `${JSON.stringify({ $id: PACK_SCHEMA_URL, ...schema }, null, 2)}\n`;
}
