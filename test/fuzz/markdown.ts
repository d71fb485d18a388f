/**
 * fast-check generators of Markdown a backlog-lint user might feed it: the artifacts it knows (stories,
 * backlogs, PRDs, roadmaps, epics) mixed with everything Markdown allows around them (front matter, tables,
 * HTML comments and directives, code fences, deep nesting, unicode, tabs, very long lines), then mutated
 * at the byte level and given CRLF / lone CR line endings or a BOM.
 * Shared by the short runs in `npm test` (test/unit/fuzz.test.ts) and the long run (`npm run fuzz`).
 */
import * as fc from 'fast-check';

/** Words and phrases the classifier and the rules react to, so the fuzzer reaches the interesting paths. */
const WORDS = [
  'user',
  'admin',
  'visitor',
  'upload',
  'share',
  'photos',
  'and',
  'or',
  'so',
  'that',
  'fast',
  'etc.',
  'TBD',
  'TODO',
  'as appropriate',
  'user-friendly',
  'real-time',
  'pricing',
  'market size',
  'revenue',
  'competitor',
  'story points',
  'sprint 4',
  'Q3 2025',
  'Now',
  'Next',
  'Later',
  '<placeholder>',
  '{{name}}',
  '[describe the problem]',
  '…',
  '10%',
  'by the end of Q2',
  'within a week',
  'no more than 200 ms',
  'MVP',
  'Given',
  'When',
  'Then',
  'And',
  'so I can',
  'I want',
  'As a',
  'As an',
  'e.g.',
  '(for example)',
  'because',
  'to reduce churn',
  'Acceptance criteria',
  'AC',
];

const UNICODE = [
  'é',
  'ß',
  'Ω',
  '中文',
  'العربية',
  '\u200b',
  '\u00a0',
  'e\u0301',
  '👩‍💻',
  '🚀',
  '\uD83D',
  '\uDE00',
  '\u2028',
  '\t',
  '\\',
  '`',
  '*',
  '_',
  '|',
  '<',
  '>',
  '&',
  '#',
  '[',
  ']',
  '(',
  ')',
  '!',
  ':',
  '-',
];

const HEADINGS = [
  'Acceptance criteria',
  'Acceptance Criteria:',
  'AC',
  'Definition of done',
  'Problem',
  'Motivation',
  'Goals',
  'Non-goals',
  'Out of scope',
  'Success metrics',
  'Metrics',
  'Risks',
  'Open questions',
  'Assumptions',
  'Target users',
  'Personas',
  'Audience',
  'Objective',
  'Why',
  'Now',
  'Next',
  'Later',
  'Q1 2026',
  'Roadmap',
  'Backlog',
  'User stories',
  'Summary',
  'Scope',
  'Tasks',
  'Notes',
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** A line of prose: words, sometimes emphasised or linked. */
const prose = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: word },
      { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
      { weight: 1, arbitrary: word.map((w) => `_${w}_`) },
      { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.com/${w.length})`) },
      { weight: 1, arbitrary: word.map((w) => `\`${w}\``) },
    ),
    { maxLength: 14 },
  )
  .map((ws) => ws.join(' '));

const story = fc
  .tuple(
    fc.constantFrom('As a', 'As an', 'as a', 'AS A', '**As a**', 'As a\n', 'When'),
    prose,
    fc.constantFrom(', I want to', ' I want', ', I can', ', I want to\n', ' i would like to', ', I need'),
    prose,
    fc.constantFrom('', ' so that', ', so that', ' so I can', '\nso that', ' — so that'),
    prose,
  )
  .map((parts) => parts.join(' ').trim());

const gwt = fc
  .tuple(fc.constantFrom('Given', 'When', 'Then', 'And', 'But', '- Given', '* Then'), prose)
  .map(([k, p]) => `${k} ${p}`);

const indent = fc.constantFrom('', '  ', '    ', '\t', ' ', '   ');

const listItem = fc
  .tuple(indent, fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] '), fc.oneof(story, prose, gwt))
  .map(([i, m, t]) => `${i}${m}${t}`);

const tableRow = (cells: number) =>
  fc
    .array(fc.oneof(prose, story, fc.constant(''), fc.constant('TBD')), { minLength: 1, maxLength: cells + 1 })
    .map((cs) => `| ${cs.join(' | ')} |`);

const table = fc
  .tuple(
    fc.constantFrom(
      ['Story', 'Acceptance criteria'],
      ['Item', 'Why', 'Horizon'],
      ['Feature', 'Outcome', 'When'],
      ['Task', 'Owner', 'Points'],
      ['ID', 'User story', 'Priority'],
      ['Metric', 'Baseline', 'Target'],
      ['a'],
    ),
    fc.boolean(),
    fc.array(fc.nat(), { maxLength: 6 }),
  )
  .chain(([head, aligned, rows]) =>
    fc
      .tuple(...rows.map(() => tableRow(head.length)))
      .map((body) =>
        [
          `| ${head.join(' | ')} |`,
          aligned ? `|${head.map(() => ':---').join('|')}|` : `| ${head.map(() => '---').join(' | ')} |`,
          ...body,
        ].join('\n'),
      ),
  );

const frontMatter = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'story',
        'backlog',
        'epic',
        'prd',
        'roadmap',
        'business-case',
        'roadmap-item',
        'storry',
        'PRD',
        '',
      ),
      fc.constantFrom(
        '',
        'role: po',
        'role: pm',
        'owner: product manager',
        'role: [po, pm]',
        'role: nobody',
        'title: "x"',
      ),
    )
    .map(([type, extra]) => `---\ntype: ${type}\n${extra}\n---`),
  fc.constantFrom(
    '---\ntype: [unclosed\n---',
    '---\n: :\n---',
    '---\n---',
    '---\ntype: story',
    '---\n\t- x\n---',
    '+++\ntype = "story"\n+++',
  ),
);

const comment = fc.oneof(
  fc.constantFrom(
    '<!-- backlog-lint-disable-next-line -->',
    '<!-- backlog-lint-disable story-benefit -->',
    '<!-- backlog-lint-enable -->',
    '<!-- backlog-lint-disable-file -->',
    '<!-- backlog-lint-disable-line ambiguous-language -->',
    '<!-- unclosed',
    '-->',
    '<!---->',
  ),
  prose.map((p) => `<!-- ${p} -->`),
);

const fence = fc
  .tuple(
    fc.constantFrom('```', '~~~', '````', '```gherkin', '```md'),
    fc.array(fc.oneof(prose, gwt, story), { maxLength: 4 }),
    fc.boolean(),
  )
  .map(([f, body, closed]) => [f, ...body, closed ? f.replace(/[a-z]+$/, '') : ''].join('\n'));

const heading = fc
  .tuple(
    fc.integer({ min: 1, max: 7 }),
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HEADINGS) },
      { weight: 2, arbitrary: story },
      { weight: 1, arbitrary: prose },
    ),
  )
  .map(([d, t]) => `${'#'.repeat(d)} ${t}`);

const deepNesting = fc
  .tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom('> ', '- ', '  - ', '1. ', '>- '), fc.oneof(story, prose))
  .map(([n, m, t]) => `${m.repeat(n)}${t}`);

const longLine = fc
  .tuple(
    fc.constantFrom('As a ', 'so that ', '| ', '<', 'a', ' ', '*', '[', 'fast and ', '{{', 'TBD '),
    fc.integer({ min: 20, max: 300 }),
  )
  .map(([frag, n]) => frag.repeat(n));

const block = fc.oneof(
  { weight: 6, arbitrary: story },
  { weight: 4, arbitrary: prose },
  { weight: 5, arbitrary: fc.array(listItem, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('\n')) },
  { weight: 3, arbitrary: fc.array(gwt, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n')) },
  { weight: 5, arbitrary: heading },
  { weight: 2, arbitrary: table },
  { weight: 2, arbitrary: comment },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: longLine },
  {
    weight: 1,
    arbitrary: fc.constantFrom('---', '***', '', '   ', '\t', '<details>', '</details>', '<br>', '[^1]: note', '$$'),
  },
);

/** A structured document: optional front matter, then blocks separated by blank lines or single newlines. */
export const structuredDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(frontMatter, { nil: undefined, freq: 4 }),
    fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n', '\n\n\n')), { maxLength: 14 }),
  )
  .map(([fm, blocks]) => (fm ? `${fm}\n` : '') + blocks.map(([b, sep]) => b + sep).join(''));

/** Byte-level damage: what a half-finished edit, a bad merge or a broken tool leaves behind. */
type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'swapLines'; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(
      word,
      fc.constantFrom('\n', '\r', '\r\n', '|', '`', '```', '---', '<!--', '-->', '#', '> ', '- ', '\u0000', '\uFEFF'),
    ),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  if (m.op === 'swapLines') {
    const lines = text.split('\n');
    if (lines.length < 2) return text;
    const a = m.a % lines.length;
    const b = m.b % lines.length;
    [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
    return lines.join('\n');
  }
  const at = Math.floor(m.at * text.length);
  if (m.op === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.op === 'delete') return text.slice(0, at) + text.slice(at + m.length);
  return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
}

/** Mutates a seed (a generated document, or a real file given to the fuzz script). */
export function mutated(seed: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(seed, fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([text, ms]) => ms.reduce(mutate, text));
}

/** Line endings and encoding marks the file may come with. */
export function dressed(doc: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(doc, fc.constantFrom('lf', 'lf', 'lf', 'crlf', 'crlf', 'cr', 'mixed'), fc.boolean(), fc.boolean())
    .map(([text, eol, bom, addNewline]) => {
      let out = addNewline && !text.endsWith('\n') ? `${text}\n` : text;
      if (eol === 'crlf') out = out.replace(/\r?\n/g, '\r\n');
      else if (eol === 'cr') out = out.replace(/\r?\n/g, '\r');
      else if (eol === 'mixed') out = out.replace(/\n/g, (_m, i: number) => (i % 3 === 0 ? '\r\n' : '\n'));
      return (bom ? '\uFEFF' : '') + out;
    });
}

/** Pure noise: any string at all, including lone surrogates and control characters. */
export const noise: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ maxLength: 300 }),
);

/** The mix both runs use: mostly structured artifacts, some mutated, some dressed, some noise. */
export function markdownDocument(seeds: readonly string[] = []): fc.Arbitrary<string> {
  const base =
    seeds.length > 0
      ? fc.oneof({ weight: 3, arbitrary: structuredDocument }, { weight: 2, arbitrary: fc.constantFrom(...seeds) })
      : structuredDocument;
  return fc.oneof(
    { weight: 5, arbitrary: dressed(base) },
    { weight: 3, arbitrary: dressed(mutated(base)) },
    { weight: 1, arbitrary: noise },
  );
}
