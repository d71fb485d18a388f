/** What every formatter gets besides the results. */
import type { RuleMeta } from '../core/rule';

export interface FormatContext {
  /** Paths are printed relative to this folder (except in `json`, which uses absolute paths like ESLint). */
  cwd: string;
  /**
   * Use ANSI colour (stylish only). The caller decides: colour only when stdout is a TTY,
   * and honour NO_COLOR / FORCE_COLOR.
   */
  color: boolean;
  /** Metadata of the rules that ran, for SARIF `tool.driver.rules` and docs links. */
  rules: ReadonlyMap<string, { meta: RuleMeta }>;
  toolVersion: string;
  /** Findings a baseline held back (not in the results), for summaries that say so. */
  heldBack?: number;
  /** Stylish only: print each finding's rationale under it (`--verbose`). */
  verbose?: boolean;
}
