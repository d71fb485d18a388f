/** What a rule is: metadata (validated with zod), docs, fix templates, and the check itself. */
import { z } from 'zod';
import type { ParsedDocument } from './document';
import type { DocumentModel } from './model';
import type { ArtifactKind, EffectiveConfig, Fix, Pack, Span } from './types';
import { ARTIFACT_KINDS } from './types';

export const DOCS_BASE = 'https://github.com/backlog-lint/backlog-lint/blob/main/rules';

export const ruleMetaSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'rule ids are kebab-case'),
  role: z.enum(['po', 'pm', 'common']),
  /** Artifact kinds the rule looks at; the engine skips the rule for documents holding none of them. */
  artifacts: z.array(z.enum(ARTIFACT_KINDS as [ArtifactKind, ...ArtifactKind[]])).min(1),
  severity: z.enum(['info', 'warning', 'error']),
  /** One line: what the rule reports. */
  description: z.string().min(10),
  /** Why the owning role needs it. */
  rationale: z.string().min(10),
  fixable: z.boolean(),
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
