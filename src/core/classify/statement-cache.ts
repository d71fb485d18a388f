/**
 * findStatement, memoised by text: the editor classifies a document again on every keystroke, and
 * nearly every story's text is unchanged. A statement is cached as found at offset 0 and moved to
 * where the text sits now.
 */
import { memoByText } from '../memo';
import type { StoryStatement } from '../model';
import type { Span } from '../types';
import { findStatement } from './statement';

const statementOf = memoByText((text: string) => text, (text: string) => findStatement(text, 0));

const SPAN_KEYS = ['span', 'role', 'means', 'ends', 'trailing'] as const;

function moved(statement: StoryStatement, base: number): StoryStatement {
  const out: StoryStatement = { ...statement };
  for (const key of SPAN_KEYS) {
    const span: Span | undefined = statement[key];
    if (span) out[key] = { start: span.start + base, end: span.end + base, text: span.text };
  }
  return out;
}

export function statementAt(text: string, base: number): StoryStatement | null {
  const found = statementOf(text);
  return found && moved(found, base);
}
