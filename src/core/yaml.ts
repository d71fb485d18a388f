/**
 * Turning a parsed YAML document into data. `toJS()` still throws after a clean parse, for an alias
 * with no anchor before it or one that expands past the library's alias limit (a "billion laughs"
 * document); that is an error in the YAML, reported like a syntax error, at the first alias.
 */
import { isAlias, visit, type Document } from 'yaml';

export type YamlValue = { data: unknown } | { error: { message: string; offset: number } };

export function yamlValue(doc: Document): YamlValue {
  try {
    return { data: doc.toJS() };
  } catch (err) {
    let offset = 0;
    visit(doc, (_key, node) => {
      if (!isAlias(node)) return undefined;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    });
    return { error: { message: (err as Error).message, offset } };
  }
}
