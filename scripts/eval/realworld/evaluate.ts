/**
 * The realworld report: every gold-labelled file linted as the CLI lints it, then its reading (kind,
 * stories, sections, roadmap items) and its findings compared with the gold labels.
 */
import * as path from 'node:path';
import { defaultConfig } from '../../../src/config/defaults';
import { isHorizonTitle, sectionKinds } from '../../../src/core/classify/sections';
import type { InspectReport, InspectedStory } from '../../../src/core/inspect';
import { ARTIFACT_KINDS, type ArtifactKind, type Finding } from '../../../src/core/types';
import { COVERED, ruleCategories, whatCategories } from './categories';
import { readGold, type GoldFile, type GoldStory } from './gold';
import { matchByLine, prf } from './match';
import { labelVerdict, storyAt } from './labels';
import { lintCorpusFile, type LintedFile } from './read';

export type Verdicts = Record<string, { verdict: 'right' | 'wrong'; reason: string }>;

/** Where a detail line points: file, line, and what is there. */
export interface Pointer {
  file: string;
  line: number;
  text: string;
  note?: string;
}

export interface Rate {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Agreement {
  agree: number;
  total: number;
}

export interface RealworldResult {
  dir: string;
  /** How files were mapped: as shipped, or each to its gold kind (`--gold-kinds`). */
  mode: 'shipped' | 'gold-kinds';
  files: number;
  problems: Pointer[];
  classification: {
    correct: number;
    total: number;
    byFolder: Record<string, Agreement>;
    /** gold kind → predicted kind → count. */
    confusion: Record<string, Record<string, number>>;
    wrong: Pointer[];
  };
  stories: {
    overall: Rate;
    byLanguage: Record<string, Rate>;
    byForm: Record<string, Rate>;
    byFolder: Record<string, Rate>;
    byLayout: Record<string, Rate>;
    benefit: Agreement;
    acceptanceCriteria: Agreement;
    acRange: Agreement;
    missed: Pointer[];
    extra: Pointer[];
    disagreements: Pointer[];
  };
  sections: {
    /** Per gold section name, over files of kind prd / epic / business-case. */
    byType: Record<string, { presentAbsent: Agreement; headingLine: Agreement }>;
    recognised: Agreement;
    /** The same over template files (informative). */
    templates: Agreement;
    missed: Pointer[];
    wrong: Pointer[];
  };
  roadmap: {
    items: Rate;
    why: Agreement;
    horizon: Agreement;
    horizonHeadings: Rate;
    metrics: Agreement & { notRead: number };
    missed: Pointer[];
    extra: Pointer[];
    disagreements: Pointer[];
  };
  findings: {
    /** gold: matches an expected finding; labelsRight/Wrong: decided by the gold labels; right/wrong: by verdicts.json. */
    perRule: Record<
      string,
      {
        findings: number;
        gold: number;
        labelsRight: number;
        labelsWrong: number;
        right: number;
        wrong: number;
        unjudged: number;
        precision: number | null;
      }
    >;
    byRole: Record<string, { findings: number; tp: number; precision: number | null }>;
    overall: { findings: number; tp: number; precision: number | null };
    recall: Agreement;
    /** Recall over expected findings in categories some rule reports. */
    coveredRecall: Agreement;
    byCategory: Record<string, Agreement>;
    /** Per rule, the share of what the firm labels say is missing that the rule reports (stories, items, metrics, sections). */
    labelRecall: Record<string, Agreement>;
    labelMissed: (Pointer & { rule: string })[];
    uncategorised: Pointer[];
    unjudged: (Pointer & { rule: string; key: string })[];
    wrong: (Pointer & { rule: string })[];
    missed: Pointer[];
  };
  silence: {
    files: number;
    findings: number;
    filesWithFindings: number;
    artifacts: number;
    decoyFindings: number;
    decoyLines: number;
    flagged: (Pointer & { rule: string })[];
  };
}

const SECTIONED = new Set(['prd', 'epic', 'business-case']);
/**
 * Gold section names, each with the plain heading that names it. The kinds the classifier gives that
 * heading are the kinds that stand for the gold section, so the mapping follows the vocabulary as it
 * changes (a vocabulary that files "Benefits" under cost cannot tell benefits from costs, and the
 * report shows that).
 */
const SECTION_HEADINGS: Record<string, string> = {
  problem: 'Problem',
  audience: 'Target audience',
  success_metrics: 'Success metrics',
  non_goals: 'Non-goals',
  risks: 'Risks',
  objective: 'Objective',
  costs: 'Costs',
  benefits: 'Benefits',
};

export function sectionKindsFor(goldName: string): readonly string[] {
  const heading = SECTION_HEADINGS[goldName];
  return heading ? sectionKinds(heading) : [goldName];
}

const blank = (): Rate => prf(0, 0, 0);
const add = (r: Rate, tp: number, fp: number, fn: number): Rate => prf(r.tp + tp, r.fp + fp, r.fn + fn);
const bump = (rec: Record<string, Rate>, key: string, tp: number, fp: number, fn: number): void => {
  rec[key] = add(rec[key] ?? blank(), tp, fp, fn);
};
const count = (a: Agreement, ok: boolean): void => {
  a.total++;
  if (ok) a.agree++;
};

/** How a story's first line is laid out in the file: the layout breakdown needs no labels. */
export function layoutOf(lines: readonly string[], line: number): string {
  let fence = false;
  for (let i = 0; i < line - 1; i++) if (/^\s{0,3}(?:```|~~~)/.test(lines[i] ?? '')) fence = !fence;
  if (fence) return 'fenced code';
  const text = lines[line - 1] ?? '';
  if (/^\s*\|/.test(text) || /\|.*\|/.test(text)) return 'table';
  if (/<t[dr]\b/i.test(text)) return 'html table';
  if (/^\s*>/.test(text)) return 'block quote';
  if (/^\s{0,3}#/.test(text)) return 'heading';
  if (/^\s*(?:[-*+]|\d+[.)])\s*\[[ xX]\]/.test(text)) return 'checklist';
  if (/^\s*(?:[-*+]|\d+[.)])/.test(text)) return /^\s{2,}|^\t/.test(text) ? 'nested list' : 'list';
  if (/^(?:\t| {4})/.test(text)) return 'indented';
  if (/^\s*\*\*[^*]+:?\*\*/.test(text)) return 'field list';
  return 'paragraph';
}

export type LintFile = (file: string, gold: GoldFile) => LintedFile;

/** The CLI's way: shipping default config, real path. */
export const asShipped: LintFile = (file) => lintCorpusFile(file, defaultConfig());

/**
 * Each file mapped to its gold kind, as a team would with an `artifacts` glob (files gold calls none or
 * template are left as shipped): the rules measured apart from classification.
 */
export const asGoldKind: LintFile = (file, gold) => {
  const kind = (ARTIFACT_KINDS as readonly string[]).includes(gold.kind) ? (gold.kind as ArtifactKind) : undefined;
  return lintCorpusFile(file, kind ? { ...defaultConfig(), artifact: kind } : defaultConfig());
};

/** `lintFile` is the CLI's way by default; tests pass a fixed reading to check the scoring alone. */
export function evaluateRealworld(dir: string, verdicts: Verdicts, lintFile: LintFile = asShipped): RealworldResult {
  const gold = readGold(dir);
  const res: RealworldResult = {
    dir,
    mode: lintFile === asGoldKind ? 'gold-kinds' : 'shipped',
    files: 0,
    problems: [],
    classification: { correct: 0, total: 0, byFolder: {}, confusion: {}, wrong: [] },
    stories: {
      overall: blank(),
      byLanguage: {},
      byForm: {},
      byFolder: {},
      byLayout: {},
      benefit: { agree: 0, total: 0 },
      acceptanceCriteria: { agree: 0, total: 0 },
      acRange: { agree: 0, total: 0 },
      missed: [],
      extra: [],
      disagreements: [],
    },
    sections: {
      byType: {},
      recognised: { agree: 0, total: 0 },
      templates: { agree: 0, total: 0 },
      missed: [],
      wrong: [],
    },
    roadmap: {
      items: blank(),
      why: { agree: 0, total: 0 },
      horizon: { agree: 0, total: 0 },
      horizonHeadings: blank(),
      metrics: { agree: 0, total: 0, notRead: 0 },
      missed: [],
      extra: [],
      disagreements: [],
    },
    findings: {
      perRule: {},
      byRole: {},
      overall: { findings: 0, tp: 0, precision: null },
      recall: { agree: 0, total: 0 },
      coveredRecall: { agree: 0, total: 0 },
      byCategory: {},
      labelRecall: {},
      labelMissed: [],
      uncategorised: [],
      unjudged: [],
      wrong: [],
      missed: [],
    },
    silence: {
      files: 0,
      findings: 0,
      filesWithFindings: 0,
      artifacts: 0,
      decoyFindings: 0,
      decoyLines: 0,
      flagged: [],
    },
  };
  for (const [saved, g] of Object.entries(gold.files).sort(([a], [b]) => a.localeCompare(b))) {
    const linted = lintFile(path.join(dir, saved), g);
    res.files++;
    const at = (line: number, note?: string): Pointer => ({
      file: saved,
      line,
      text: (linted.lines[line - 1] ?? '').trim().slice(0, 100),
      note,
    });
    if (linted.problem) res.problems.push({ file: saved, line: 1, text: linted.problem });
    classification(res, g, linted.report, at);
    stories(res, g, linted, at);
    sections(res, g, linted.report, at);
    roadmap(res, g, linted, at);
    findings(res, saved, g, linted, verdicts, at);
    labelRecall(res, g, linted, at);
    silence(res, g, linted, at);
  }
  return res;
}

function classification(
  res: RealworldResult,
  g: GoldFile,
  report: InspectReport | null,
  at: (l: number, n?: string) => Pointer,
): void {
  const predicted = report ? (report.kind ?? 'none') : 'unreadable';
  const c = res.classification;
  const ok = predicted === g.kind;
  c.total++;
  if (ok) c.correct++;
  count((c.byFolder[g.folder] ??= { agree: 0, total: 0 }), ok);
  const row = (c.confusion[g.kind] ??= {});
  row[predicted] = (row[predicted] ?? 0) + 1;
  if (!ok) {
    const why = report?.evidence
      .map((e) => `${e.signal}${e.lines[0] ? `@${e.lines[0].line}` : ''}: ${e.detail}`)
      .slice(0, 4)
      .join('; ');
    c.wrong.push({ ...at(1), text: `gold ${g.kind}, read as ${predicted}`, note: why || undefined });
  }
}

function stories(res: RealworldResult, g: GoldFile, linted: LintedFile, at: (l: number, n?: string) => Pointer): void {
  // A template's placeholder stories are not stories; the file is left out of story location.
  if (g.kind === 'template') return;
  const gs = g.stories ?? [];
  const ps = linted.report?.stories ?? [];
  const m = matchByLine(
    gs,
    ps,
    (s) => s.line,
    (s) => s.line,
    1,
  );
  const s = res.stories;
  s.overall = add(s.overall, m.pairs.length, m.extra.length, m.missed.length);
  bump(s.byLanguage, g.language, m.pairs.length, m.extra.length, m.missed.length);
  bump(s.byFolder, g.folder, m.pairs.length, m.extra.length, m.missed.length);
  for (const { gold: gst } of m.pairs) {
    bump(s.byForm, gst.form, 1, 0, 0);
    bump(s.byLayout, layoutOf(linted.lines, gst.line), 1, 0, 0);
  }
  for (const gst of m.missed) {
    bump(s.byForm, gst.form, 0, 0, 1);
    bump(s.byLayout, layoutOf(linted.lines, gst.line), 0, 0, 1);
    s.missed.push(at(gst.line, `${gst.form}, ${layoutOf(linted.lines, gst.line)}`));
  }
  for (const p of m.extra) {
    bump(s.byForm, p.form, 0, 1, 0);
    bump(s.byLayout, layoutOf(linted.lines, p.line), 0, 1, 0);
    s.extra.push(at(p.line, `read as ${p.form} story`));
  }
  for (const { gold: gst, pred } of m.pairs) compareStory(res, gst, pred, at);
}

function compareStory(
  res: RealworldResult,
  g: GoldStory,
  p: InspectedStory,
  at: (l: number, n?: string) => Pointer,
): void {
  const s = res.stories;
  const benefit = p.benefit !== null;
  count(s.benefit, benefit === g.has_benefit);
  if (benefit !== g.has_benefit)
    s.disagreements.push(at(g.line, g.has_benefit ? 'benefit not seen' : `benefit read as "${p.benefit}"`));
  const ac = p.acceptanceCriteria !== null;
  count(s.acceptanceCriteria, ac === g.has_acceptance_criteria);
  if (ac !== g.has_acceptance_criteria) {
    s.disagreements.push(
      at(
        g.line,
        g.has_acceptance_criteria
          ? `acceptance criteria (lines ${g.ac_lines?.join('–')}) not seen`
          : `lines ${p.acceptanceCriteria?.line}–${p.acceptanceCriteria?.endLine} read as acceptance criteria`,
      ),
    );
  }
  if (g.ac_lines && p.acceptanceCriteria) {
    const [gs, ge] = g.ac_lines;
    count(s.acRange, p.acceptanceCriteria.line <= ge && p.acceptanceCriteria.endLine >= gs);
  }
}

function sections(
  res: RealworldResult,
  g: GoldFile,
  report: InspectReport | null,
  at: (l: number, n?: string) => Pointer,
): void {
  if (!g.sections) return;
  const sectioned = report !== null && report.kind !== null && SECTIONED.has(report.kind);
  const headings = (report?.sections ?? []).map((s) => ({ ...s, kinds: sectionKinds(s.title) as readonly string[] }));
  const template = g.kind === 'template';
  for (const [name, gs] of Object.entries(g.sections)) {
    const kinds = sectionKindsFor(name);
    const named = headings.filter((h) => h.kinds.some((k) => kinds.includes(k)));
    const atLine =
      gs.heading_line === null ? undefined : named.find((h) => Math.abs(h.line - (gs.heading_line as number)) <= 1);
    if (template) {
      if (gs.present) count(res.sections.templates, atLine !== undefined);
      continue;
    }
    const t = (res.sections.byType[name] ??= {
      presentAbsent: { agree: 0, total: 0 },
      headingLine: { agree: 0, total: 0 },
    });
    // Present/absent as the rules see it: only a document read as a PRD, epic or business case has sections.
    const seen = sectioned && named.length > 0;
    count(t.presentAbsent, seen === gs.present);
    if (gs.present && gs.heading_line !== null) {
      const ok = sectioned && atLine !== undefined;
      count(t.headingLine, ok);
      count(res.sections.recognised, ok);
      if (!ok)
        res.sections.missed.push(
          at(gs.heading_line, `${name}${sectioned ? '' : ` (file read as ${report?.kind ?? 'none'})`}`),
        );
    } else if (!gs.present && seen) {
      res.sections.wrong.push(at(named[0]?.line ?? 1, `${name} is absent in gold, read from "${named[0]?.title}"`));
    }
  }
}

function roadmap(res: RealworldResult, g: GoldFile, linted: LintedFile, at: (l: number, n?: string) => Pointer): void {
  const r = res.roadmap;
  const report = linted.report;
  const isRoadmap = report?.kind === 'roadmap' || report?.kind === 'roadmap-item';
  if (g.items) {
    const ps = isRoadmap ? (report?.roadmapItems ?? []) : [];
    const m = matchByLine(
      g.items,
      ps,
      (i) => i.line,
      (i) => i.line,
      1,
    );
    r.items = add(r.items, m.pairs.length, m.extra.length, m.missed.length);
    for (const i of m.missed) r.missed.push(at(i.line, 'item not read'));
    for (const i of m.extra) r.extra.push(at(i.line, 'read as an item'));
    const flagged = (rule: string, line: number): boolean =>
      linted.findings.some((f) => f.ruleId === rule && f.line === line);
    for (const { gold: gi, pred } of m.pairs) {
      // What the user sees: an item has a why (horizon) unless the rule reports it.
      const why = !flagged('roadmap-item-why', pred.line);
      const horizon = !flagged('roadmap-item-horizon', pred.line);
      count(r.why, why === gi.has_why);
      count(r.horizon, horizon === gi.has_horizon);
      if (why !== gi.has_why)
        r.disagreements.push(at(gi.line, gi.has_why ? 'why not seen' : `why read as "${pred.why ?? '(no finding)'}"`));
      if (horizon !== gi.has_horizon)
        r.disagreements.push(
          at(gi.line, gi.has_horizon ? 'horizon not seen' : `horizon read as "${pred.horizon ?? '(no finding)'}"`),
        );
    }
  }
  if (g.horizon_headings && g.kind === 'roadmap') {
    const ps = isRoadmap ? (report?.sections ?? []).filter((s) => isHorizonTitle(s.title)) : [];
    const m = matchByLine(
      g.horizon_headings,
      ps,
      (l) => l,
      (s) => s.line,
      1,
    );
    r.horizonHeadings = add(r.horizonHeadings, m.pairs.length, m.extra.length, m.missed.length);
    for (const l of m.missed) r.missed.push(at(l, 'horizon heading not read'));
    for (const s of m.extra) r.extra.push(at(s.line, 'read as a horizon heading'));
  }
  for (const metric of g.metrics ?? []) {
    if (!report?.kind || !SECTIONED.has(report.kind)) {
      r.metrics.notRead++;
      continue;
    }
    const measurable = !linted.findings.some((f) => f.ruleId === 'metric-measurable' && f.line === metric.line);
    count(r.metrics, measurable === metric.measurable);
    if (measurable !== metric.measurable)
      r.disagreements.push(
        at(metric.line, metric.measurable ? 'measurable metric reported' : 'unmeasurable metric not reported'),
      );
  }
}

/** A finding on a story's or an artifact's behalf: common rules count with the role of the artifact they are on. */
export function roleOf(f: Pick<Finding, 'role' | 'artifact'>): 'po' | 'pm' {
  if (f.role !== 'common') return f.role;
  return f.artifact === 'story' || f.artifact === 'backlog' ? 'po' : 'pm';
}

export function verdictKey(saved: string, line: number, ruleId: string): string {
  return `${saved}:${line}:${ruleId}`;
}

function findings(
  res: RealworldResult,
  saved: string,
  g: GoldFile,
  linted: LintedFile,
  verdicts: Verdicts,
  at: (l: number, n?: string) => Pointer,
): void {
  const F = res.findings;
  const expected = g.expected_findings.map((e) => ({ ...e, categories: whatCategories(e.what) }));
  for (const e of expected) if (e.categories.length === 0) F.uncategorised.push(at(e.line, e.what));
  // Plain files are scored by the silence report; their findings count as wrong here too.
  const m = matchByLine(
    expected,
    linted.findings,
    (e) => e.line,
    (f) => f.line,
    2,
    (e, f) => ruleCategories(f.ruleId).some((c) => e.categories.includes(c)),
  );
  const matched = new Set(m.pairs.map((p) => p.pred));
  for (const e of expected) {
    const found = m.pairs.some((p) => p.gold === e);
    count(F.recall, found);
    if (e.categories.some((c) => COVERED.has(c))) count(F.coveredRecall, found);
    for (const c of e.categories.length ? e.categories : ['(uncategorised)'])
      count((F.byCategory[c] ??= { agree: 0, total: 0 }), found);
    if (!found) F.missed.push(at(e.line, `${e.what} [${e.categories.join(', ') || 'uncategorised'}]`));
  }
  for (const f of linted.findings) {
    const rule = (F.perRule[f.ruleId] ??= {
      findings: 0,
      gold: 0,
      labelsRight: 0,
      labelsWrong: 0,
      right: 0,
      wrong: 0,
      unjudged: 0,
      precision: null,
    });
    const role = (F.byRole[roleOf(f)] ??= { findings: 0, tp: 0, precision: null });
    rule.findings++;
    role.findings++;
    F.overall.findings++;
    let tp = false;
    if (matched.has(f)) {
      rule.gold++;
      tp = true;
    } else {
      const key = verdictKey(saved, f.line, f.ruleId);
      // A reviewer's verdict overrides what the labels imply.
      const v = verdicts[key];
      const byLabels = v ? null : labelVerdict(g, f);
      if (v?.verdict === 'right') {
        rule.right++;
        tp = true;
      } else if (v?.verdict === 'wrong') {
        rule.wrong++;
        F.wrong.push({ ...at(f.line, v.reason), rule: f.ruleId });
      } else if (byLabels?.verdict === 'right') {
        rule.labelsRight++;
        tp = true;
      } else if (byLabels?.verdict === 'wrong') {
        rule.labelsWrong++;
        F.wrong.push({ ...at(f.line, byLabels.reason), rule: f.ruleId });
      } else {
        rule.unjudged++;
        F.unjudged.push({ ...at(f.line, f.message.slice(0, 140)), rule: f.ruleId, key });
      }
    }
    if (tp) {
      role.tp++;
      F.overall.tp++;
    }
    rule.precision = (rule.gold + rule.labelsRight + rule.right) / rule.findings;
    role.precision = role.tp / role.findings;
    F.overall.precision = F.overall.tp / F.overall.findings;
  }
}

const SECTION_RULE: Record<string, string> = {
  problem: 'prd-problem',
  audience: 'prd-audience',
  success_metrics: 'prd-success-metrics',
  non_goals: 'prd-scope',
  risks: 'prd-risks',
};

/** What the labels say is missing, and whether the rule that should say so did (story rules ±1 line). */
function labelRecall(
  res: RealworldResult,
  g: GoldFile,
  linted: LintedFile,
  at: (l: number, n?: string) => Pointer,
): void {
  if (g.kind === 'none' || g.kind === 'template' || g.should_stay_silent) return;
  const F = res.findings;
  const stories = g.stories ?? [];
  const check = (rule: string, line: number, tolerance: number, what: string): void => {
    // A story rule's finding belongs to the story it sits in (storyAt); others must be within the tolerance.
    const on = (f: Finding): boolean =>
      rule.startsWith('story-') ? storyAt(stories, f.line)?.line === line : Math.abs(f.line - line) <= tolerance;
    const found = linted.findings.some((f) => f.ruleId === rule && on(f));
    count((F.labelRecall[rule] ??= { agree: 0, total: 0 }), found);
    if (!found) F.labelMissed.push({ ...at(line, what), rule });
  };
  for (const st of g.stories ?? []) {
    if (!st.has_benefit) check('story-benefit', st.line, 1, 'story without a benefit');
    if (!st.has_acceptance_criteria)
      check('story-acceptance-criteria', st.line, 1, 'story without acceptance criteria');
    if (!st.atomic) check('story-atomic', st.line, 1, 'story with more than one feature');
  }
  for (const item of g.items ?? []) {
    if (!item.has_why) check('roadmap-item-why', item.line, 1, 'item without a why');
    if (!item.has_horizon) check('roadmap-item-horizon', item.line, 1, 'item without a horizon');
  }
  for (const m of g.metrics ?? []) if (!m.measurable) check('metric-measurable', m.line, 0, 'metric without a target');
  if (g.kind === 'prd') {
    for (const [name, rule] of Object.entries(SECTION_RULE)) {
      if (g.sections?.[name]?.present !== false) continue;
      const found = linted.findings.some((f) => f.ruleId === rule);
      count((F.labelRecall[rule] ??= { agree: 0, total: 0 }), found);
      if (!found) F.labelMissed.push({ ...at(1, `no ${name} section`), rule });
    }
  }
}

function silence(res: RealworldResult, g: GoldFile, linted: LintedFile, at: (l: number, n?: string) => Pointer): void {
  if (!g.should_stay_silent) return;
  const s = res.silence;
  s.files++;
  if (linted.report?.kind) s.artifacts++;
  s.findings += linted.findings.length;
  if (linted.findings.length > 0) s.filesWithFindings++;
  const decoys = g.decoy_lines ?? [];
  s.decoyLines += decoys.length;
  for (const f of linted.findings) {
    const onDecoy = decoys.some((d) => Math.abs(d - f.line) <= 1);
    if (onDecoy) s.decoyFindings++;
    s.flagged.push({ ...at(f.line, `${onDecoy ? 'decoy line; ' : ''}${f.message.slice(0, 100)}`), rule: f.ruleId });
  }
}
