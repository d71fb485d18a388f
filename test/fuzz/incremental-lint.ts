/**
 * The editor's incremental lint (incremental parse, classification and rule results reused per top-level
 * section) must report exactly what a full lint reports, after any edit: random backlogs and PRDs under
 * random sequences of edits, compared as JSON, byte for byte. Shared by the bounded run in `npm test`
 * (test/unit/incremental-lint.test.ts) and the long one (`npm run stress -- --only incremental-lint`).
 */
import * as fc from 'fast-check';
import { defaultConfig } from '../../src/config/defaults';
import { lintDocument, type LintOptions } from '../../src/core/engine';
import { rulesFor } from '../../src/rule-set';
import { LintReuse } from '../../src/core/incremental-lint';
import { IncrementalParser } from '../../src/core/incremental-parse';
import { TooComplexError } from '../../src/core/limits';

const ROLES = ['user', 'admin', 'first-time visitor', 'support agent', '<role>', '…'];
const WANTS = [
  'export invoices by date',
  'filter orders and archive them',
  'see a fast, user-friendly list',
  'upload photos (e.g. PNG)',
  'sync data etc.',
  'TBD',
  '<goal>',
];
const BENEFITS = [
  'I can close the month on time',
  'nothing is lost',
  'customers get answers faster',
  '<benefit>',
  'the revenue grows by 10% in Q3',
];

const statement = fc.oneof(
  fc
    .tuple(fc.constantFrom(...ROLES), fc.constantFrom(...WANTS), fc.constantFrom(...BENEFITS))
    .map(([r, w, b]) => `As a ${r}, I want to ${w}, so that ${b}.`),
  fc.tuple(fc.constantFrom(...ROLES), fc.constantFrom(...WANTS)).map(([r, w]) => `As an ${r}, I want to ${w}.`),
  fc
    .tuple(fc.constantFrom(...WANTS), fc.constantFrom(...BENEFITS))
    .map(([w, b]) => `When I open the app, I want to ${w}, so I can ${b}.`),
  fc.constantFrom(
    'We should improve the export.',
    'Notes: TBD',
    'Date:',
    '<p>As a user, I want <b>x</b></p>',
    'See [the spec](spec.md) for details.',
  ),
);

const criteria = fc.array(
  fc.constantFrom(
    '- Given a filter is active, when I export, then the file has the filtered rows.',
    '- The page is fast and works well.',
    '- [ ] ',
    '- TBD',
    '- Given x, when y, then z within 2 seconds.',
    '  - nested detail',
  ),
  { maxLength: 3 },
);

const storySection = fc
  .tuple(
    fc.constantFrom('##', '##', '###', '#'),
    fc.integer({ min: 1, max: 30 }),
    statement,
    fc.option(criteria),
    fc.constantFrom('', 'Acceptance criteria', '**Acceptance criteria:**', 'AC'),
    fc.boolean(),
  )
  .map(([h, n, st, ac, label, statementInHeading]) => {
    const head = statementInHeading ? `${h} ${st}` : `${h} ABC-${n}: story ${n}`;
    const body = statementInHeading ? '' : `\n${st}\n`;
    const acText =
      ac && ac.length > 0
        ? `\n${label.startsWith('**') || label === '' ? label : `${h}# ${label}`}\n\n${ac.join('\n')}\n`
        : '';
    return `${head}\n${body}${acText}`;
  });

const listBacklog = fc
  .array(statement, { minLength: 1, maxLength: 4 })
  .map((sts) => `## Stories\n\n${sts.map((s) => `- ${s}`).join('\n')}\n`);
const tableBacklog = fc
  .array(statement, { minLength: 1, maxLength: 3 })
  .map(
    (sts) =>
      `## Table\n\n| Story | AC |\n| --- | --- |\n${sts.map((s) => `| ${s} | Given a, when b, then c |`).join('\n')}\n`,
  );

const backlog = fc
  .tuple(
    fc.option(
      fc.constantFrom(
        '# Team backlog\n\nOur stories.\n',
        '# Backlog\n',
        '---\ntype: backlog\n---\n# B\n',
        'Intro paragraph.\n',
      ),
    ),
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: storySection },
        { weight: 1, arbitrary: listBacklog },
        { weight: 1, arbitrary: tableBacklog },
      ),
      { minLength: 2, maxLength: 10 },
    ),
  )
  .map(([title, parts]) => `${title ?? ''}\n${parts.join('\n')}`);

const PRD_SECTIONS = [
  'Problem',
  'Target users',
  'Goals',
  'Non-goals',
  'Success metrics',
  'Requirements',
  'Risks and open questions',
  'Background',
];
const prd = fc
  .tuple(
    fc.constantFrom('# PRD: export invoices\n', '# Export\n', ''),
    fc.array(
      fc.tuple(
        fc.constantFrom(...PRD_SECTIONS),
        fc.array(
          fc.oneof(
            statement,
            fc.constantFrom(
              '- Users find it fast.',
              '- Orders per day rise from 10 to 100 by Q3.',
              'TODO: fill in.',
              'Sprint 14: 8 story points.',
              'Goal: a seamless flow',
            ),
          ),
          { maxLength: 3 },
        ),
      ),
      { minLength: 2, maxLength: 7 },
    ),
  )
  .map(
    ([title, sections]) => `${title}\n${sections.map(([t, lines]) => `## ${t}\n\n${lines.join('\n\n')}\n`).join('\n')}`,
  );

const SNIPPETS = [
  '\n',
  '\n\n',
  '#',
  '## ',
  '## New story\n\nAs a user, I want x, so that y.\n',
  '\n## ABC-9: copy\n\nAs a user, I want to export invoices by date, so that nothing is lost.\n',
  '### Acceptance criteria\n\n- Given a, when b, then c.\n',
  '- ',
  '> ',
  'TBD',
  '<role>',
  '</role>',
  'fast',
  'etc.',
  'As a',
  'so that',
  ' ',
  '```',
  '<!-- backlog-lint-disable -->',
  '| a |\n| - |\n',
  'Date:\n',
];

export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.integer({ min: 0, max: 9999 }).map((n) => n / 10000),
  remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }) }),
  insert: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SNIPPETS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constant('') },
  ),
});

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

/** The result a lint gives, as JSON; a refusal (too complex) is a result too. */
function resultOf(text: string, options: LintOptions): string {
  try {
    return JSON.stringify(lintDocument(text, options).result);
  } catch (err) {
    if (err instanceof TooComplexError) return `too complex: ${err.message}`;
    throw err;
  }
}

export interface Counts {
  edits: number;
  reused: number;
  checked: number;
}

/**
 * The property: for a document and a sequence of edits, after each edit the incremental lint's result
 * equals a full lint's. `counts` gathers how much was reused, to show the property exercised reuse.
 */
export function incrementalLintProperty(counts: Counts): fc.IPropertyWithHooks<[string, Edit[], string, string]> {
  const config = defaultConfig();
  return fc.property(
    fc.oneof({ weight: 3, arbitrary: backlog }, { weight: 1, arbitrary: prd }),
    fc.array(edit, { minLength: 1, maxLength: 8 }),
    fc.constantFrom('\n', '\r\n'),
    fc.constantFrom('backlog.md', 'notes/plan.md', 'prd.md'),
    (base, edits, eol, filePath) => {
      const parser = new IncrementalParser();
      const reuse = new LintReuse();
      const options: LintOptions = { filePath, config, rules: rulesFor(config), crossFile: false };
      let text = base.replace(/\n/g, eol);
      for (const e of [null, ...edits]) {
        if (e) text = apply(text, e);
        const incremental = resultOf(text, { ...options, parser, reuse });
        const full = resultOf(text, options);
        if (incremental !== full)
          throw new Error(
            `incremental lint differs from a full lint after ${counts.edits} edits on:\n${JSON.stringify(text)}\nincremental: ${incremental}\nfull:        ${full}`,
          );
        counts.edits++;
      }
      counts.reused += reuse.stats.reused;
      counts.checked += reuse.stats.checked;
    },
  );
}
