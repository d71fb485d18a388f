/**
 * Patterns from packs run on RE2 (re2js): matching time is linear in the text whatever the pattern, so a
 * team's `(a+)+$` cannot hang the editor or CI the way it would on JavaScript's backtracking engine.
 * Word lists become one escaped alternation, compiled once per rule.
 */
import { RE2JS } from 're2js';
import { termAlternation } from '../../src/core/rule-api';

export interface Match {
  start: number;
  end: number;
  text: string;
}

export type Matcher = (text: string, base: number) => Match[];

/** At most this many matches per rule and text: one finding per occurrence, but never an unbounded list. */
export const MAX_MATCHES = 100;

/** Compiles `source` (RE2 syntax) or throws an Error saying why, for the loader to attach the key to. */
export function compilePattern(source: string): RE2JS {
  try {
    return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (err) {
    throw new Error(`invalid pattern ${JSON.stringify(source)}: ${(err as Error).message}`);
  }
}

/** Whole-word, case-insensitive matches of any of `terms`, plus any of `patterns`. */
export function matcherFor(terms: readonly string[], patterns: readonly string[] = []): Matcher {
  const compiled: RE2JS[] = [];
  if (terms.length > 0) {
    compiled.push(
      RE2JS.compile(`(?:^|\\b)(?:${termAlternation(terms.map((t) => t.trim()))})(?:\\b|$)`, RE2JS.CASE_INSENSITIVE),
    );
  }
  for (const p of patterns) compiled.push(compilePattern(p));
  return (text, base) => {
    const out: Match[] = [];
    for (const re of compiled) {
      const m = re.matcher(text);
      while (out.length < MAX_MATCHES && m.find()) {
        const start = m.start();
        const end = m.end();
        if (end === start) continue;
        out.push({ start: base + start, end: base + end, text: text.slice(start, end) });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  };
}
