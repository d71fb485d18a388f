/** Checks parsed config data against the schema and turns zod issues into `file: key.path: problem` errors. */
import type { z } from 'zod';
import type { Rule } from '../core/rule';
import { ConfigError, formatKeyPath } from './errors';
import type { ConfigFileData } from './schema';
import { buildConfigSchema, CONFIG_KEYS, OVERRIDE_KEYS } from './schema';
import { closest } from '../core/suggest';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export interface ConfigValidator {
  /** The validated config, or a ConfigError listing every problem (the first one's key path on `keyPath`). */
  validate(file: string, data: unknown, keyPrefix?: readonly string[], packRuleIds?: readonly string[]): ConfigFileData;
}

export function createValidator(rules: readonly Rule<any>[]): ConfigValidator {
  const schemas = new Map<string, ReturnType<typeof buildConfigSchema>>([['', buildConfigSchema(rules)]]);
  const builtinIds = rules.map((rule) => rule.meta.id);
  return {
    validate(file, data, keyPrefix = [], packRuleIds = []) {
      // One schema per set of pack rules in force (usually one set per workspace).
      const key = packRuleIds.join('\n');
      let schema = schemas.get(key);
      if (!schema) schemas.set(key, (schema = buildConfigSchema(rules, packRuleIds)));
      const ruleIds = [...builtinIds, ...packRuleIds];
      const result = schema.safeParse(data);
      if (result.success) return result.data as ConfigFileData;
      const problems = result.error.issues.flatMap((issue) => describeIssue(issue, [], data, ruleIds));
      const first = problems[0]!;
      const error = new ConfigError(file, formatKeyPath([...keyPrefix, ...first.path]), first.message);
      // Report every problem at once so a user does not fix a config one error per run.
      const rest = problems
        .slice(1)
        .map((p) => new ConfigError(file, formatKeyPath([...keyPrefix, ...p.path]), p.message));
      if (rest.length > 0) error.message = [error.message, ...rest.map((e) => e.message)].join('\n');
      throw error;
    },
  };
}

interface Problem {
  path: Path;
  message: string;
}

/** One zod issue → problems with full paths. `base` is the path of the union the issue came from, if any. */
function describeIssue(issue: Issue, base: Path, data: unknown, ruleIds: readonly string[]): Problem[] {
  const path = [...base, ...issue.path];
  const missing =
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(data, path) === undefined;
  if (missing) return [{ path, message: 'required' }];
  switch (issue.code) {
    case 'invalid_union': {
      const branch = pickUnionBranch(issue.errors);
      // No branch fits the value's type: the union's own message says what is expected.
      if (!branch) return [{ path, message: issue.message }];
      return branch.flatMap((inner) => describeIssue(inner, path, data, ruleIds));
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: unknownKeyMessage(path, key, ruleIds) }));
    case 'invalid_value':
      return [{ path, message: `expected one of ${issue.values.map(String).join(', ')}` }];
    case 'invalid_type':
      // zod's default messages start with "Invalid input"; anything else is a message a schema chose.
      if (!issue.message.startsWith('Invalid input')) return [{ path, message: issue.message }];
      return [{ path, message: `expected ${typeName(issue.expected)}, got ${typeOf(valueAt(data, path))}` }];
    case 'too_small':
      if (issue.origin === 'array') return [{ path, message: `expected at least ${count(issue.minimum, 'item')}` }];
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return [{ path, message: 'must not be empty' }];
      return [{ path, message: issue.message }];
    case 'too_big':
      if (issue.origin === 'array') return [{ path, message: `expected at most ${count(issue.maximum, 'item')}` }];
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}

/**
 * The union branch that matches the value's shape: one whose problems are all nested (the value had the
 * right type, something inside is wrong), else one whose problem is not a type or value mismatch (an array
 * of the wrong length, say). Undefined when every branch rejects the value outright.
 */
function pickUnionBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const nested = branches.find((issues) => issues.every((i) => i.path.length > 0));
  if (nested) return nested;
  return branches.find((issues) =>
    issues.every((i) => i.path.length > 0 || (i.code !== 'invalid_type' && i.code !== 'invalid_value')),
  );
}

function unknownKeyMessage(path: Path, key: string, ruleIds: readonly string[]): string {
  const inRules = path[path.length - 1] === 'rules' && (path.length === 1 || path[0] === 'overrides');
  if (inRules) return withSuggestion('unknown rule', closest(key, ruleIds));
  if (path.length === 0) return withSuggestion('unknown key', closest(key, CONFIG_KEYS));
  if (path.length === 2 && path[0] === 'overrides') return withSuggestion('unknown key', closest(key, OVERRIDE_KEYS));
  return 'unknown key';
}

function withSuggestion(message: string, suggestion: string | undefined): string {
  return suggestion ? `${message} (did you mean ${suggestion}?)` : message;
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function typeName(expected: string): string {
  if (expected === 'tuple' || expected === 'array') return 'an array';
  if (expected === 'object' || expected === 'record') return 'an object';
  return `a ${expected}`;
}

function count(n: number | bigint, noun: string): string {
  return `${n} ${noun}${Number(n) === 1 ? '' : 's'}`;
}
