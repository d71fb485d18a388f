import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCsv } from '../../scripts/eval/csv';
import { runEval } from '../../scripts/eval/evaluate';
import { score } from '../../scripts/eval/metrics';
import { whatCategories, ruleCategories } from '../../scripts/eval/realworld/categories';
import { evaluateRealworld, layoutOf } from '../../scripts/eval/realworld/evaluate';
import { labelVerdict, storyAt } from '../../scripts/eval/realworld/labels';
import { matchByLine } from '../../scripts/eval/realworld/match';
import type { LintedFile } from '../../scripts/eval/realworld/read';
import { readVerdicts, verdictFiles } from '../../scripts/eval/realworld/verdicts';
import { DETAIL_AREAS, formatDetail, formatRealworld } from '../../scripts/eval/realworld/report';
import type { InspectReport, InspectedStory } from '../../src/core/inspect';
import type { Finding } from '../../src/core/types';
import { REPO_ROOT } from '../helpers/rule-suite';

const CORPUS = path.join(REPO_ROOT, 'test', 'fixtures', 'eval');

describe('eval: metrics', () => {
  it('computes precision, recall and F1 from counts', () => {
    const items = [
      ...Array.from({ length: 3 }, () => ({ predicted: true, actual: true })),
      { predicted: true, actual: false },
      ...Array.from({ length: 3 }, () => ({ predicted: false, actual: true })),
      { predicted: false, actual: false },
    ];
    const s = score(items);
    assert.deepEqual([s.tp, s.fp, s.fn, s.tn], [3, 1, 3, 1]);
    assert.equal(s.precision, 0.75);
    assert.equal(s.recall, 0.5);
    assert.equal(s.f1, 0.6);
  });
  it('leaves undefined ratios undefined instead of 0 or 1', () => {
    const s = score([{ predicted: false, actual: false }]);
    assert.deepEqual([s.precision, s.recall, s.f1], [null, null, null]);
  });
  it('reads quoted CSV fields with commas, quotes and line breaks', () => {
    assert.deepEqual(parseCsv('a,b\n"x, ""y""","1\n2"\n'), [{ a: 'x, "y"', b: '1\n2' }]);
  });
});

describe('eval: fixture corpus', () => {
  const summary = runEval(CORPUS);
  const checks = summary.labelled[0]?.checks ?? [];
  const counts = (name: string) => {
    const c = checks.find((x) => x.name === name);
    assert.ok(c, `no check ${name}`);
    return { labelled: c.labelled, tp: c.scores.tp, fp: c.scores.fp, fn: c.scores.fn, tn: c.scores.tn };
  };

  it('scores story-atomic per story against the atomic column', () => {
    // P1 upload and share (TP), P2 name and date (FN: nouns), P3 create, edit and delete (FP: labelled atomic).
    assert.deepEqual(counts('story-atomic'), { labelled: 7, tp: 1, fp: 1, fn: 1, tn: 4 });
    const c = checks.find((x) => x.name === 'story-atomic');
    assert.equal(c?.scores.f1, 0.5);
    assert.deepEqual(
      c?.falsePositives.map((e) => e.id),
      ['P3'],
    );
  });
  it('maps several label values to one positive class', () => {
    // brackets (S1, flagged) and not_minimal (S3, a line break inside the cell is not a second sentence).
    assert.deepEqual(counts('story-minimal'), { labelled: 7, tp: 1, fp: 0, fn: 1, tn: 5 });
  });
  it('leaves rows without a label out of the check', () => {
    assert.deepEqual(counts('ambiguous-language'), { labelled: 6, tp: 1, fp: 0, fn: 1, tn: 4 });
    assert.deepEqual(counts('ambiguous-language (Vagueness only)'), { labelled: 6, tp: 1, fp: 0, fn: 0, tn: 5 });
  });
  it('keeps every row with its findings and labels only when asked to', () => {
    assert.equal(summary.labelled[0]?.rows, undefined);
    const rows = runEval(CORPUS, { dump: true, nodeModules: [] }).labelled[0]?.rows ?? [];
    assert.equal(rows.length, 7);
    const p1 = rows.find((r) => r.id === 'P1');
    assert.deepEqual(p1?.findings['story-atomic'], ['and share']);
    assert.deepEqual(p1?.labels, { atomic: 'conjunctions', minimal: 'minimal', Unambiguous: 'Unambiguous' });
    assert.equal(p1?.group, 'photos');
  });
  it('skips checks whose column the file lacks', () => {
    assert.equal(
      checks.some((c) => c.name === 'backlog-duplicate'),
      false,
    );
  });
  it('rates findings per 100 stories in one-story-per-line files and ignores word lists', () => {
    const st = summary.stories[0];
    assert.equal(st?.files, 1);
    assert.equal(st?.stories, 4);
    assert.equal(st?.rules['story-minimal']?.per100, 25);
  });
  it('measures PRD section recognition and story location in documents', () => {
    const d = summary.documents.find((x) => x.folder === 'specs');
    assert.deepEqual(d?.kinds, { prd: 1 });
    assert.deepEqual(
      Object.fromEntries(Object.entries(d?.sections ?? {}).map(([k, v]) => [k, [v.present, v.recognised]])),
      { Motivation: [1, 1], Goals: [1, 1], 'Non-Goals': [1, 1], Risks: [1, 1] },
    );
    assert.deepEqual(d?.stories, { inText: 1, located: 1 });
  });
  it('counts findings on ordinary Markdown and checks the targets', () => {
    assert.equal(summary.nonArtifacts.files, 1);
    assert.equal(summary.nonArtifacts.findings, 0);
    const atomic = summary.targets.find((t) => t.name === 'story-atomic F1');
    assert.deepEqual([atomic?.measured, atomic?.met], ['0.50', false]);
    assert.equal(
      summary.targets.find((t) => t.name === 'KEP sections recognised (mapped as PRDs by a glob)')?.met,
      true,
    );
  });
});

describe('eval: realworld matching and categories', () => {
  it('pairs gold and read lines one to one, as many as the tolerance allows', () => {
    // 10 and 11 are both read one line late: nearest-first alone would pair 11 with 11 and lose 10.
    const m = matchByLine(
      [10, 11, 30],
      [11, 12, 40],
      (g) => g,
      (p) => p,
      1,
    );
    assert.deepEqual(m.pairs.map((p) => [p.gold, p.pred]).sort(), [
      [10, 11],
      [11, 12],
    ]);
    assert.deepEqual([m.missed, m.extra], [[30], [40]]);
    const exact = matchByLine(
      [5],
      [4, 5],
      (g) => g,
      (p) => p,
      1,
    );
    assert.deepEqual([exact.pairs[0]?.pred, exact.extra], [5, [4]]);
  });
  it("sorts a reviewer's words into the categories rules report", () => {
    assert.deepEqual(whatCategories('no benefit'), ['benefit']);
    assert.deepEqual(whatCategories("vague term 'fast'"), ['vague term']);
    assert.deepEqual(whatCategories('two features in one story'), ['atomicity']);
    assert.deepEqual(whatCategories('no risks section'), ['section:risks']);
    assert.deepEqual(whatCategories('items give no rationale'), ['why']);
    assert.deepEqual(whatCategories('competition listed as a problem'), []);
    assert.deepEqual(ruleCategories('prd-risks'), ['section:risks']);
    assert.deepEqual(ruleCategories('a-rule-nobody-knows'), ['a-rule-nobody-knows']);
  });
  it('gives a story finding to the story it sits in', () => {
    const stories = [{ line: 3 }, { line: 6 }, { line: 7 }, { line: 20 }];
    assert.deepEqual(
      [6, 5, 9, 19, 12].map((l) => storyAt(stories, l)?.line),
      [6, 3, 7, 20, undefined],
    );
  });
  it('lets the labels decide where they can, and leaves the rest to a reviewer', () => {
    const base = { folder: 'po', language: 'en', expected_findings: [], should_stay_silent: false, notes: '' };
    const backlog = {
      ...base,
      kind: 'backlog',
      stories: [
        {
          line: 4,
          form: 'connextra',
          has_benefit: false,
          has_acceptance_criteria: true,
          ac_lines: [5, 6] as [number, number],
          atomic: true,
        },
      ],
    };
    assert.equal(labelVerdict(backlog, { ruleId: 'story-benefit', line: 4 })?.verdict, 'right');
    assert.equal(labelVerdict(backlog, { ruleId: 'story-acceptance-criteria', line: 4 })?.verdict, 'wrong');
    assert.match(labelVerdict(backlog, { ruleId: 'prd-risks', line: 1 })?.reason ?? '', /a backlog, not a prd/);
    assert.equal(labelVerdict(backlog, { ruleId: 'ambiguous-language', line: 4 }), null);
    assert.equal(labelVerdict({ ...base, kind: 'template' }, { ruleId: 'placeholder', line: 2 }), null);
  });
  it('names the layout of a story line from the file itself', () => {
    const lines = ['# T', '| a | b |', '- As a x', '```', 'As a y', '```', '    As a z', '> As a q', 'As a p'];
    assert.deepEqual(
      [2, 3, 5, 7, 8, 9].map((l) => layoutOf(lines, l)),
      ['table', 'list', 'fenced code', 'indented', 'block quote', 'paragraph'],
    );
  });
});

describe('eval: realworld scoring on a synthetic gold set', () => {
  const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'eval-realworld');
  const story = (line: number, benefit: string | null, ac: [number, number] | null): InspectedStory => ({
    line,
    endLine: line,
    form: 'connextra',
    role: 'baker',
    means: 'x',
    benefit,
    acceptanceCriteria: ac && { line: ac[0], endLine: ac[1] },
  });
  const finding = (ruleId: string, line: number, role: Finding['role'], artifact: Finding['artifact']): Finding =>
    ({ ruleId, line, role, artifact, message: `${ruleId} says so` }) as Finding;
  const report = (kind: string | null, extra: Partial<InspectReport> = {}): InspectReport => ({
    filePath: '',
    kind,
    evidence: [],
    roles: [],
    stories: [],
    sections: [],
    roadmapItems: [],
    ...extra,
  });
  // A fixed reading per file, so the test checks the scoring and not today's classifier.
  const readings: Record<string, Omit<LintedFile, 'lines'>> = {
    'po/001/backlog.md': {
      report: report('backlog', {
        stories: [story(3, 'dough', [4, 5]), story(6, null, null), story(7, 'ready', null), story(9, null, null)],
      }),
      findings: [
        finding('story-benefit', 6, 'po', 'story'),
        finding('story-acceptance-criteria', 6, 'po', 'story'),
        finding('story-acceptance-criteria', 7, 'po', 'story'),
      ],
    },
    'pm/001/launch.prd.md': {
      report: report('prd', {
        sections: [
          { line: 1, title: 'Launch the bakery app', kind: null },
          { line: 3, title: 'Problem', kind: 'problem' },
          { line: 7, title: 'Success metrics', kind: 'metrics' },
        ],
      }),
      findings: [
        finding('prd-audience', 1, 'pm', 'prd'),
        finding('prd-risks', 1, 'pm', 'prd'),
        finding('metric-measurable', 9, 'pm', 'prd'),
      ],
    },
    'plain/001/notes.md': { report: report('prd'), findings: [finding('ambiguous-language', 3, 'common', 'prd')] },
  };
  const lintFile = (file: string): LintedFile => {
    const saved = path.relative(dir, file).split(path.sep).join('/');
    return { ...(readings[saved] as Omit<LintedFile, 'lines'>), lines: fs.readFileSync(file, 'utf8').split(/\r?\n/) };
  };
  const verdicts = {
    'po/001/backlog.md:6:story-acceptance-criteria': { verdict: 'right' as const, reason: 'no criteria' },
    'pm/001/launch.prd.md:1:prd-risks': { verdict: 'wrong' as const, reason: 'the template has no place for risks' },
  };
  const r = evaluateRealworld(dir, verdicts, lintFile);

  it('builds the confusion table with none as a kind', () => {
    assert.deepEqual([r.classification.correct, r.classification.total], [2, 3]);
    assert.deepEqual(r.classification.confusion, { backlog: { backlog: 1 }, none: { prd: 1 }, prd: { prd: 1 } });
  });
  it('scores story lines ±1 and agreement on benefit and criteria for matched stories', () => {
    const s = r.stories;
    assert.deepEqual([s.overall.tp, s.overall.fp, s.overall.fn], [3, 1, 1]);
    assert.deepEqual([s.byLayout.list?.tp, s.byLayout.indented?.fn, s.byLayout.paragraph?.fp], [3, 1, 1]);
    assert.deepEqual(
      [s.benefit.agree, s.benefit.total, s.acceptanceCriteria.agree, s.acRange.agree, s.acRange.total],
      [3, 3, 2, 1, 1],
    );
  });
  it('recognises sections only at the gold heading line and scores absent ones', () => {
    assert.deepEqual([r.sections.recognised.agree, r.sections.recognised.total], [2, 2]);
    assert.deepEqual(r.sections.byType.audience?.presentAbsent, { agree: 1, total: 1 });
    assert.deepEqual([r.roadmap.metrics.agree, r.roadmap.metrics.total], [1, 1]);
  });
  it('counts gold matches, label-decided and "right" verdicts as true positives, per role', () => {
    const f = r.findings;
    // po: benefit@6 matches gold, criteria@6 judged right, criteria@7 wrong by the labels (gold: the story has criteria).
    // pm: audience matches gold, risks judged wrong, metric@9 right by the labels (gold: not measurable), plain@3 wrong (silent file).
    assert.deepEqual([f.byRole.po?.tp, f.byRole.po?.findings, f.byRole.pm?.tp, f.byRole.pm?.findings], [2, 3, 2, 4]);
    assert.deepEqual(
      [f.perRule['story-acceptance-criteria']?.right, f.perRule['story-acceptance-criteria']?.labelsWrong],
      [1, 1],
    );
    assert.deepEqual(
      [
        f.perRule['metric-measurable']?.labelsRight,
        f.perRule['prd-risks']?.wrong,
        f.perRule['ambiguous-language']?.labelsWrong,
      ],
      [1, 1, 1],
    );
    assert.deepEqual([f.recall.agree, f.recall.total, f.coveredRecall.agree, f.coveredRecall.total], [2, 3, 2, 2]);
  });
  it('measures how much of what the labels say is missing the rules report', () => {
    const lr = r.findings.labelRecall;
    // Stories 6 and 11 have no criteria, only 6 is reported; story 6 has no benefit and is reported.
    assert.deepEqual(lr['story-acceptance-criteria'], { agree: 1, total: 2 });
    assert.deepEqual(
      [lr['story-benefit'], lr['prd-audience'], lr['metric-measurable']],
      [
        { agree: 1, total: 1 },
        { agree: 1, total: 1 },
        { agree: 1, total: 1 },
      ],
    );
    assert.deepEqual(
      r.findings.labelMissed.map((m) => [m.rule, m.line]),
      [['story-acceptance-criteria', 11]],
    );
  });
  it("prints the report and lists each area's misses as file:line", () => {
    const text = formatRealworld(r);
    assert.match(text, /### Classification: 66\.7 % \(2\/3\) right/);
    assert.match(text, /gold \\ read as/);
    assert.match(formatDetail(r, 'stories'), /po\/001\/backlog\.md:11 \[connextra, indented\]: As a driver/);
    assert.match(
      formatDetail(r, 'findings'),
      /pm\/001\/launch\.prd\.md:1 prd-risks \[the template has no place for risks\]/,
    );
    for (const area of DETAIL_AREAS) assert.match(formatDetail(r, area), new RegExp(`^## Realworld detail: ${area}`));
  });
  it('lists findings neither gold, labels nor verdicts decide', () => {
    // Without verdicts, criteria@6 is right by the labels (gold: no criteria); the gold has no risks label to decide prd-risks.
    const unjudged = evaluateRealworld(dir, {}, lintFile).findings.unjudged.map((u) => u.key);
    assert.deepEqual(unjudged, ['pm/001/launch.prd.md:1:prd-risks']);
  });
  it('reports findings on ordinary files and on their decoy lines', () => {
    assert.deepEqual([r.silence.files, r.silence.findings, r.silence.artifacts, r.silence.decoyFindings], [1, 1, 1, 1]);
  });
});

describe('eval: verdict files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-verdicts-'));
  fs.mkdirSync(path.join(dir, 'verdicts'));
  fs.writeFileSync(
    path.join(dir, 'verdicts.json'),
    JSON.stringify({
      $comment: 'x',
      'a.md:1:r': { verdict: 'right', reason: 'one' },
      'a.md:2:r': { verdict: 'right', reason: 'agree' },
    }),
  );
  fs.writeFileSync(
    path.join(dir, 'verdicts', 'b.json'),
    JSON.stringify({
      'a.md:1:r': { verdict: 'wrong', reason: 'two' },
      'a.md:2:r': { verdict: 'right', reason: 'agree too' },
    }),
  );
  it("reads every reviewer's file and counts a key they judge differently as wrong", () => {
    const { verdicts, conflicts } = readVerdicts(
      verdictFiles([path.join(dir, 'verdicts.json'), path.join(dir, 'verdicts'), path.join(dir, 'missing.json')]),
    );
    assert.deepEqual(
      conflicts.map((c) => [c.key, c.judged.map((j) => j.verdict)]),
      [['a.md:1:r', ['right', 'wrong']]],
    );
    assert.equal(verdicts['a.md:1:r']?.verdict, 'wrong');
    assert.deepEqual(verdicts['a.md:2:r'], { verdict: 'right', reason: 'agree' });
  });
  it('names the file and key of an entry without a verdict', () => {
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ 'a.md:3:r': { reason: 'no verdict' } }));
    assert.throws(() => readVerdicts([path.join(dir, 'bad.json')]), /bad\.json: "a\.md:3:r" needs "verdict"/);
  });
});
