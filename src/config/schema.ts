/**
 * The zod schema of a config file. It is built from the known rules so that rule ids are checked (and
 * completed in editors, through the generated JSON Schema) and each rule's options are validated against
 * the rule's own schema.
 */
import { z } from 'zod';
import type { Rule } from '../core/rule';
import type { ArtifactKind, Role, Severity } from '../core/types';
import { ARTIFACT_KINDS, ROLES, SEVERITIES } from '../core/types';

/** A rule's setting as written: a severity, or `[severity]` / `[severity, options]`. */
export type RuleEntry = Severity | [Severity] | [Severity, unknown];

export interface OverrideData {
  files: string | string[];
  roles?: Role[];
  rules?: Record<string, RuleEntry>;
  allowWords?: string[];
}

/** A validated config file (the parsed output of {@link buildConfigSchema}). */
export interface ConfigFileData {
  $schema?: string;
  root?: boolean;
  roles?: Role[];
  rules?: Record<string, RuleEntry>;
  artifacts?: Record<string, ArtifactKind>;
  ignores?: string[];
  allowWords?: string[];
  templates?: string;
  acceptanceCriteriaLabels?: string[];
  overrides?: OverrideData[];
  packs?: string[];
  extends?: string | string[];
}

export const SEVERITY_MESSAGE = `expected one of ${SEVERITIES.join(', ')}`;

const severity = z.enum(SEVERITIES as [Severity, ...Severity[]]);
const role = z.enum(ROLES as [Role, ...Role[]]);
const nonEmpty = z.string().min(1);
const glob = nonEmpty.describe('A glob, relative to the folder of this config file.');

function ruleEntrySchema(rule: Rule<unknown>): z.ZodType {
  // A rule without options accepts `[severity]` only, so stray options are reported instead of ignored.
  const tuple = rule.options
    ? z.tuple([severity, rule.options.optional()])
    : z.tuple([severity], z.never({ error: 'this rule takes no options' }));
  return z.union([severity, tuple], { error: SEVERITY_MESSAGE }).describe(rule.meta.description);
}

/** A pack rule's setting: a severity, or `[severity]` (pack rules take no options). */
const packRuleEntry = z.union([severity, z.tuple([severity], z.never({ error: 'rules from packs take no options' }))], {
  error: SEVERITY_MESSAGE,
});

function rulesSchema(rules: readonly Rule<any>[], packRuleIds: readonly string[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const rule of rules) shape[rule.meta.id] = ruleEntrySchema(rule).optional();
  for (const id of packRuleIds) shape[id] ??= packRuleEntry.optional();
  return z.strictObject(shape).describe('Rule id → "off" | "info" | "warning" | "error", or [severity, options].');
}

const rolesSchema = z
  .array(role)
  .min(1)
  .describe('Roles whose rules run: "po" (Product Owner), "pm" (Product Manager). Default: both.');
const allowWordsSchema = z
  .array(nonEmpty)
  .describe('Words the ambiguous-language rule accepts. Concatenated across config files.');

/** Top-level keys, for "did you mean" suggestions. */
export const CONFIG_KEYS = [
  '$schema',
  'root',
  'roles',
  'rules',
  'artifacts',
  'ignores',
  'allowWords',
  'templates',
  'acceptanceCriteriaLabels',
  'overrides',
  'packs',
  'extends',
] as const;
export const OVERRIDE_KEYS = ['files', 'roles', 'rules', 'allowWords'] as const;

export function buildConfigSchema(rules: readonly Rule<any>[], packRuleIds: readonly string[] = []) {
  const ruleSettings = rulesSchema(rules, packRuleIds);
  const override = z.strictObject({
    files: z
      .union([glob, z.array(glob).min(1)], { error: 'expected a glob or an array of globs' })
      .describe('Glob(s) of the files this override applies to.'),
    roles: rolesSchema.optional(),
    rules: ruleSettings.optional(),
    allowWords: allowWordsSchema.optional(),
  });
  const shape = {
    $schema: z.string().optional().describe('JSON Schema reference, for editors. Ignored.'),
    root: z.boolean().optional().describe('Stop looking for config files in parent folders.'),
    roles: rolesSchema.optional(),
    rules: ruleSettings.optional(),
    artifacts: z
      .record(glob, z.enum(ARTIFACT_KINDS as [ArtifactKind, ...ArtifactKind[]]))
      .optional()
      .describe('Glob → artifact kind, forcing the kind of matching files. The nearest config wins.'),
    ignores: z.array(glob).optional().describe('Globs of files (or folders) not to lint.'),
    allowWords: allowWordsSchema.optional(),
    templates: nonEmpty
      .optional()
      .describe('Folder whose *.md files override built-in fix templates (file name without .md = template key).'),
    acceptanceCriteriaLabels: z
      .array(nonEmpty)
      .min(1)
      .optional()
      .describe('Labels that open an acceptance-criteria block, compared case-insensitively.'),
    overrides: z
      .array(override)
      .optional()
      .describe('Per-glob roles, rules and allowWords, applied in order after merging (later entries win).'),
    packs: z
      .array(nonEmpty)
      .max(32)
      .optional()
      .describe("Rule packs (YAML or JSON files inside this config's folder tree) whose rules run as acme/<rule-id>."),
    extends: z
      .union([nonEmpty, z.array(nonEmpty).max(16)], { error: 'expected a preset name or an array of them' })
      .optional()
      .describe(
        'Presets applied before this file: backlog-lint:recommended, backlog-lint:strict, backlog-lint:definition-of-ready, or an npm package in node_modules (read as JSON/YAML, never run).',
      ),
  } satisfies Record<(typeof CONFIG_KEYS)[number], z.ZodType>;
  return z.strictObject(shape).describe('backlog-lint configuration');
}
