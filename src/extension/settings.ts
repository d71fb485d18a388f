/** The extension's settings (`backlogLint.*`), read and validated in one place. */
import * as vscode from 'vscode';
import { DEFAULT_MAX_TIME_PER_FILE_MS } from '../core/time-budget';
import { ROLES, SEVERITIES, type Role, type Severity } from '../core/types';
import type { BaselineDisplay } from './baseline';

export const SECTION = 'backlogLint';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  run: RunMode;
  /** Delay after the last keystroke before linting (onType). */
  debounceMs: number;
  /** The time budget per lint, like the CLI's `--max-time-per-file`; 0: none. */
  maxTimePerFileMs: number;
  /** Roles to lint for, like the CLI's `--role`; empty lets config files decide. */
  roles: Role[];
  /** Severity overrides applied on top of config files; empty keeps the editor identical to CI. */
  rules: Record<string, Severity>;
  /** Config file to use instead of discovery, like the CLI's `--config`; '' discovers. Always '' in an
   *  untrusted workspace: VS Code drops the workspace value of this restricted setting, but a user or
   *  folder value could still name a file in the workspace, so trust is checked here in code as well. */
  configFile: string;
  /** Findings `backlog-lint-baseline.json` holds back: dimmed, hidden, or shown as usual ('off'). */
  baseline: BaselineDisplay;
  /** Focus mode: undefined when off, else the lines either side of the edited lines held back too. */
  focusMode: number | undefined;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const rules: Record<string, Severity> = {};
  for (const [id, sev] of Object.entries(c.get<Record<string, unknown>>('rules') ?? {})) {
    if (SEVERITIES.includes(sev as Severity)) rules[id] = sev as Severity;
  }
  const debounce = c.get<number>('debounceMs', 250);
  const budget = c.get<number>('maxTimePerFileMs', DEFAULT_MAX_TIME_PER_FILE_MS);
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<string>('run') === 'onSave' ? 'onSave' : 'onType',
    debounceMs: Number.isFinite(debounce) ? Math.max(0, debounce) : 250,
    maxTimePerFileMs: Number.isFinite(budget) ? Math.max(0, budget) : DEFAULT_MAX_TIME_PER_FILE_MS,
    roles: (c.get<unknown[]>('roles') ?? []).filter((r): r is Role => ROLES.includes(r as Role)),
    rules,
    configFile: vscode.workspace.isTrusted ? (c.get<string>('configFile') ?? '').trim() : '',
    baseline: (['dim', 'hide', 'off'] as const).find((d) => d === c.get<string>('baseline')) ?? 'dim',
    focusMode: focusLines(c.get<unknown>('focusMode', false)),
  };
}

/** `true` holds back the edited lines, a number N also the N lines either side; anything else is off. */
function focusLines(value: unknown): number | undefined {
  if (value === true) return 0;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.floor(value);
  return undefined;
}
