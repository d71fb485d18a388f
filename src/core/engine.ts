/**
 * The engine: one parse, one classification, then every enabled rule of every enabled pack over the
 * shared model. Pure and synchronous: the CLI, the editor and the tests call the same function.
 */
import { leadingBoms, shiftForBoms } from './bom';
import { classify } from './classify';
import { lineEndingOf } from './fixes';
import type { IncrementalParser } from './incremental-parse';
import type { LintReuse, SectionView } from './incremental-lint';
import { checkStructure } from './limits';
import { outsideFocus, type LineRange } from './focus';
import { parseMarkdown } from './parse';
import { roleFromName } from './roles';
import type { ParsedDocument } from './document';
import type { DocumentModel } from './model';
import { nextMemoGeneration } from './memo';
import { findingOf } from './finding';
import type { CrossFileItem, ReportInput, Rule, RuleContext } from './rule';
import { parseDirectives, suppressorOf, type Directive } from './suppress';
import {
  ARTIFACT_KINDS,
  type ActiveSeverity,
  type ArtifactKind,
  type EffectiveConfig,
  type Finding,
  type Fix,
  type LintResult,
  type Pack,
  type Role,
} from './types';

export interface LintOptions {
  filePath?: string;
  config: EffectiveConfig;
  /**
   * The rules to run: built-in rules and loaded packs, assembled by the caller (src/rule-set.ts), so the
   * core never depends on which rules exist.
   */
  rules: readonly Rule<any>[];
  /** The document's parser across edits (the editor's); by default each lint parses from scratch. */
  parser?: IncrementalParser;
  /** False when nothing will check across files (the editor linting one document): skips collecting for it. */
  crossFile?: boolean;
  /** The document's classification and rule results across edits (the editor's): reused for untouched sections. */
  reuse?: LintReuse;
  /** The time budget of the lint in ms, if any: text sure to need more is refused before its parse (limits.ts). */
  budgetMs?: number;
  /**
   * Focus mode (as vscode-markdownlint's `focusMode`): lines the user is editing, 1-based and inclusive. Findings
   * touching them are held back, so a template being filled in is not flagged mid-word; they show once the
   * editor stops passing the lines. Suppressed findings are held back too. Cross-file items are unaffected.
   */
  focus?: readonly LineRange[];
}

export interface DocumentLint {
  result: LintResult;
  doc: ParsedDocument;
  model: DocumentModel;
  /** Per rule id, what this file contributes to checks across files. */
  crossFile: Map<string, CrossFileItem[]>;
  /** The inline suppression comments, parsed once: checks across files need them too. */
  directives: Directive[];
}

/** Front matter `role:` / `owner:` narrows the packs to that role (common rules still run). */
export function rolesFor(doc: ParsedDocument, config: EffectiveConfig): Set<Pack> {
  const data = doc.frontMatter?.data as Record<string, unknown> | undefined;
  let roles: Role[] = config.roles;
  for (const key of ['role', 'owner']) {
    const value = data && typeof data === 'object' ? data[key] : undefined;
    const named = (Array.isArray(value) ? value : [value]).map(roleFromName).filter((r): r is Role => r !== undefined);
    if (named.length > 0) {
      roles = roles.filter((r) => named.includes(r));
      break;
    }
  }
  const packs = new Set<Pack>(roles);
  if (roles.length > 0) packs.add('common');
  return packs;
}

/** A document that is no artifact can still claim to be one in its front matter (and be told it is wrong). */
function claimsArtifact(doc: ParsedDocument): boolean {
  const data = doc.frontMatter?.data;
  if (doc.frontMatter?.error) return true;
  return !!data && typeof data === 'object' && ['type', 'role', 'owner'].some((k) => k in (data as object));
}

/** The artifact kinds a document holds: its own kind and the kinds of its parts. */
export function artifactsIn(model: DocumentModel): Set<ArtifactKind> {
  if (model.kind === null) return new Set();
  const kinds = new Set<ArtifactKind>([model.kind]);
  if (model.stories.length > 0) kinds.add('story');
  if (model.backlog) kinds.add('backlog');
  if (model.sectioned) kinds.add(model.sectioned.kind);
  if (model.roadmap) kinds.add('roadmap');
  if (model.roadmap?.items.length) kinds.add('roadmap-item');
  return kinds;
}

/**
 * Whether a rule looks at this document: it holds one of the rule's artifacts. A document that claims to
 * be an artifact in its front matter without being recognised as one gets only the rules about every
 * kind (the front-matter rule says what is wrong with the claim).
 */
function appliesTo(rule: Rule<any>, model: DocumentModel, present: ReadonlySet<ArtifactKind>): boolean {
  if (model.kind === null) return ARTIFACT_KINDS.every((k) => rule.meta.artifacts.includes(k));
  return rule.meta.artifacts.some((a) => present.has(a));
}

export function severityOf(rule: Rule<any>, config: EffectiveConfig): ActiveSeverity | 'off' {
  return config.rules[rule.meta.id]?.severity ?? rule.meta.severity;
}

/** Each rule's parsed options per resolved config: parsed once per config, not on every lint of every file. */
const parsedOptions = new WeakMap<EffectiveConfig, Map<Rule<any>, unknown>>();

function optionsOf(rule: Rule<any>, config: EffectiveConfig): unknown {
  if (!rule.options) return undefined;
  let byRule = parsedOptions.get(config);
  if (!byRule) {
    byRule = new Map();
    parsedOptions.set(config, byRule);
  }
  if (byRule.has(rule)) return byRule.get(rule);
  const parsed = rule.options.safeParse(config.rules[rule.meta.id]?.options ?? {});
  // The config layer reports invalid options with their key path; here the rule falls back to its defaults.
  const options = parsed.success ? parsed.data : rule.options.parse({});
  byRule.set(rule, options);
  return options;
}

function withEol(fix: Fix | undefined, eol: string): Fix | undefined {
  if (!fix || eol === '\n') return fix;
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, text: e.text.replace(/\r\n?|\n/g, eol) })) };
}

export function lintParsed(doc: ParsedDocument, options: LintOptions): DocumentLint {
  nextMemoGeneration();
  const { rules } = options;
  const classifyOptions = { filePath: options.filePath, config: options.config };
  const model = options.reuse ? options.reuse.classify(doc, classifyOptions) : classify(doc, classifyOptions);
  const result: LintResult = { filePath: options.filePath ?? '', artifact: model.kind, findings: [], suppressed: [] };
  const crossFile = new Map<string, CrossFileItem[]>();
  const directives = parseDirectives(doc);
  // A template (an issue form, a PRD skeleton) is silent: its placeholders are the point of it.
  if (model.template || (model.kind === null && !claimsArtifact(doc)))
    return { result, doc, model, crossFile, directives };

  const packs = rolesFor(doc, options.config);
  const present = artifactsIn(model);
  const eol = lineEndingOf(doc.text);
  const all: Finding[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, options.config);
    if (severity === 'off' || !packs.has(rule.meta.role) || !appliesTo(rule, model, present)) continue;
    const contextOf = (view: SectionView, sink: Finding[]): RuleContext<unknown> => ({
      doc: view.doc,
      model: view.model,
      config: options.config,
      options: optionsOf(rule, options.config),
      range: view.range,
      documentIncludes: view.documentIncludes,
      report: (input: ReportInput) => sink.push(toFinding(doc, rule, severity, input, eol)),
      template: (name = 'default') => {
        const key = name === 'default' ? rule.meta.id : `${rule.meta.id}.${name}`;
        const text = options.config.templates[key] ?? rule.templates[name];
        if (text === undefined) throw new Error(`Rule ${rule.meta.id} has no template '${name}'`);
        return text;
      },
    });
    const check = (view: SectionView): Finding[] => {
      const sink: Finding[] = [];
      rule.check(contextOf(view, sink));
      return sink;
    };
    try {
      const collecting = rule.crossFile && options.crossFile !== false;
      if (options.reuse && rule.meta.scope === 'section' && !collecting) {
        all.push(...options.reuse.sectionFindings(rule.meta.id, [severity, eol], check));
      } else {
        const whole: SectionView = {
          doc,
          model,
          range: { start: 0, end: doc.text.length },
          documentIncludes: (text) => doc.text.includes(text),
        };
        all.push(...check(whole));
        if (collecting) crossFile.set(rule.meta.id, rule.crossFile!.collect(contextOf(whole, [])));
      }
    } catch (err) {
      throw new Error(
        `Rule ${rule.meta.id} failed on ${options.filePath ?? 'the document'}: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }
  for (const f of all.sort(
    (a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.ruleId.localeCompare(b.ruleId),
  )) {
    const by = suppressorOf(directives, f);
    if (by) result.suppressed.push({ ...f, suppressed: { kind: 'inline', comment: by.comment } });
    else result.findings.push(f);
  }
  return { result, doc, model, crossFile, directives };
}

function toFinding(
  doc: ParsedDocument,
  rule: Rule<any>,
  severity: ActiveSeverity,
  input: ReportInput,
  eol: string,
): Finding {
  const start = Math.max(0, Math.min(input.span.start, doc.text.length));
  const end = Math.max(start, Math.min(input.span.end, doc.text.length));
  const s = doc.lines.positionAt(start);
  const e = doc.lines.positionAt(end);
  const finding = findingOf(rule, severity, {
    artifact: input.artifact,
    message: input.message,
    rationale: input.rationale,
    range: [start, end],
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
  });
  const fix = withEol(input.fix, eol);
  if (fix) finding.fix = fix;
  if (input.suggestions?.length) finding.suggestions = input.suggestions.map((f) => withEol(f, eol) as Fix);
  return finding;
}

/**
 * Lints one document, keeping the parse and model (for callers that need them, like the editor).
 * Leading BOMs are stripped before the parse; offsets in the result still refer to `text` as given.
 * Throws TooComplexError (limits.ts), before any parse, for text over the structural limits.
 */
export function lintDocument(text: string, options: LintOptions): DocumentLint {
  // Every leading BOM, not only the file's own: the parser drops one more of its own, which would shift offsets.
  const boms = leadingBoms(text);
  const source = boms > 0 ? text.slice(boms) : text;
  checkStructure(source, { budgetMs: options.budgetMs });
  const doc = options.parser ? options.parser.parse(source, options.filePath) : parseMarkdown(source, options.filePath);
  const lint = lintParsed(doc, options);
  if (boms > 0) {
    lint.result.findings = lint.result.findings.map((f) => shiftForBoms(f, boms));
    lint.result.suppressed = lint.result.suppressed.map((f) => shiftForBoms(f, boms));
  }
  const focus = options.focus;
  if (focus && focus.length > 0) {
    lint.result.findings = outsideFocus(lint.result.findings, focus);
    lint.result.suppressed = outsideFocus(lint.result.suppressed, focus);
  }
  return lint;
}

/** Lints one document's text. */
export function lintText(text: string, options: LintOptions): LintResult {
  return lintDocument(text, options).result;
}
