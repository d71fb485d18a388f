/** Turns config file text into plain data, reporting syntax errors with file, line and column. */
// The ESM build: the package's `main` is a UMD wrapper whose dynamic requires esbuild cannot bundle.
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { parseDocument } from 'yaml';
import { yamlValue } from '../core/yaml';
import { ConfigError } from './errors';

/**
 * `json` is strict JSON (so the file stays readable by any JSON tool); `jsonc` also allows comments and
 * trailing commas; `package.json` is strict JSON whose `"backlog-lint"` key holds the config.
 */
export type ConfigFormat = 'json' | 'jsonc' | 'yaml' | 'package.json';

export const PACKAGE_JSON_KEY = 'backlog-lint';

/** The format for a config file name. Unknown extensions (an explicit `--config` file) are read as JSONC. */
export function formatOf(fileName: string): ConfigFormat {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'package.json') return 'package.json';
  if (base.endsWith('.json')) return 'json';
  if (base.endsWith('.yaml') || base.endsWith('.yml')) return 'yaml';
  return 'jsonc';
}

/**
 * The config data in the file, or undefined for a package.json without a `"backlog-lint"` key.
 * `keyPrefix` is where the config sits in the file (`['backlog-lint']` in package.json), for key paths.
 */
export function parseConfigText(
  file: string,
  text: string,
  format: ConfigFormat,
): { data: unknown; keyPrefix: string[] } | undefined {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return parseConfigSource(file, source, format);
  } catch (err) {
    // The JSON and YAML parsers recurse per level: a value nested 100,000 deep overflows the stack.
    if (err instanceof RangeError && /call stack/i.test(err.message))
      throw new ConfigError(file, '', 'nested too deeply to read (too many levels of arrays or objects)');
    throw err;
  }
}

function parseConfigSource(
  file: string,
  source: string,
  format: ConfigFormat,
): { data: unknown; keyPrefix: string[] } | undefined {
  switch (format) {
    case 'json':
      return { data: parseJsonText(file, source, false, 'JSON'), keyPrefix: [] };
    case 'jsonc':
      return { data: parseJsonText(file, source, true, 'JSONC'), keyPrefix: [] };
    case 'yaml':
      // An empty YAML file (or one holding only comments) is an empty config, not an error.
      return { data: parseYamlText(file, source) ?? {}, keyPrefix: [] };
    case 'package.json': {
      const pkg = parseJsonText(file, source, false, 'JSON');
      if (!isPlainObject(pkg) || !(PACKAGE_JSON_KEY in pkg)) return undefined;
      return { data: pkg[PACKAGE_JSON_KEY], keyPrefix: [PACKAGE_JSON_KEY] };
    }
  }
}

function parseJsonText(file: string, text: string, lenient: boolean, label: string): unknown {
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, {
    disallowComments: !lenient,
    allowTrailingComma: lenient,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first) {
    throw new ConfigError(file, '', `invalid ${label}: ${describeJsonError(first)}`, positionAt(text, first.offset));
  }
  return data;
}

/** 'CommaExpected' → 'comma expected'. */
function describeJsonError(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/(?<=[a-z])(?=[A-Z])/g, ' ')
    .toLowerCase();
}

function parseYamlText(file: string, text: string): unknown {
  // uniqueKeys (the default) makes a repeated key an error instead of a silent overwrite.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) throw new ConfigError(file, '', `invalid YAML: ${first.message}`, positionAt(text, first.pos[0]));
  const value = yamlValue(doc);
  if ('error' in value)
    throw new ConfigError(file, '', `invalid YAML: ${value.error.message}`, positionAt(text, value.error.offset));
  return value.data;
}

/** 1-based line and column (UTF-16 units) of an offset. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
