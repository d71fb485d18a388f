/** The realworld report as plain-text tables, and the per-area detail listings (`--detail AREA`). */
import { fmt } from '../metrics';
import type { Agreement, Pointer, Rate, RealworldResult } from './evaluate';

export const DETAIL_AREAS = [
  'classification',
  'stories',
  'sections',
  'roadmap',
  'findings',
  'silence',
  'unjudged',
] as const;
export type DetailArea = (typeof DETAIL_AREAS)[number];

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const pct = (a: Agreement): string =>
  a.total ? `${((100 * a.agree) / a.total).toFixed(1)} % (${a.agree}/${a.total})` : '–';
const rateRow = (name: string, r: Rate): string[] => [
  name,
  String(r.tp + r.fn),
  String(r.tp + r.fp),
  String(r.tp),
  String(r.fp),
  String(r.fn),
  fmt(r.precision),
  fmt(r.recall),
];
const RATE_HEADER = ['', 'gold', 'read', 'TP', 'FP', 'FN', 'P', 'R'];
const rates = (title: string, rec: Record<string, Rate>): string =>
  table(
    [title, ...RATE_HEADER.slice(1)],
    Object.entries(rec)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, r]) => rateRow(k, r)),
  );

export function formatRealworld(r: RealworldResult): string {
  const out: string[] = [
    `## Realworld: ${r.dir} (${r.files} files${r.mode === 'gold-kinds' ? ', each mapped to its gold kind: not the shipping figures' : ''})`,
  ];
  if (r.problems.length)
    out.push(
      '',
      `${r.problems.length} files the CLI would not lint: ${r.problems.map((p) => `${p.file} (${p.text.replace(/^.*: /, '')})`).join('; ')}`,
    );

  const c = r.classification;
  out.push('', `### Classification: ${pct({ agree: c.correct, total: c.total })} right`, '');
  out.push(
    `per folder: ${Object.entries(c.byFolder)
      .map(([f, a]) => `${f} ${pct(a)}`)
      .join(', ')}`,
    '',
  );
  const predicted = [...new Set(Object.values(c.confusion).flatMap((row) => Object.keys(row)))].sort();
  out.push(
    table(
      ['gold \\ read as', ...predicted],
      Object.entries(c.confusion)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([gold, row]) => [gold, ...predicted.map((p) => (row[p] ? String(row[p]) : '.'))]),
    ),
  );

  const s = r.stories;
  out.push('', `### Story location (±1 line): P ${fmt(s.overall.precision)}, R ${fmt(s.overall.recall)}`, '');
  out.push(
    table(
      RATE_HEADER.map((h, i) => (i === 0 ? 'all' : h)),
      [rateRow('all', s.overall)],
    ),
  );
  out.push(
    '',
    rates('language', s.byLanguage),
    '',
    rates('form', s.byForm),
    '',
    rates('folder', s.byFolder),
    '',
    rates('layout (first line)', s.byLayout),
  );
  out.push(
    '',
    `on matched stories: has_benefit agrees ${pct(s.benefit)}, has_acceptance_criteria ${pct(s.acceptanceCriteria)}, criteria range overlaps ${pct(s.acRange)}`,
  );

  const se = r.sections;
  out.push(
    '',
    `### Sections of PRDs, epics and business cases: ${pct(se.recognised)} of present sections recognised (heading ±1, file read as one of those kinds)`,
    '',
  );
  out.push(
    table(
      ['section', 'present/absent', 'heading line'],
      Object.entries(se.byType).map(([k, t]) => [k, pct(t.presentAbsent), pct(t.headingLine)]),
    ),
  );
  out.push(
    '',
    `templates (informative): ${pct(se.templates)} of their present section headings named by the vocabulary`,
  );

  const rm = r.roadmap;
  out.push('', '### Roadmaps', '');
  out.push(
    table(
      RATE_HEADER.map((h, i) => (i === 0 ? 'what' : h)),
      [rateRow('items (±1)', rm.items), rateRow('horizon headings (±1)', rm.horizonHeadings)],
    ),
  );
  out.push(
    '',
    `on matched items: has_why agrees ${pct(rm.why)}, has_horizon ${pct(rm.horizon)} (an item has one unless the rule reports it)`,
  );
  out.push(
    `metric lines: measurable agrees ${pct(rm.metrics)}; ${rm.metrics.notRead} in files not read as a PRD, epic or business case`,
  );

  const f = r.findings;
  out.push(
    '',
    `### Findings: precision ${fmt(f.overall.precision)} (${f.overall.tp}/${f.overall.findings}), recall ${pct(f.recall)} of expected findings`,
    '',
  );
  out.push(
    table(
      [
        'rule',
        'findings',
        'expected',
        'labels: right',
        'labels: wrong',
        'judged right',
        'judged wrong',
        'unjudged',
        'P',
      ],
      Object.entries(f.perRule)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, x]) => [
          id,
          String(x.findings),
          String(x.gold),
          String(x.labelsRight),
          String(x.labelsWrong),
          String(x.right),
          String(x.wrong),
          String(x.unjudged),
          fmt(x.precision),
        ]),
    ),
  );
  out.push(
    '',
    'expected: matches an expected finding (±2 lines, same category); labels: decided by the gold story, item, metric, section and silence labels; judged: scripts/eval/verdicts.json.',
  );
  out.push(
    `per role: ${Object.entries(f.byRole)
      .map(([role, x]) => `${role} ${fmt(x.precision)} (${x.tp}/${x.findings})`)
      .join(', ')}`,
  );
  out.push(`recall of expected findings in categories a rule reports: ${pct(f.coveredRecall)}`, '');
  out.push(
    table(
      ['rule', 'label recall'],
      Object.entries(f.labelRecall)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, a]) => [k, pct(a)]),
    ),
  );
  out.push(
    '(label recall: of the stories, items, metric lines and PRD sections the gold labels say lack something, the share the rule reports)',
    '',
  );
  out.push(
    table(
      ['expected category', 'found'],
      Object.entries(f.byCategory)
        .sort(([, a], [, b]) => b.total - a.total)
        .map(([k, a]) => [k, pct(a)]),
    ),
  );
  out.push(
    '',
    `${f.unjudged.length} findings match no gold entry and have no verdict (counted wrong; list them with --detail unjudged, judge them in scripts/eval/verdicts.json)`,
  );
  if (f.uncategorised.length)
    out.push(
      '',
      `expected findings no keyword rule categorises (${f.uncategorised.length}):`,
      ...f.uncategorised.map((p) => `  ${p.file}:${p.line} ${p.note}`),
    );

  const si = r.silence;
  out.push(
    '',
    `### Ordinary Markdown (plain/, ${si.files} files): ${per20(si.findings, si.files)} findings per 20 files (${si.findings} findings in ${si.filesWithFindings} files; ${si.artifacts} files read as artifacts; ${si.decoyFindings} findings on ${si.decoyLines} decoy lines)`,
  );
  for (const p of si.flagged.slice(0, 20)) out.push(`  ${p.file}:${p.line} ${p.rule}: ${p.text}`);
  return out.join('\n');
}

export const per20 = (findings: number, files: number): string => (files ? ((20 * findings) / files).toFixed(2) : '–');

const list = (title: string, items: readonly (Pointer & { rule?: string })[]): string[] => [
  '',
  `${title} (${items.length})`,
  ...items.map((p) => `  ${p.file}:${p.line}${p.rule ? ` ${p.rule}` : ''}${p.note ? ` [${p.note}]` : ''}: ${p.text}`),
];

/** Every miss and false positive of one area, as file:line and what the line says. */
export function formatDetail(r: RealworldResult, area: DetailArea): string {
  const out: string[] = [`## Realworld detail: ${area}`];
  if (area === 'classification') out.push(...list('files read as the wrong kind', r.classification.wrong));
  if (area === 'stories') {
    out.push(
      ...list('stories not located', r.stories.missed),
      ...list('located stories gold does not have', r.stories.extra),
      ...list('benefit / acceptance criteria disagreements', r.stories.disagreements),
    );
  }
  if (area === 'sections')
    out.push(
      ...list('present sections not recognised', r.sections.missed),
      ...list('absent sections read as present', r.sections.wrong),
    );
  if (area === 'roadmap')
    out.push(
      ...list('gold items and horizon headings not read', r.roadmap.missed),
      ...list('read that gold does not have', r.roadmap.extra),
      ...list('why / horizon / metric disagreements', r.roadmap.disagreements),
    );
  if (area === 'findings')
    out.push(
      ...list('expected findings not reported', r.findings.missed),
      ...list('what the labels say is missing and no rule reports', r.findings.labelMissed),
      ...list('findings judged wrong', r.findings.wrong),
      ...list('findings with no gold entry and no verdict', r.findings.unjudged),
    );
  if (area === 'unjudged') out.push(...r.findings.unjudged.map((u) => `${u.key}\t${u.text}\t${u.note}`));
  if (area === 'silence') out.push(...list('findings on ordinary Markdown', r.silence.flagged));
  return out.join('\n');
}
