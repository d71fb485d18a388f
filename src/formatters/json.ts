/**
 * ESLint-compatible JSON: an array of per-file results with absolute `filePath` and ESLint's
 * message and count fields, so tools that read `eslint --format json` read this too.
 * backlog-lint's own data (role, artifact, docs link, multi-edit fixes) rides along in extra fields.
 */
import type { ActiveSeverity, ArtifactKind, Finding, Fix, LintResult, Pack } from '../core/types';
import type { FormatContext } from './context';
import { countResult } from './counts';
import { inertJson } from './inert';
import { absolutePath } from './paths';
import type { ReportStream } from './stream';

/** ESLint's numeric severities; ESLint has no info level, so info is 0 ("off" there, never emitted). */
const SEVERITY: Record<ActiveSeverity, 0 | 1 | 2> = { error: 2, warning: 1, info: 0 };

/** ESLint's single-replacement fix. */
export interface JsonEdit {
  range: [number, number];
  text: string;
}

export interface JsonSuggestion {
  desc: string;
  /** ESLint form, present when the suggestion is a single edit. */
  fix?: JsonEdit;
  edits: JsonEdit[];
}

export interface JsonFindingMessage {
  ruleId: string;
  severity: 0 | 1 | 2;
  message: string;
  /** Why the role needs it (the finding's own reason, else the rule's). */
  rationale: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  role: Pack;
  artifact: ArtifactKind;
  docsUrl: string;
  /** ESLint form, present when the fix is a single edit (ESLint fixes are always one replacement). */
  fix?: JsonEdit;
  /** The fix as backlog-lint has it: title and every edit. */
  backlogFix?: Fix;
  suggestions?: JsonSuggestion[];
  /** ESLint's shape for a message silenced by an inline directive. */
  suppressions?: { kind: 'directive'; justification: string }[];
}

/** A file that could not be linted, shaped like ESLint's fatal parse-error message (which has no rule). */
export interface JsonProblemMessage {
  ruleId: null;
  fatal: true;
  severity: 2;
  message: string;
  /** Config key to blame, when the problem is a config error. */
  keyPath?: string;
  /** Absolute path of the file the problem is about, when it is not the linted file. */
  file?: string;
}

export interface JsonFileResult {
  filePath: string;
  messages: (JsonFindingMessage | JsonProblemMessage)[];
  suppressedMessages: JsonFindingMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  artifact: ArtifactKind | null;
}

/** The same text as JSON.stringify of the whole array: inertJson rewrites only inside strings, so it can go a file at a time. */
export function jsonStream(ctx: FormatContext): ReportStream {
  let first = true;
  return {
    head: () => '[',
    file(result) {
      const text = inertJson(JSON.stringify(fileResult(result, ctx.cwd)));
      if (first) {
        first = false;
        return text;
      }
      return `,${text}`;
    },
    tail: () => ']\n',
  };
}

function fileResult(result: LintResult, cwd: string): JsonFileResult {
  const counts = countResult(result);
  const messages: JsonFileResult['messages'] = result.findings.map(findingMessage);
  if (result.problem) {
    const problem: JsonProblemMessage = { ruleId: null, fatal: true, severity: 2, message: result.problem.message };
    if (result.problem.keyPath !== undefined) problem.keyPath = result.problem.keyPath;
    if (result.problem.file !== undefined) problem.file = absolutePath(cwd, result.problem.file);
    messages.unshift(problem);
  }
  return {
    filePath: absolutePath(cwd, result.filePath),
    messages,
    suppressedMessages: result.suppressed.map((finding) => ({
      ...findingMessage(finding),
      suppressions: [{ kind: 'directive', justification: '' }],
    })),
    errorCount: counts.errors,
    fatalErrorCount: result.problem ? 1 : 0,
    warningCount: counts.warnings,
    infoCount: counts.infos,
    fixableErrorCount: counts.fixableErrors,
    fixableWarningCount: counts.fixableWarnings,
    artifact: result.artifact,
  };
}

function findingMessage(finding: Finding): JsonFindingMessage {
  const message: JsonFindingMessage = {
    ruleId: finding.ruleId,
    severity: SEVERITY[finding.severity],
    message: finding.message,
    rationale: finding.rationale,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    role: finding.role,
    artifact: finding.artifact,
    docsUrl: finding.docsUrl,
  };
  if (finding.fix) {
    const single = singleEdit(finding.fix);
    if (single) message.fix = single;
    message.backlogFix = finding.fix;
  }
  if (finding.suggestions && finding.suggestions.length > 0) {
    message.suggestions = finding.suggestions.map((fix) => {
      const suggestion: JsonSuggestion = { desc: fix.title, edits: fix.edits.map(copyEdit) };
      const single = singleEdit(fix);
      if (single) suggestion.fix = single;
      return suggestion;
    });
  }
  return message;
}

function singleEdit(fix: Fix): JsonEdit | undefined {
  const [only, ...rest] = fix.edits;
  return only && rest.length === 0 ? copyEdit(only) : undefined;
}

function copyEdit(edit: { range: [number, number]; text: string }): JsonEdit {
  return { range: [edit.range[0], edit.range[1]], text: edit.text };
}
