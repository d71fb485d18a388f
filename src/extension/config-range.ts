/**
 * Where in a config file its error is: the range of the key the ConfigError names (`rules.story-benefit`,
 * `overrides[0].files`), from the key through its value, found with jsonc-parser's ESM build, as src/config/parse.ts (JSON, JSONC and
 * package.json, under its "backlog-lint" key) or the yaml parser. Falls back to the error's line and
 * column, else the first line, so the squiggle is never an invisible zero-width mark at 1:1.
 */
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

export interface TextRange {
  start: number;
  end: number;
}

/** `overrides[0].rules["odd key"]` → ['overrides', 0, 'rules', 'odd key']; undefined if it does not parse. */
export function parseKeyPath(keyPath: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  const token = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < keyPath.length) {
    token.lastIndex = at;
    const m = token.exec(keyPath);
    if (!m) return undefined;
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3] as string) as string)));
    at = token.lastIndex;
  }
  return out;
}

function jsonRange(text: string, keys: (string | number)[]): TextRange | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  // The deepest node that exists: a key path can name something missing inside an existing object.
  for (let n = keys.length; n > 0; n--) {
    const node: JsonNode | undefined = findNodeAtLocation(root, keys.slice(0, n));
    if (!node) continue;
    const property = node.parent?.type === 'property' ? node.parent : undefined;
    const from = property ?? node;
    return { start: from.offset, end: from.offset + from.length };
  }
  return undefined;
}

function yamlRange(text: string, keys: (string | number)[]): TextRange | undefined {
  const doc = parseDocument(text);
  let node: unknown = doc.contents;
  let found: TextRange | undefined;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      const keyNode = pair?.key as YamlNode | undefined;
      if (!pair || !keyNode?.range) break;
      const value = pair.value as YamlNode | null;
      found = { start: keyNode.range[0], end: value?.range ? value.range[1] : keyNode.range[1] };
      node = value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as YamlNode | undefined;
      if (!item?.range) break;
      found = { start: item.range[0], end: item.range[1] };
      node = item;
    } else {
      break;
    }
  }
  return found;
}

function lineRange(text: string, line: number, column?: number): TextRange {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) break;
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  const end = nl === -1 ? text.length : nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
  const from = Math.min(end, start + Math.max(0, (column ?? 1) - 1));
  // A syntax error's column: underline from there to the end of its line; on an empty last line
  // (an unclosed brace at the end of the file), the character before it.
  const to = Math.max(end, Math.min(text.length, from + 1));
  return to > from ? { start: from, end: to } : { start: Math.max(0, from - 1), end: from };
}

export function configErrorRange(
  file: string,
  text: string,
  error: { keyPath: string; line?: number; column?: number },
): TextRange {
  const keys = error.keyPath ? parseKeyPath(error.keyPath) : undefined;
  if (keys && keys.length > 0) {
    const name = path.basename(file);
    const found = /\.ya?ml$/i.test(name)
      ? yamlRange(text, keys)
      : jsonRange(text, name === 'package.json' && keys[0] !== 'backlog-lint' ? ['backlog-lint', ...keys] : keys);
    if (found) return found;
  }
  return lineRange(text, error.line ?? 1, error.column);
}
