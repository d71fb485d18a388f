/**
 * A glob engine whose matching time is linear in the path: the glob compiles to a Thompson NFA, and matching
 * simulates every state at once, so a path of n characters costs at most n × (NFA size) steps whatever the
 * glob. A backtracking regex (picomatch's output) takes exponential time on `*a*a*a*a*a*a*a*a*b.md` against a
 * long run of `a`s; here the same match takes a few thousand steps.
 *
 * Syntax:
 * - `*` any run of characters but '/', `?` one character but '/';
 * - `**` as a whole path segment: any number of segments, none included (`a/**` matches `a`); elsewhere as `*`;
 * - `[abc]`, `[a-z]`, `[!a]` / `[^a]`, `[[:alpha:]]` (never '/'); `\x` is a literal x;
 * - `{a,b}` alternatives (nested), `{1..3}` and `{a..c}` ranges;
 * - `@(a|b)`, `?(a|b)`, `*(a|b)`, `+(a|b)` and plain `(a|b)` groups. `!(a|b)` is refused: a complement cannot
 *   be matched in linear time by this engine, and a leading `!` (handled by the caller) negates a whole glob.
 * An unclosed `[`, `{` or `(` is a literal character.
 */

export class GlobSyntaxError extends Error {}

/** Longest glob accepted: longer ones are refused, which keeps every match cheap (see MAX_STATES). */
export const MAX_GLOB_LENGTH = 1024;
/** NFA states a glob may compile to (ranges such as `{1..500}` expand). */
const MAX_STATES = 20_000;
const MAX_NESTING = 32;
const MAX_RANGE_ITEMS = 1000;

type CharTest = (code: number) => boolean;

type Node =
  /** `code`: a literal character's code, NOT_SLASH, ANY, or CLASS (then `test` decides). */
  | { t: 'char'; code: number; test?: CharTest }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; node: Node; min: 0 | 1; max: 1 | typeof Infinity };

const SLASH = 0x2f;
// Character tests other than a literal code, kept as numbers so the simulation's inner loop makes no call.
const NOT_SLASH = -1;
const ANY = -2;
const CLASS = -3;
const notSlash: Node = { t: 'char', code: NOT_SLASH };
const anyChar: Node = { t: 'char', code: ANY };
const EMPTY: Node = { t: 'seq', items: [] };
const star = (): Node => ({ t: 'rep', node: notSlash, min: 0, max: Infinity });
const literal = (ch: string): Node => ({ t: 'char', code: ch.charCodeAt(0) });
const literalString = (s: string): Node => ({ t: 'seq', items: [...s].map(literal) });

const POSIX_CLASSES: Record<string, RegExp> = {
  alnum: /[A-Za-z0-9]/,
  alpha: /[A-Za-z]/,
  ascii: /[\x00-\x7f]/,
  blank: /[ \t]/,
  cntrl: /[\x00-\x1f\x7f]/,
  digit: /[0-9]/,
  graph: /[\x21-\x7e]/,
  lower: /[a-z]/,
  print: /[\x20-\x7e]/,
  punct: /[!-/:-@[-`{-~]/,
  space: /\s/,
  upper: /[A-Z]/,
  word: /\w/,
  xdigit: /[A-Fa-f0-9]/,
};

class Parser {
  constructor(private readonly src: string) {}

  /** The node for `src[start, end)`. */
  sequence(start: number, end: number, depth: number): Node {
    if (depth > MAX_NESTING) throw new GlobSyntaxError(`nested deeper than ${MAX_NESTING} levels`);
    const s = this.src;
    const items: Node[] = [];
    let i = start;
    while (i < end) {
      const ch = s[i]!;
      if (ch === '\\') {
        items.push(literal(i + 1 < end ? s[i + 1]! : '\\'));
        i += 2;
        continue;
      }
      if (ch === '/' && end === s.length && /^\*\*(?:\/\*\*)*$/.test(s.slice(i + 1, end))) {
        // A trailing `/**` (or `/**/**`): the folder itself or anything below it.
        items.push({
          t: 'alt',
          items: [EMPTY, { t: 'seq', items: [literal('/'), { t: 'rep', node: anyChar, min: 0, max: Infinity }] }],
        });
        i = end;
        continue;
      }
      if (ch === '*' && s[i + 1] === '*') {
        const atSegmentStart = i === 0 || s[i - 1] === '/';
        const next = s[i + 2];
        if (atSegmentStart && next === '/') {
          // `**/`: zero or more whole segments.
          items.push({ t: 'rep', node: { t: 'seq', items: [star(), literal('/')] }, min: 0, max: Infinity });
          i += 3;
          continue;
        }
        if (atSegmentStart && i + 2 === end && end === s.length) {
          items.push({ t: 'rep', node: anyChar, min: 0, max: Infinity });
          i += 2;
          continue;
        }
      }
      if (('@?*+!'.includes(ch) && s[i + 1] === '(') || ch === '(') {
        const open = ch === '(' ? i : i + 1;
        const close = this.closing(open, end, '(', ')');
        if (close !== undefined) {
          if (ch === '!')
            throw new GlobSyntaxError('`!(…)` is not supported; negate the whole glob with a leading `!` instead');
          const group: Node = {
            t: 'alt',
            items: this.split(open + 1, close, '|').map(([a, b]) => this.sequence(a, b, depth + 1)),
          };
          items.push(
            ch === '*'
              ? { t: 'rep', node: group, min: 0, max: Infinity }
              : ch === '+'
                ? { t: 'rep', node: group, min: 1, max: Infinity }
                : ch === '?'
                  ? { t: 'rep', node: group, min: 0, max: 1 }
                  : group,
          );
          i = close + 1;
          continue;
        }
      }
      if (ch === '*') {
        items.push(star());
        while (s[i] === '*') i++;
        continue;
      }
      if (ch === '?') {
        items.push(notSlash);
        i++;
        continue;
      }
      if (ch === '[') {
        const parsed = this.charClass(i, end);
        if (parsed) {
          items.push(parsed.node);
          i = parsed.next;
          continue;
        }
      }
      if (ch === '{') {
        const close = this.closing(i, end, '{', '}');
        if (close !== undefined) {
          const branches = this.split(i + 1, close, ',');
          if (branches.length > 1) {
            items.push({ t: 'alt', items: branches.map(([a, b]) => this.sequence(a, b, depth + 1)) });
            i = close + 1;
            continue;
          }
          const range = expandRange(s.slice(i + 1, close));
          if (range) {
            items.push({ t: 'alt', items: range.map(literalString) });
            i = close + 1;
            continue;
          }
        }
      }
      items.push(literal(ch));
      i++;
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  /** Index of the bracket closing the one at `open`, skipping escapes, or undefined. */
  private closing(open: number, end: number, opener: string, closer: string): number | undefined {
    let depth = 0;
    for (let i = open; i < end; i++) {
      const ch = this.src[i];
      if (ch === '\\') i++;
      else if (ch === opener) depth++;
      else if (ch === closer && --depth === 0) return i;
    }
    return undefined;
  }

  /** `[start, end)` cut at top-level `sep` characters (outside brackets, braces and parentheses). */
  private split(start: number, end: number, sep: string): [number, number][] {
    const parts: [number, number][] = [];
    let depth = 0;
    let from = start;
    for (let i = start; i < end; i++) {
      const ch = this.src[i];
      if (ch === '\\') i++;
      else if (ch === '{' || ch === '(') depth++;
      else if (ch === '}' || ch === ')') depth--;
      else if (ch === sep && depth === 0) {
        parts.push([from, i]);
        from = i + 1;
      }
    }
    parts.push([from, end]);
    return parts;
  }

  /** `[...]` at `open`, or undefined when it is not closed (then '[' is a literal). */
  private charClass(open: number, end: number): { node: Node; next: number } | undefined {
    const s = this.src;
    let i = open + 1;
    const negated = s[i] === '!' || s[i] === '^';
    if (negated) i++;
    const tests: CharTest[] = [];
    let first = true;
    while (i < end) {
      const ch = s[i]!;
      if (ch === ']' && !first) {
        const matches = (c: number) => tests.some((test) => test(c));
        return { node: { t: 'char', code: CLASS, test: (c) => c !== SLASH && matches(c) !== negated }, next: i + 1 };
      }
      first = false;
      if (ch === '[' && s[i + 1] === ':') {
        const close = s.indexOf(':]', i + 2);
        const re = close > 0 && close < end ? POSIX_CLASSES[s.slice(i + 2, close)] : undefined;
        if (re) {
          tests.push((c) => re.test(String.fromCharCode(c)));
          i = close + 2;
          continue;
        }
      }
      let low = ch;
      if (ch === '\\' && i + 1 < end) low = s[++i]!;
      i++;
      if (s[i] === '-' && i + 1 < end && s[i + 1] !== ']') {
        let high = s[i + 1]!;
        i += 2;
        if (high === '\\' && i < end) high = s[i++]!;
        const [a, b] = [low.charCodeAt(0), high.charCodeAt(0)];
        tests.push((c) => c >= a && c <= b);
      } else {
        const code = low.charCodeAt(0);
        tests.push((c) => c === code);
      }
    }
    return undefined;
  }
}

/** `1..3`, `-2..2`, `01..10`, `1..9..2`, `a..e`: the items, or undefined when it is no range. */
function expandRange(body: string): string[] | undefined {
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  const alpha = /^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
  if (!numeric && !alpha) return undefined;
  const from = numeric ? Number(numeric[1]) : alpha![1]!.charCodeAt(0);
  const to = numeric ? Number(numeric[2]) : alpha![2]!.charCodeAt(0);
  const step = Math.abs(numeric?.[3] ? Number(numeric[3]) : 1) || 1;
  if (Math.abs(to - from) / step >= MAX_RANGE_ITEMS)
    throw new GlobSyntaxError(`the range {${body}} has more than ${MAX_RANGE_ITEMS} items`);
  const width = numeric && /^-?0\d/.test(numeric[1]!) ? numeric[1]!.replace('-', '').length : 0;
  const items: string[] = [];
  for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
    items.push(numeric ? (v < 0 ? '-' : '') + String(Math.abs(v)).padStart(width, '0') : String.fromCharCode(v));
  }
  return items;
}

/** Thompson NFA: CHAR states test one character, SPLIT states branch without consuming, MATCH accepts. */
const CHAR = 0;
const SPLIT = 1;
const MATCH = 2;

export interface Nfa {
  readonly size: number;
  readonly kind: Uint8Array;
  readonly out: Int32Array;
  readonly out1: Int32Array;
  readonly codes: Int32Array;
  readonly tests: (CharTest | undefined)[];
  readonly start: number;
}

class NfaBuilder {
  kind: number[] = [];
  out: number[] = [];
  out1: number[] = [];
  codes: number[] = [];
  tests: (CharTest | undefined)[] = [];

  add(kind: number, code = 0, test?: CharTest): number {
    if (this.kind.length >= MAX_STATES) throw new GlobSyntaxError('too complex (too many alternatives or ranges)');
    this.kind.push(kind);
    this.out.push(-1);
    this.out1.push(-1);
    this.codes.push(code);
    this.tests.push(test);
    return this.kind.length - 1;
  }

  /** Compiles `node` so that it continues to state `next`; returns its entry state. Built back to front. */
  compile(node: Node, next: number): number {
    switch (node.t) {
      case 'char': {
        const s = this.add(CHAR, node.code, node.test);
        this.out[s] = next;
        return s;
      }
      case 'seq': {
        let entry = next;
        for (let i = node.items.length - 1; i >= 0; i--) entry = this.compile(node.items[i]!, entry);
        return entry;
      }
      case 'alt': {
        if (node.items.length === 0) return next;
        let entry = this.compile(node.items[node.items.length - 1]!, next);
        for (let i = node.items.length - 2; i >= 0; i--) {
          const split = this.add(SPLIT);
          this.out[split] = this.compile(node.items[i]!, next);
          this.out1[split] = entry;
          entry = split;
        }
        return entry;
      }
      case 'rep': {
        if (node.max === 1) {
          const split = this.add(SPLIT);
          this.out[split] = this.compile(node.node, next);
          this.out1[split] = next;
          return split;
        }
        // Loop: split → (body → split) | next. `+` enters the body first.
        const split = this.add(SPLIT);
        const body = this.compile(node.node, split);
        this.out[split] = body;
        this.out1[split] = next;
        return node.min === 1 ? body : split;
      }
    }
  }
}

export function compileNfa(glob: string): Nfa {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobSyntaxError(`longer than ${MAX_GLOB_LENGTH} characters`);
  const ast = new Parser(glob).sequence(0, glob.length, 0);
  const builder = new NfaBuilder();
  const accept = builder.add(MATCH);
  const start = builder.compile(ast, accept);
  return {
    size: builder.kind.length,
    kind: Uint8Array.from(builder.kind),
    out: Int32Array.from(builder.out),
    out1: Int32Array.from(builder.out1),
    codes: Int32Array.from(builder.codes),
    tests: builder.tests,
    start,
  };
}

/** Steps taken by simulations, for tests that check the linear bound; counting costs one addition. */
export const simulationSteps = { count: 0 };

/**
 * Runs the NFA over `input` from `from` to `to` and calls `onBoundary` (when given) at each '/' before and
 * after consuming it, with whether the prefix read so far is accepted; returns whether the whole is accepted.
 * Each character visits each state at most once: time O((to - from) × size).
 */
export function simulate(
  nfa: Nfa,
  input: string,
  from = 0,
  to = input.length,
  onBoundary?: (acceptedBefore: boolean, acceptedAfter: boolean) => void,
): boolean {
  const { size, kind, out, out1, codes, tests } = nfa;
  let current = new Int32Array(size);
  let next = new Int32Array(size);
  const mark = new Uint32Array(size);
  const stack = new Int32Array(size);
  let generation = 1;
  let steps = 0;
  // Set by closure(): whether the states it added include MATCH.
  let accepts = false;

  /** Adds `seed` and the states it reaches without consuming to `into` from `count`; returns the new count. */
  const closure = (seed: number, into: Int32Array, count: number): number => {
    if (mark[seed] === generation) return count;
    mark[seed] = generation;
    let top = 0;
    stack[top++] = seed;
    while (top > 0) {
      const s = stack[--top]!;
      steps++;
      const k = kind[s];
      if (k === CHAR) into[count++] = s;
      else if (k === MATCH) accepts = true;
      else {
        const a = out[s]!;
        const b = out1[s]!;
        if (b >= 0 && mark[b] !== generation) {
          mark[b] = generation;
          stack[top++] = b;
        }
        if (a >= 0 && mark[a] !== generation) {
          mark[a] = generation;
          stack[top++] = a;
        }
      }
    }
    return count;
  };

  let currentCount = closure(nfa.start, current, 0);
  let currentAccepts = accepts;
  for (let i = from; i < to; i++) {
    const code = input.charCodeAt(i);
    generation++;
    accepts = false;
    let count = 0;
    for (let j = 0; j < currentCount; j++) {
      const s = current[j]!;
      steps++;
      const want = codes[s]!;
      const hit = want >= 0 ? want === code : want === NOT_SLASH ? code !== SLASH : want === ANY || tests[s]!(code);
      if (hit) count = closure(out[s]!, next, count);
    }
    if (code === SLASH && onBoundary) onBoundary(currentAccepts, accepts);
    [current, next] = [next, current];
    currentCount = count;
    currentAccepts = accepts;
    if (count === 0 && !accepts && !onBoundary) break;
  }
  simulationSteps.count += steps;
  return currentAccepts;
}
