/**
 * The public API of the `backlog-lint` package: `import { lintText, lintFiles, loadConfig, formatResults } from 'backlog-lint'`.
 *
 * Stability (semver): everything marked `@stable` keeps its name, parameters and meaning until the next
 * major version; fields may be added. `@experimental` may change in a minor version. The text of messages
 * is never stable (it is improved in any release): match on `ruleId`, not on `message`.
 *
 * This file is written by hand and shipped as `dist/index.d.ts`; src/api/index.ts is type-checked against
 * it, so it cannot drift from the implementation.
 */

/** @stable A role whose rule pack can be selected. */
export type Role = 'po' | 'pm';
/** @stable The pack a rule belongs to: a role's, or `common` (runs whenever any role runs). */
export type Pack = Role | 'common';
/** @stable */
export type Severity = 'off' | 'info' | 'warning' | 'error';
/** @stable */
export type ActiveSeverity = 'info' | 'warning' | 'error';
/** @stable Artifact kinds; more may be added in a minor version. */
export type ArtifactKind = 'story' | 'backlog' | 'epic' | 'prd' | 'roadmap' | 'roadmap-item' | 'business-case';
/** @stable Output formats of formatResults (and the CLI's --format); more may be added in a minor version. */
export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit' | 'markdown' | 'gitlab';

/** @stable One replacement; offsets are UTF-16 code units into the linted text, end exclusive. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** @stable A titled set of non-overlapping edits, applied together. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** @stable */
export interface Finding {
  ruleId: string;
  role: Pack;
  artifact: ArtifactKind;
  severity: ActiveSeverity;
  /** Not stable: reworded in any release. What is wrong and what to do, one line of at most about 100 characters. */
  message: string;
  /** Not stable: reworded in any release. Why the role needs it (the rule's rationale, or the finding's own). */
  rationale: string;
  /** UTF-16 offsets of the reported text, end exclusive. */
  range: [number, number];
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  endLine: number;
  endColumn: number;
  docsUrl: string;
  /** What `--fix` applies. */
  fix?: Fix;
  /** Alternatives the editor offers, never applied by `--fix`. */
  suggestions?: Fix[];
  /** @experimental Set on findings an inline `backlog-lint-disable` comment silenced (LintResult.suppressed). */
  suppressed?: { kind: 'inline'; comment: { start: number; end: number; text: string } };
}

/** @stable Why a file was not linted (unreadable, not UTF-8, too large, too complex, a broken config). */
export interface FileProblem {
  message: string;
  /** Config key path, for a config error. */
  keyPath?: string;
  /** The file the problem is about (a config file, say), when it is not the linted file. */
  file?: string;
  line?: number;
}

/** @stable */
export interface LintResult {
  filePath: string;
  /** The document's artifact kind; null for ordinary Markdown, which gets no findings. */
  artifact: ArtifactKind | null;
  findings: Finding[];
  /** Findings silenced by inline comments. */
  suppressed: Finding[];
  problem?: FileProblem;
}

/** @stable The configuration in force for one file, as loadConfig returns it. Treat it as opaque data to pass back. */
export interface Config {
  roles: Role[];
  rules: Record<string, { severity: Severity; options?: unknown }>;
  artifact?: ArtifactKind;
  allowWords: string[];
  acceptanceCriteriaLabels: string[];
  templates: Record<string, string>;
  /** Config files that contributed, nearest last. */
  sources: string[];
}

/** @stable */
export interface LoadedConfig extends Config {
  /** True when an `ignores` glob of the config matches the file: lintFiles skips it. */
  ignored: boolean;
}

/** @stable */
export interface LoadConfigOptions {
  /** Use only this config file, no lookup of `.backlog-lint.*` files (the CLI's --config). */
  configFile?: string;
  /** Narrow the roles the config selects (the CLI's --role). */
  roles?: Role[];
}

/**
 * @stable The config for `filePath` (which need not exist): the `.backlog-lint.*` files above it, merged.
 * Rejects with an Error naming the file and key for a broken config.
 */
export declare function loadConfig(filePath: string, options?: LoadConfigOptions): Promise<LoadedConfig>;

/** @stable */
export interface LintTextOptions {
  /** Names the document in the result, and its extension (`.prd.md`, say) is evidence of its kind. */
  filePath?: string;
  /** From loadConfig; default: the built-in defaults (both roles, every rule at its default severity). */
  config?: Config;
}

/**
 * @stable Lints one document, synchronously, without touching the file system. Throws an Error for text over
 * the structural limits (nesting, line length; the CLI reports such a file as not linted).
 */
export declare function lintText(text: string, options?: LintTextOptions): LintResult;

/** @stable */
export interface LintFilesOptions extends LoadConfigOptions {
  /** Relative patterns are resolved from here; default: process.cwd(). */
  cwd?: string;
}

/**
 * @stable Lints files, folders and globs as the CLI does (Markdown files, .gitignore and `ignores` honoured),
 * including the checks across files. One result per file, in path order; files that could not be linted
 * carry a `problem` instead of findings. Rejects when a pattern matches nothing.
 */
export declare function lintFiles(patterns: string | string[], options?: LintFilesOptions): Promise<LintResult[]>;

/** @stable */
export interface FormatOptions {
  /** Paths are printed relative to this folder; default: process.cwd(). */
  cwd?: string;
  /** ANSI colour in `stylish`; default false. */
  color?: boolean;
}

/** @stable The report the CLI prints for these results, in `format` (default `stylish`); '' when there is nothing to print. */
export declare function formatResults(results: LintResult[], format?: FormatName, options?: FormatOptions): string;
