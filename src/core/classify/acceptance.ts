/** Acceptance criteria of a story: a labelled block (heading or bold label), Given/When/Then lines, or nested bullets. */
import type { Code, Heading, List, ListItem, Paragraph, RootContent, TableCell } from 'mdast';
import type { ParsedDocument } from '../document';
import { lineEndAt, spanOf } from '../document';
import type { AcceptanceCriteria, Criterion } from '../model';
import { memoByText } from '../memo';
import type { Span } from '../types';
import { GHERKIN_SHAPE, NOTE_START } from './statement';
import { normalizeLabel, offsets, plainText } from './text';

const GHERKIN_START =
  /^\s*(?:[-*+]\s+)?(?:\[[ xX]\]\s*)?[*_]*(?:given|when|then|and|but|scenario(?: outline)?|background)\b/i;
const GHERKIN_ANYWHERE = /\b(?:given|when)\b[\s\S]*\bthen\b/i;

/** Memoised, like the label checks below: the editor classifies the same criteria on every keystroke. */
export const isGherkin = memoByText(
  (text: string) => text,
  (text: string): boolean => GHERKIN_START.test(text) || GHERKIN_ANYWHERE.test(text) || GHERKIN_SHAPE.test(text),
);

const normalizedLabels = new WeakMap<readonly string[], string[]>();
const firstLineLabel = memoByText(
  (text: string) => text,
  (text: string) => normalizeLabel(text.split('\n')[0] ?? ''),
);

/** True when `text` (a heading, or a paragraph's first line) is one of the acceptance-criteria labels. */
export function matchesLabel(text: string, labels: readonly string[]): boolean {
  const label = firstLineLabel(text);
  let wanted = normalizedLabels.get(labels);
  if (!wanted) {
    wanted = labels.map(normalizeLabel);
    normalizedLabels.set(labels, wanted);
  }
  return wanted.some((want) => {
    if (label === want) return true;
    if (!label.startsWith(want)) return false;
    // "Acceptance criteria (draft)", "AC:" — but not "Access rights" for the label "AC".
    return /^(?:\s*[:(\-–—]|\s+\(|s\b)/.test(label.slice(want.length));
  });
}

function criterion(doc: ParsedDocument, start: number, end: number): Criterion {
  const span = spanOf(doc, start, end);
  return { span, gherkin: isGherkin(span.text) };
}

/** Each item of a list is one criterion (its text up to nested lists). */
function listCriteria(doc: ParsedDocument, list: List): Criterion[] {
  return list.children.map((item: ListItem) => {
    const first = item.children[0];
    const [s, e] = first && first.type === 'paragraph' ? offsets(first) : offsets(item);
    return criterion(doc, s, e);
  });
}

/** Non-blank lines of a paragraph (from `from` on) as criteria. */
function lineCriteria(doc: ParsedDocument, start: number, end: number): Criterion[] {
  const out: Criterion[] = [];
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || doc.text.charCodeAt(i) === 10) {
      let s = lineStart;
      let e = i;
      while (s < e && /\s/.test(doc.text[s] as string)) s++;
      while (e > s && /\s/.test(doc.text[e - 1] as string)) e--;
      if (e > s) out.push(criterion(doc, s, e));
      lineStart = i + 1;
    }
  }
  return out;
}

function codeCriteria(doc: ParsedDocument, code: Code): Criterion[] {
  const [s, e] = offsets(code);
  return lineCriteria(doc, s, e).filter((c) => GHERKIN_START.test(c.span.text));
}

function criteriaOf(doc: ParsedDocument, nodes: readonly RootContent[]): Criterion[] {
  const out: Criterion[] = [];
  for (const node of nodes) {
    if (node.type === 'list') out.push(...listCriteria(doc, node));
    else if (node.type === 'paragraph') out.push(...lineCriteria(doc, ...offsets(node)));
    else if (node.type === 'code') out.push(...codeCriteria(doc, node));
    else if (node.type === 'blockquote') out.push(...criteriaOf(doc, node.children));
  }
  return out;
}

function block(
  doc: ParsedDocument,
  label: Span | undefined,
  start: number,
  end: number,
  criteria: Criterion[],
): AcceptanceCriteria {
  return { label, span: spanOf(doc, start, end), criteria };
}

/** The label at the start of a paragraph: a leading bold run, or the text before a colon on its first line. */
function paragraphLabel(doc: ParsedDocument, p: Paragraph): { label: Span; restStart: number } | null {
  const first = p.children[0];
  const [ps, pe] = offsets(p);
  if (first && first.type === 'strong') {
    const [s, e] = offsets(first);
    let rest = e;
    while (rest < pe && /[\s:]/.test(doc.text[rest] as string)) rest++;
    return { label: spanOf(doc, s, e), restStart: rest };
  }
  const firstLine = doc.text.slice(ps, lineEndAt(doc.text, ps, pe));
  const colon = firstLine.indexOf(':');
  if (colon === -1) {
    return { label: spanOf(doc, ps, ps + firstLine.length), restStart: ps + firstLine.length };
  }
  let rest = ps + colon + 1;
  while (rest < pe && /\s/.test(doc.text[rest] as string)) rest++;
  return { label: spanOf(doc, ps, ps + colon), restStart: rest };
}

/**
 * Finds acceptance criteria among the blocks that follow a story statement.
 * `nestedListCounts`: for a list-item story, a nested list is its criteria even without a label.
 */
export function findAcceptanceCriteria(
  doc: ParsedDocument,
  nodes: readonly RootContent[],
  labels: readonly string[],
  nestedListCounts = false,
): AcceptanceCriteria | null {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as RootContent;
    if (node.type === 'heading' && matchesLabel(plainText(node), labels)) {
      let j = i + 1;
      while (j < nodes.length && !(nodes[j]?.type === 'heading' && (nodes[j] as Heading).depth <= node.depth)) j++;
      const body = nodes.slice(i + 1, j);
      const end = body.length > 0 ? offsets(body[body.length - 1] as RootContent)[1] : offsets(node)[1];
      return block(doc, spanOf(doc, ...offsets(node)), offsets(node)[0], end, criteriaOf(doc, body));
    }
    if (node.type === 'paragraph') {
      const lab = paragraphLabel(doc, node);
      if (lab && matchesLabel(lab.label.text.replace(/[*_]/g, ''), labels)) {
        const [, pe] = offsets(node);
        const criteria = lineCriteria(doc, lab.restStart, pe);
        let end = pe;
        const next = nodes[i + 1];
        if (next && (next.type === 'list' || next.type === 'code')) {
          criteria.push(...criteriaOf(doc, [next]));
          end = offsets(next)[1];
        }
        return block(doc, lab.label, offsets(node)[0], end, criteria);
      }
    }
    if (node.type === 'list') {
      // "- Acceptance criteria:" as a list item with the criteria nested under it.
      for (const item of node.children) {
        const head = item.children[0];
        if (head?.type === 'paragraph' && matchesLabel(plainText(head), labels)) {
          const nested = item.children.slice(1);
          return block(doc, spanOf(doc, ...offsets(head)), offsets(item)[0], offsets(item)[1], criteriaOf(doc, nested));
        }
      }
    }
  }
  if (nestedListCounts) {
    const list = nodes.find((n): n is List => n.type === 'list');
    // Nested notes and examples ("Note: …", "i.e. …") explain the story; they are not what it is accepted by.
    const criteria = list ? criteriaOf(doc, [list]).filter((c) => !NOTE_START.test(c.span.text)) : [];
    if (list && criteria.length > 0) return block(doc, undefined, ...offsets(list), criteria);
  }
  // Unlabelled Given/When/Then lines or a gherkin code block still are acceptance criteria.
  const gherkin = nodes.filter(
    (n) =>
      (n.type === 'code' && /^(?:gherkin|feature|cucumber)$/i.test(n.lang ?? '')) ||
      ((n.type === 'paragraph' || n.type === 'list') &&
        (GHERKIN_START.test(doc.text.slice(...offsets(n))) || GHERKIN_SHAPE.test(doc.text.slice(...offsets(n))))),
  );
  if (gherkin.length > 0) {
    const start = offsets(gherkin[0] as RootContent)[0];
    const end = offsets(gherkin[gherkin.length - 1] as RootContent)[1];
    return block(doc, undefined, start, end, criteriaOf(doc, gherkin));
  }
  return null;
}

/** Criteria in a table cell: one per `<br>`, `<hr>`, `;` or bullet separated part. */
export function cellCriteria(doc: ParsedDocument, cell: TableCell): AcceptanceCriteria | null {
  const [s, e] = offsets(cell);
  const raw = doc.text.slice(s, e);
  const criteria: Criterion[] = [];
  const sep = /<br\s*\/?>|<hr\s*\/?>|;|•|\s-\s(?=[A-Z])/gi;
  let last = 0;
  const push = (a: number, b: number): void => {
    while (a < b && /[\s|]/.test(raw[a] as string)) a++;
    while (b > a && /[\s|]/.test(raw[b - 1] as string)) b--;
    if (b > a) criteria.push(criterion(doc, s + a, s + b));
  };
  for (let m = sep.exec(raw); m; m = sep.exec(raw)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, raw.length);
  if (criteria.length === 0) return null;
  return block(doc, undefined, s, e, criteria);
}
