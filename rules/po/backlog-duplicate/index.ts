import type { Story } from '../../../src/core/rule-api';
import { defineRule, type CrossFileItem } from '../../../src/core/rule-api';
import { normalize, tokens, wellFormedStories } from '../_lib/stories';
import { memoByText } from '../../../src/core/rule-api';
import docs from './README.md';
import { firstDuplicates, type Entry } from './similarity';

/** Words that do not change what a goal asks for ("save my cart" = "save the cart"). */
const FILLER = new Set([
  'my',
  'our',
  'your',
  'their',
  'its',
  'this',
  'that',
  'these',
  'those',
  'to',
  'be',
  'able',
  'of',
  'for',
  'some',
  'all',
  'any',
]);

/** Memoised by the statement's parts: they are all an entry is made of. */
const entryOf = memoByText(
  ({ statement }: Story) =>
    `${statement.span.text}\u0000${statement.role?.text ?? ''}\u0000${statement.means?.text ?? ''}`,
  ({ statement: { role, means, span } }: Story): Entry => ({
    text: normalize(span.text),
    role: role ? normalize(role.text) : '',
    means: means ? tokens(means.text).filter((t) => !FILLER.has(t)) : [],
  }),
);

const MESSAGE = (where: string) => `Duplicate of the story at ${where}: merge them, or say how they differ`;

export default defineRule({
  meta: {
    id: 'backlog-duplicate',
    role: 'po',
    artifacts: ['backlog', 'story'],
    severity: 'warning',
    description:
      'The same or nearly the same user story appears twice, in one backlog or across the files linted together.',
    rationale:
      'A duplicate story is estimated, ordered and built twice, and the two copies drift apart; the Product Owner keeps one backlog item per need.',
    fixable: false,
  },
  docs,
  check(ctx) {
    const stories = wellFormedStories(ctx.model);
    firstDuplicates(stories.map(entryOf)).forEach((first, i) => {
      if (first < 0) return;
      const story = stories[i] as Story;
      const line = ctx.doc.lines.positionAt((stories[first] as Story).statement.span.start).line;
      ctx.report({ artifact: 'story', span: story.statement.span, message: MESSAGE(`line ${line}`) });
    });
  },
  crossFile: {
    collect(ctx) {
      return wellFormedStories(ctx.model).map((story): CrossFileItem => {
        const { span } = story.statement;
        const s = ctx.doc.lines.positionAt(span.start);
        const e = ctx.doc.lines.positionAt(span.end);
        return {
          artifact: 'story',
          span: { start: span.start, end: span.end },
          line: s.line,
          column: s.column,
          endLine: e.line,
          endColumn: e.column,
          key: JSON.stringify(entryOf(story)),
        };
      });
    },
    checkAcross(items) {
      const entries = items.map(({ item }) => JSON.parse(item.key) as Entry);
      const first = firstDuplicates(entries);
      // Duplicates inside one file are reported by `check`; here only stories whose first copy is in another file.
      const inFile = new Set<number>();
      const byFile = new Map<string, number[]>();
      items.forEach(({ filePath }, i) => {
        const list = byFile.get(filePath) ?? [];
        list.push(i);
        byFile.set(filePath, list);
      });
      for (const indices of byFile.values()) {
        firstDuplicates(indices.map((i) => entries[i] as Entry)).forEach((f, k) => {
          if (f >= 0) inFile.add(indices[k] as number);
        });
      }
      return items.flatMap(({ filePath, item }, i) => {
        const original = items[first[i] as number];
        if (!original || original.filePath === filePath || inFile.has(i)) return [];
        const name = original.filePath.split(/[\\/]/).pop();
        return [{ filePath, item, message: MESSAGE(`${name}:${original.item.line}`) }];
      });
    },
  },
});
