/**
 * A deterministic corpus of realistic product artifacts for the benchmark: backlogs of 20–60 stories
 * with acceptance criteria (and a few of several hundred), PRDs, roadmaps of 100+ rows, epics, and some
 * ordinary Markdown (design notes, changelogs), as a repository holds them. About 40 % of the artifacts
 * carry the usual mistakes (missing criteria or benefit, vague words, TBDs, drift).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Random } from './random';

const ROLES = [
  'shopper',
  'store manager',
  'first-time visitor',
  'registered user',
  'administrator',
  'support agent',
  'finance clerk',
  'warehouse picker',
  'team lead',
  'guest',
  'mobile user',
  'partner developer',
  'auditor',
  'sales rep',
  'subscriber',
];
const VERBS = [
  'export',
  'filter',
  'archive',
  'review',
  'approve',
  'import',
  'schedule',
  'compare',
  'tag',
  'share',
  'restore',
  'search',
  'print',
  'sync',
  'rename',
  'pin',
  'merge',
  'track',
  'preview',
  'assign',
];
const OBJECTS = [
  'invoices',
  'orders',
  'shipping labels',
  'customer notes',
  'product photos',
  'weekly reports',
  'refund requests',
  'price lists',
  'delivery slots',
  'audit logs',
  'team calendars',
  'stock levels',
  'loyalty points',
  'contracts',
  'support tickets',
  'payment plans',
  'supplier quotes',
  'return labels',
];
const QUALIFIERS = [
  'by date',
  'from the dashboard',
  'in bulk',
  'on my phone',
  'per region',
  'for last month',
  'without a spreadsheet',
  'from the detail page',
  'by customer',
  'offline',
  'in one click',
  'per warehouse',
];
const BENEFITS = [
  'I can close the month on time',
  'I spend less time on manual work',
  'customers get answers faster',
  'I can spot problems before they grow',
  'nothing is lost between teams',
  'the audit passes without rework',
  'I can plan the next week',
  'I do not repeat work someone already did',
  'returns are handled the same day',
  'I can show progress to my manager',
];
const CONDITIONS = [
  'the list has more than 50 entries',
  'I am signed in as an editor',
  'the network is offline',
  'two users edit at once',
  'the file is larger than 10 MB',
  'a filter is active',
  'the record was archived',
  'my session expired',
];
const OUTCOMES = [
  'the result appears within 2 seconds',
  'a confirmation with the record id is shown',
  'the change is visible to every member of the team',
  'an error names the field to correct',
  'the export contains exactly the filtered rows',
  'the count on the badge decreases by one',
  'an email is sent to the owner within 5 minutes',
  'the previous version can be restored',
];
const VAGUE = ['fast', 'user-friendly', 'as appropriate', 'intuitive', 'etc.', 'seamless', 'robust'];
const WORDS = [
  'the',
  'team',
  'customer',
  'data',
  'flow',
  'release',
  'service',
  'report',
  'migration',
  'latency',
  'quota',
  'region',
  'checkout',
  'partner',
  'catalog',
  'budget',
  'support',
  'onboarding',
  'retention',
  'pipeline',
  'review',
  'signal',
  'cohort',
  'integration',
  'contract',
  'incident',
  'policy',
  'forecast',
  'channel',
  'invoice',
];

export type ArtifactType = 'backlog' | 'big-backlog' | 'prd' | 'roadmap' | 'epic' | 'note';

export interface GeneratedFile {
  /** Relative path inside the corpus folder. */
  path: string;
  type: ArtifactType;
  faulty: boolean;
  text: string;
}

function sentence(r: Random, min: number, max: number): string {
  const n = r.int(min, max);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(r.pick(WORDS));
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function paragraph(r: Random, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(r, 6, 16));
  return out.join(' ');
}

function statement(r: Random, faulty: boolean): string {
  const role = r.pick(ROLES);
  const want = `${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(QUALIFIERS)}`;
  if (faulty && r.chance(0.3)) return `As a ${role}, I want to ${want}.`;
  if (r.chance(0.1))
    return `When I ${r.pick(VERBS)} ${r.pick(OBJECTS)}, I want to ${want}, so I can ${r.pick(BENEFITS).replace(/^I can /, '')}.`;
  return `As a ${role}, I want to ${want}, so that ${r.pick(BENEFITS)}.`;
}

function criteria(r: Random, faulty: boolean): string[] {
  const n = r.int(2, 3);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (faulty && r.chance(0.15)) out.push(`- The page is ${r.pick(VAGUE)} and works well.`);
    else
      out.push(
        `- Given ${r.pick(CONDITIONS)}, when I ${r.pick(VERBS)} the ${r.pick(OBJECTS)}, then ${r.pick(OUTCOMES)}.`,
      );
  }
  return out;
}

function story(r: Random, key: string, n: number, faulty: boolean): string {
  const lines = [`## ${key}-${n}: ${r.pick(VERBS)} ${r.pick(OBJECTS)}`, '', statement(r, faulty), ''];
  if (r.chance(0.2)) lines.push(paragraph(r, r.int(1, 2)), '');
  if (faulty && r.chance(0.25)) return lines.join('\n');
  lines.push('### Acceptance criteria', '', ...criteria(r, faulty), '');
  if (faulty && r.chance(0.1)) lines.push('Notes: TBD', '');
  return lines.join('\n');
}

function backlog(r: Random, stories: number, faulty: boolean): string {
  const key = `${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}`;
  const parts = [`# ${r.pick(WORDS)} ${r.pick(WORDS)} backlog`, '', paragraph(r, 2), ''];
  for (let i = 1; i <= stories; i++) parts.push(story(r, key, i, faulty && r.chance(0.3)));
  return parts.join('\n');
}

const PRD_SECTIONS: [string, string][] = [
  ['Problem', 'problem'],
  ['Target users', 'audience'],
  ['Goals', 'goals'],
  ['Non-goals', 'scope'],
  ['Success metrics', 'metrics'],
  ['Requirements', 'req'],
  ['Risks and open questions', 'risks'],
];

function prd(r: Random, targetBytes: number, faulty: boolean): string {
  const skip = faulty ? r.pick(['Target users', 'Non-goals', 'Success metrics', 'Risks and open questions']) : '';
  const parts = [`# PRD: ${r.pick(VERBS)} ${r.pick(OBJECTS)}`, ''];
  for (const [title, kind] of PRD_SECTIONS) {
    if (title === skip) continue;
    parts.push(`## ${title}`, '');
    if (kind === 'metrics') {
      for (let i = 0; i < 3; i++)
        parts.push(
          faulty && i === 0
            ? `- Users find ${r.pick(OBJECTS)} ${r.pick(VAGUE)}.`
            : `- ${r.pick(OBJECTS)} handled per day rises from ${r.int(10, 90)} to ${r.int(100, 400)} by Q${r.int(1, 4)}.`,
        );
      parts.push('');
    } else if (kind === 'req') {
      // Requirements carry the bulk of a PRD's size: numbered subsections of prose and lists.
      let n = 1;
      while (parts.join('\n').length < targetBytes) {
        parts.push(`### R${n}: ${r.pick(VERBS)} ${r.pick(OBJECTS)}`, '', paragraph(r, r.int(2, 5)), '');
        for (let i = 0; i < r.int(2, 5); i++) parts.push(`- ${sentence(r, 5, 12)}`);
        parts.push('');
        if (r.chance(0.2))
          parts.push(
            `| Field | Rule |`,
            `| --- | --- |`,
            `| ${r.pick(WORDS)} | ${sentence(r, 4, 8)} |`,
            `| ${r.pick(WORDS)} | ${sentence(r, 4, 8)} |`,
            '',
          );
        n++;
      }
      if (faulty && r.chance(0.4)) parts.push('Sprint 14: 8 story points for the import task.', '');
    } else {
      parts.push(paragraph(r, r.int(2, 5)), '');
      if (faulty && r.chance(0.2)) parts.push('TODO: fill in.', '');
    }
  }
  return parts.join('\n');
}

function roadmap(r: Random, rows: number, faulty: boolean): string {
  const parts = [
    `# ${r.pick(WORDS)} roadmap ${2025 + r.int(0, 2)}`,
    '',
    paragraph(r, 2),
    '',
    '| Item | Why | Outcome | Horizon |',
    '| --- | --- | --- | --- |',
  ];
  for (let i = 0; i < rows; i++) {
    const why = faulty && r.chance(0.1) ? '' : sentence(r, 4, 7);
    const horizon =
      faulty && r.chance(0.05) ? '' : r.pick(['Now', 'Next', 'Later', 'Q1 2026', 'Q2 2026', 'Q3 2026', 'H2 2026']);
    parts.push(
      `| ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(QUALIFIERS)} | ${why} | ${r.pick(OUTCOMES)} | ${horizon} |`,
    );
  }
  parts.push('');
  return parts.join('\n');
}

function epic(r: Random, stories: number, faulty: boolean): string {
  const parts = [`# Epic: ${r.pick(VERBS)} ${r.pick(OBJECTS)}`, ''];
  if (!(faulty && r.chance(0.5)))
    parts.push(
      '## Objective',
      '',
      `Cut the time to ${r.pick(VERBS)} ${r.pick(OBJECTS)} from ${r.int(5, 20)} to ${r.int(1, 4)} minutes.`,
      '',
    );
  parts.push(
    '## Success metrics',
    '',
    `- ${r.pick(OBJECTS)} per week: from ${r.int(10, 50)} to ${r.int(60, 200)}.`,
    '',
    '## Context',
    '',
    paragraph(r, r.int(4, 10)),
    '',
    '## Stories',
    '',
  );
  for (let i = 0; i < stories; i++) {
    parts.push(`- ${statement(r, faulty)}`);
    for (const c of criteria(r, faulty)) parts.push(`  ${c}`);
  }
  parts.push('');
  return parts.join('\n');
}

function note(r: Random, targetBytes: number): string {
  const parts = [`# ${r.pick(WORDS)} ${r.pick(WORDS)} design notes`, ''];
  let n = 1;
  while (parts.join('\n').length < targetBytes) {
    parts.push(`## ${n}. ${r.pick(WORDS)} ${r.pick(WORDS)}`, '', paragraph(r, r.int(3, 8)), '');
    if (r.chance(0.3)) parts.push('```ts', `const ${r.pick(WORDS)} = load('${r.pick(WORDS)}');`, '```', '');
    if (r.chance(0.3)) parts.push(`- ${sentence(r, 4, 9)}`, `- ${sentence(r, 4, 9)}`, '');
    n++;
  }
  return parts.join('\n');
}

/** One backlog of `stories` stories, for the editor latency measurement. */
export function bigBacklog(stories: number, seed = 7): string {
  return backlog(new Random(seed), stories, true);
}

/** The corpus for `count` files; the mix is fixed, so 2,000 files always give the same bytes. */
export function generateCorpus(count: number, seed = 20260101): GeneratedFile[] {
  const r = new Random(seed);
  const files: GeneratedFile[] = [];
  for (let i = 0; i < count; i++) {
    const faulty = r.chance(0.4);
    const roll = r.next();
    const dir = `team-${String(i % 40).padStart(2, '0')}`;
    const id = String(i).padStart(4, '0');
    let file: GeneratedFile;
    // Stories per backlog lean towards 20–30, as real backlogs do; a few are several hundred (≈ 100–250 KB).
    if (roll < 0.005)
      file = {
        path: `${dir}/backlog-${id}.md`,
        type: 'big-backlog',
        faulty,
        text: backlog(r, r.int(250, 550), faulty),
      };
    else if (roll < 0.4)
      file = {
        path: `${dir}/backlog-${id}.md`,
        type: 'backlog',
        faulty,
        text: backlog(r, 20 + Math.floor(40 * r.next() ** 2), faulty),
      };
    else if (roll < 0.6)
      file = {
        path: `${dir}/specs/feature-${id}.md`,
        type: 'prd',
        faulty,
        text: prd(r, r.chance(0.03) ? r.int(40_000, 120_000) : r.int(9_000, 12_000), faulty),
      };
    else if (roll < 0.75)
      file = {
        path: `${dir}/plans/roadmap-${id}.md`,
        type: 'roadmap',
        faulty,
        text: roadmap(r, r.int(100, 130), faulty),
      };
    else if (roll < 0.9)
      file = { path: `${dir}/epics/epic-${id}.md`, type: 'epic', faulty, text: epic(r, r.int(20, 30), faulty) };
    else
      file = { path: `${dir}/notes/design-${id}.md`, type: 'note', faulty: false, text: note(r, r.int(9_500, 12_000)) };
    files.push(file);
  }
  return files;
}

/** Writes the corpus under `dir` (replacing what is there). */
export function writeCorpus(dir: string, files: readonly GeneratedFile[]): { bytes: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (const f of files) {
    const target = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.text);
    bytes += Buffer.byteLength(f.text);
  }
  return { bytes };
}
