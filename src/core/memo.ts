/**
 * Memo tables for pure functions of text. The editor lints a document again on every keystroke and
 * almost every story's text is the same as last time, so classification and rules memoise their text
 * analysis. A table keeps only what the last two lints used: the editor's next lint finds everything
 * that did not change, while a CLI run over thousands of files, whose texts rarely repeat, holds no more
 * than two documents' worth. Results must not depend on where the text sits, and callers must not
 * mutate them.
 */
let generation = 0;

/** Called by the engine at the start of every lint. */
export function nextMemoGeneration(): void {
  generation++;
}

export function memoByText<A, T>(key: (arg: A) => string, fn: (arg: A) => T): (arg: A) => T {
  let current = new Map<string, T>();
  let previous = new Map<string, T>();
  let at = generation;
  return (arg) => {
    if (at !== generation) {
      previous = at === generation - 1 ? current : new Map();
      current = new Map();
      at = generation;
    }
    const k = key(arg);
    const hit = current.get(k);
    if (hit !== undefined || current.has(k)) return hit as T;
    const old = previous.get(k);
    const value = old !== undefined || previous.has(k) ? (old as T) : fn(arg);
    current.set(k, value);
    return value;
  };
}
