/**
 * A time budget for synchronous work on the current thread. Linting is one synchronous call, so a timer
 * cannot stop it; V8's watchdog can: `vm` runs the call with a timeout and terminates the execution when
 * it is over, wherever it is (in the parser, say), and the thread goes on. Worker threads are stopped
 * from outside instead (terminated and replaced), which also frees whatever the lint had allocated.
 */
import * as vm from 'node:vm';

/** The default budget per file, in the CLI (--max-time-per-file) and in the editor. */
export const DEFAULT_MAX_TIME_PER_FILE_MS = 5000;

export class TimeBudgetError extends Error {
  constructor(readonly ms: number) {
    super(`took more than ${ms} ms to lint, stopped`);
  }
}

const context = vm.createContext({ call: undefined as (() => unknown) | undefined });
const script = new vm.Script('call()');

/** `fn()`, or TimeBudgetError once it has run `ms` milliseconds (0: no budget). */
export function runWithin<T>(fn: () => T, ms: number): T {
  if (ms <= 0) return fn();
  let result: T | undefined;
  context.call = () => {
    result = fn();
  };
  try {
    script.runInContext(context, { timeout: ms });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeBudgetError(ms);
    throw err;
  } finally {
    context.call = undefined;
  }
  return result as T;
}
