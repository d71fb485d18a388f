/**
 * The contract shared by the core, the rules, the CLI and the VS Code extension.
 * Nothing here (or anywhere under src/core, src/config, src/formatters, rules/) imports `vscode`.
 */

import type { LoadedPack } from '../config/pack-schema';

/** A rule pack. `po` and `pm` are roles a user can select; `common` runs whenever any role runs. */
export type Pack = 'po' | 'pm' | 'common';
export const PACKS: readonly Pack[] = ['po', 'pm', 'common'];
export type Role = 'po' | 'pm';
export const ROLES: readonly Role[] = ['po', 'pm'];

export type Severity = 'off' | 'info' | 'warning' | 'error';
export type ActiveSeverity = Exclude<Severity, 'off'>;
export const ACTIVE_SEVERITIES: readonly ActiveSeverity[] = ['info', 'warning', 'error'];
export const SEVERITIES: readonly Severity[] = ['off', ...ACTIVE_SEVERITIES];

export type ArtifactKind = 'story' | 'backlog' | 'epic' | 'prd' | 'roadmap' | 'roadmap-item' | 'business-case';
export const ARTIFACT_KINDS: readonly ArtifactKind[] = [
  'story',
  'backlog',
  'epic',
  'prd',
  'roadmap',
  'roadmap-item',
  'business-case',
];

/** A piece of the document: UTF-16 offsets into the original text, end exclusive, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One replacement in the original text. Offsets are UTF-16 code units, end exclusive. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** A fix: a titled set of non-overlapping edits that must be applied together. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Longest finding message, in characters: ESLint's and markdownlint's messages fit in a Problems row at this length. */
export const MAX_MESSAGE_LENGTH = 100;

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units. */
  column: number;
}

export interface Finding {
  ruleId: string;
  /** The pack that owns the rule: the role the message speaks for. */
  role: Pack;
  /** The artifact the finding is about (a story inside a backlog reports `story`). */
  artifact: ArtifactKind;
  severity: ActiveSeverity;
  /** What is wrong and what to do, in one short line (at most MAX_MESSAGE_LENGTH characters; the rule suite checks). */
  message: string;
  /** Why the role needs it: the report's own reason, else the rule's `meta.rationale`. Shown in hovers, `--verbose`, JSON and SARIF. */
  rationale: string;
  /** Offsets of the reported text. */
  range: [number, number];
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  docsUrl: string;
  /** Applied by `--fix` and offered as the quick fix. */
  fix?: Fix;
  /** Offered in the editor only (not applied by `--fix`). */
  suggestions?: Fix[];
  /** Set when an inline `backlog-lint-disable…` comment silenced the finding. */
  suppressed?: { kind: 'inline'; comment: Span };
}

/** A file that could not be linted (unreadable, binary, too large, …). Reported, never thrown. */
export interface FileProblem {
  message: string;
  /** Config key path, when the problem is a config error. */
  keyPath?: string;
  /** File the problem is about (a config file, say), when it is not the linted file itself. */
  file?: string;
  /** 1-based line the problem is at, when it has one (where a document went over a structural limit). */
  line?: number;
}

export interface LintResult {
  filePath: string;
  /** Document-level artifact kind, or null for ordinary Markdown (which gets no findings). */
  artifact: ArtifactKind | null;
  findings: Finding[];
  /** Findings silenced by inline comments (kept for SARIF `suppressions`). */
  suppressed: Finding[];
  /** Set when the file could not be linted; findings are then empty. */
  problem?: FileProblem;
}

/** A rule's options after config: severity and (validated) options. */
export interface RuleSetting {
  severity: Severity;
  options?: unknown;
}

/**
 * The configuration in force for one file, after discovery, merging, overrides and globs.
 * The core never sees globs: the config layer resolves them for the file.
 */
export interface EffectiveConfig {
  /** Roles whose packs run (common runs when any role runs). */
  roles: Role[];
  /** Per-rule settings; rules not listed run at their default severity. */
  rules: Record<string, RuleSetting>;
  /** Artifact kind forced by an `artifacts` glob that matched this file. */
  artifact?: ArtifactKind;
  /** Words the ambiguous-language rule must accept (team allow-list). */
  allowWords: string[];
  /** Labels that open an acceptance-criteria block (headings or bold labels), compared case-insensitively. */
  acceptanceCriteriaLabels: string[];
  /** Fix templates overriding the built-in ones, keyed by template name (`<rule-id>` or `<rule-id>.<name>`). */
  templates: Record<string, string>;
  /** Config files that contributed, nearest last. */
  sources: string[];
  /** Rule packs the configs loaded (data), farthest first; the edges turn them into rules (src/rule-set.ts). */
  packs?: LoadedPack[];
}

/** Read access to files, injected so the editor can use `vscode.workspace.fs` and tests can use memory. */
export interface FileSystemHost {
  /**
   * Returns the file's text, or undefined when it does not exist. Throws for other I/O errors. Hosts read
   * regular files only, never more than `maxBytes` (when given), and throw an UnreadableFileError
   * (src/config/errors.ts) for anything else, without blocking on FIFOs or devices.
   */
  readFile(path: string, maxBytes?: number): Promise<string | undefined>;
  /** Lists the names in a folder, or undefined when it does not exist. */
  readDirectory?(path: string): Promise<string[] | undefined>;
  /**
   * The path with every symlink resolved, or undefined when it does not exist; hosts that cannot resolve
   * links throw an UnreadableFileError for a path through one. Hosts without links (memory) omit it.
   */
  realPath?(path: string): Promise<string | undefined>;
}
