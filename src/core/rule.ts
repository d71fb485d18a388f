/** What a rule is: metadata (validated with zod), docs, fix templates, and the check itself. */
import { z } from 'zod';
import type { ParsedDocument } from './document';
import type { DocumentModel } from './model';
import type { ActiveSeverity, ArtifactKind, EffectiveConfig, Fix, Pack, Span } from './types';
import { ACTIVE_SEVERITIES, ARTIFACT_KINDS, PACKS } from './types';

export const DOCS_BASE = 'https://github.com/backlog-lint/backlog-lint/blob/main/rules';

export const ruleMetaSchema = z.strictObject({
  /** Kebab-case; a team pack's rules carry the pack's name: `acme/story-estimate`. */
  id: z
    .string()
    .regex(/^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*\/)?[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'rule ids are kebab-case'),
  role: z.enum(PACKS as [Pack, ...Pack[]]),
  /**
   * Artifact kinds the rule looks at; the engine skips the rule for documents holding none of them (the
   * document's kind or the kind of a part: a backlog's stories hold `story`), so a rule of one kind need not
   * test the kind again; a rule of several kinds still sees each one present. List every kind for a rule
   * about any document: only those run on a document that is no artifact but claims one in its front matter.
   */
  artifacts: z.array(z.enum(ARTIFACT_KINDS as [ArtifactKind, ...ArtifactKind[]])).min(1),
  severity: z.enum(ACTIVE_SEVERITIES as [ActiveSeverity, ...ActiveSeverity[]]),
  /** One line: what the rule reports. */
  description: z.string().min(10),
  /** Why the owning role needs it. */
  rationale: z.string().min(10),
  fixable: z.boolean(),
  /**
   * What the rule's findings depend on. 'section': the findings in a top-level section depend only on
   * that section (its text, its nodes, the stories located in it) and on the document's kind and the
   * config, so the editor re-checks only the sections an edit touched and reuses the rest. 'document'
   * (the default): they depend on the whole document (counts, duplicates, uniformity), so the rule
   * runs on all of it every time.
   */
  scope: z.enum(['section', 'document']).optional(),
});
export type RuleMeta = z.infer<typeof ruleMetaSchema>;

export interface ReportInput {
  artifact: ArtifactKind;
  /** What to underline. */
  span: Span | { start: number; end: number };
  /** What is wrong and what to do, short (see MAX_MESSAGE_LENGTH). */
  message: string;
  /** Why this case matters, when it differs from the rule's `meta.rationale`. */
  rationale?: string;
  fix?: Fix;
  suggestions?: Fix[];
}

export interface RuleContext<O> {
  doc: ParsedDocument;
  model: DocumentModel;
  config: EffectiveConfig;
  options: O;
  report(finding: ReportInput): void;
  /** A fix template: the config's override if there is one, else the rule's built-in one. */
  template(name?: string): string;
  /**
   * The part of the text to check: the whole document, or one top-level section when the editor
   * re-checks what an edit touched (`doc.root` and `model` then hold only that section's nodes and
   * stories). Rules of scope 'section' that scan raw text scan this range.
   */
  range: { start: number; end: number };
  /**
   * Whether the whole document's text holds `text`: the way a rule of scope 'section' looks outside
   * its section, so the editor can tell when an edit elsewhere changes the answer.
   */
  documentIncludes(text: string): boolean;
}

/** Something one file contributes to a check across all files of a run (e.g. duplicate stories). */
export interface CrossFileItem {
  artifact: ArtifactKind;
  span: { start: number; end: number };
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Whatever the rule needs to compare items (normalised text, say). */
  key: string;
}

export interface CrossFileReport {
  filePath: string;
  item: CrossFileItem;
  message: string;
  rationale?: string;
}

export interface Rule<O = unknown> {
  meta: RuleMeta;
  /** The rule's documentation (Markdown, with a failing and a passing example). */
  docs: string;
  /** Built-in fix templates by name; the unnamed one is `default`. */
  templates: Record<string, string>;
  /** Where findings link to, when not this repository's rules/<role>/<id>/README.md (a team pack's rule). */
  docsUrl?: string;
  /** Options schema; the parsed defaults are used when the config gives none. */
  options?: z.ZodType<O>;
  check(ctx: RuleContext<O>): void;
  /** Optional check across the files of one run. `collect` runs per file, `checkAcross` once at the end. */
  crossFile?: {
    collect(ctx: RuleContext<O>): CrossFileItem[];
    checkAcross(items: { filePath: string; item: CrossFileItem }[]): CrossFileReport[];
  };
}

export interface RuleDefinition<O> {
  meta: RuleMeta;
  docs: string;
  templates?: Record<string, string>;
  options?: z.ZodType<O>;
  check(ctx: RuleContext<O>): void;
  crossFile?: Rule<O>['crossFile'];
}

/** Declares a rule; its metadata is validated when the module loads, so a bad rule fails every test at once. */
export function defineRule<O = undefined>(def: RuleDefinition<O>): Rule<O> {
  const parsed = ruleMetaSchema.safeParse(def.meta);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Rule ${String(def.meta?.id)}: meta.${issue?.path.join('.')}: ${issue?.message}`);
  }
  if (!def.docs.includes('```')) {
    throw new Error(`Rule ${def.meta.id}: docs must show a failing and a passing example in fenced blocks`);
  }
  return { ...def, templates: def.templates ?? {} };
}

export function docsUrl(meta: Pick<RuleMeta, 'id' | 'role'>): string {
  return `${DOCS_BASE}/${meta.role}/${meta.id}/README.md`;
}

export type { Pack };
