/**
 * A bounded cache for pure functions of text. The editor lints a document again on every keystroke,
 * and almost every story's text is the same as last time: rules that analyse a story's text memoise
 * that analysis by the text. Results must not depend on where the text sits, and callers must not
 * mutate them.
 */
export function memoByText<A, T>(key: (arg: A) => string, fn: (arg: A) => T, size = 20_000): (arg: A) => T {
  const cache = new Map<string, T>();
  return (arg) => {
    const k = key(arg);
    if (cache.has(k)) return cache.get(k) as T;
    const value = fn(arg);
    // Dropping everything at once is crude but cheap, and a document's stories fill it again in one lint.
    if (cache.size >= size) cache.clear();
    cache.set(k, value);
    return value;
  };
}
