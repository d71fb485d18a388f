/**
 * findStatement, findStem and continuationOf, memoised by text: the editor classifies a document again on
 * every keystroke, and nearly every story's text is unchanged. A result is cached as found at offset 0 and
 * moved to where the text sits now.
 */
import { memoByText } from '../memo';
import type { StoryStatement } from '../model';
import type { Span } from '../types';
import { continuationOf, findStatement, findStem, type Stem } from './statement';

const statementOf = memoByText(
  (text: string) => text,
  (text: string) => findStatement(text, 0),
);
const stemOf = memoByText(
  (text: string) => text,
  (text: string) => findStem(text, 0),
);
const continuationFor = memoByText(
  ({ text, stem }: { text: string; stem: Stem }) => `${stem.language}\u0000${stem.form}\u0000${text}`,
  ({ text, stem }: { text: string; stem: Stem }) => continuationOf(text, 0, stem),
);

const SPAN_KEYS = ['span', 'role', 'means', 'ends', 'trailing'] as const;

function movedSpan(span: Span, base: number): Span {
  return { start: span.start + base, end: span.end + base, text: span.text };
}

function moved(statement: StoryStatement, base: number): StoryStatement {
  const out: StoryStatement = { ...statement };
  for (const key of SPAN_KEYS) {
    const span: Span | undefined = statement[key];
    if (span) out[key] = movedSpan(span, base);
  }
  return out;
}

export function statementAt(text: string, base: number): StoryStatement | null {
  const found = statementOf(text);
  return found && moved(found, base);
}

export function stemAt(text: string, base: number): Stem | null {
  const found = stemOf(text);
  return found && { ...found, role: movedSpan(found.role, base) };
}

/** A bullet's statement under `stem`; the role is the stem's, where it already sits in the document. */
export function continuationAt(text: string, base: number, stem: Stem): StoryStatement | null {
  const found = continuationFor({ text, stem });
  if (!found) return null;
  const out = moved({ ...found, role: undefined }, base);
  out.role = stem.role;
  return out;
}
