/**
 * Glob matching for `artifacts`, `ignores` and `overrides[].files`, and for the CLI's glob arguments.
 *
 * Globs are relative to the folder of the config file that declares them, with .gitignore-like conveniences:
 * - a glob without a '/' matches the file name at any depth (`*.prd.md` matches `docs/q3/x.prd.md`);
 * - a leading '/' or './' anchors the glob to the config folder (`/*.md` only matches top-level files);
 * - a leading '!' negates the glob;
 * - dot files and dot folders are matched like any other.
 * Matching runs in time linear in the path (glob-match.ts), so a hostile glob cannot stall a run or the editor.
 */
import { compileNfa, simulate, type Nfa } from './glob-match';

export { GlobSyntaxError, MAX_GLOB_LENGTH } from './glob-match';

export interface PathMatcher {
  /** NFA states, the cost of one match per path character. */
  readonly size: number;
  matches(relativePath: string): boolean;
  /** True when it matches the path or one of its folders (with or without a trailing '/'), so `drafts` or
   *  `drafts/` ignores a whole tree. One pass over the path. */
  matchesPathOrFolder(relativePath: string): boolean;
}

/** Throws GlobSyntaxError for a glob that is too long or uses `!(…)`. */
export function compileGlob(glob: string): PathMatcher {
  let negated = false;
  let body = glob;
  while (body.startsWith('!') && !body.startsWith('!(')) {
    negated = !negated;
    body = body.slice(1);
  }
  const anchored = body.startsWith('/') || body.startsWith('./');
  const pattern = body.replace(/^\.?\//, '');
  const basename = !anchored && !pattern.includes('/');
  // Long ignore lists are mostly plain paths: those compare as strings, at no NFA cost.
  if (!/[*?[\]{}()\\]/.test(pattern)) return literalMatcher(pattern, basename, negated);
  const nfa = compileNfa(pattern);
  return basename ? basenameMatcher(nfa, negated) : pathMatcher(nfa, negated);
}

export function compileGlobs(globs: readonly string[]): PathMatcher {
  return anyOf(globs.map(compileGlob));
}

/** Matches when one of the matchers does. */
export function anyOf(matchers: readonly PathMatcher[]): PathMatcher {
  return {
    size: matchers.reduce((sum, m) => sum + m.size, 0),
    matches: (p) => matchers.some((m) => m.matches(p)),
    matchesPathOrFolder: (p) => matchers.some((m) => m.matchesPathOrFolder(p)),
  };
}

function pathMatcher(nfa: Nfa, negated: boolean): PathMatcher {
  return {
    size: nfa.size,
    matches: (p) => simulate(nfa, p) !== negated,
    matchesPathOrFolder(p) {
      // Candidates: each folder prefix `a`, `a/`, `a/b`, `a/b/`, … and the whole path.
      let any = false;
      const whole = simulate(nfa, p, 0, p.length, (before, after) => {
        if (before !== negated || after !== negated) any = true;
      });
      return any || whole !== negated;
    },
  };
}

/** A glob without wildcards: string comparisons, same candidates as the NFA matchers. */
function literalMatcher(literal: string, basename: boolean, negated: boolean): PathMatcher {
  const segments = (p: string) => p.split('/').filter((segment) => segment !== '');
  if (basename) {
    return {
      size: 0,
      matches: (p) => (segments(p).pop() === literal) !== negated,
      matchesPathOrFolder: (p) => segments(p).some((segment) => (segment === literal) !== negated),
    };
  }
  return {
    size: 0,
    matches: (p) => (p === literal) !== negated,
    matchesPathOrFolder(p) {
      // A folder candidate is `p` cut just before or just after one of its '/'.
      const candidates = p.split('/').length * 2 - 1;
      const hit =
        p === literal ||
        (literal !== '' &&
          p.length > literal.length &&
          p.startsWith(literal) &&
          (p[literal.length] === '/' || literal.endsWith('/')));
      return negated ? candidates > 1 || !hit : hit;
    },
  };
}

/** Matches the last segment only; a trailing '/' is not part of it. */
function basenameMatcher(nfa: Nfa, negated: boolean): PathMatcher {
  const segmentMatches = (p: string, from: number, to: number) => simulate(nfa, p, from, to) !== negated;
  return {
    size: nfa.size,
    matches(p) {
      const end = p.endsWith('/') ? p.length - 1 : p.length;
      return segmentMatches(p, p.lastIndexOf('/', end - 1) + 1, end);
    },
    matchesPathOrFolder(p) {
      for (let from = 0; from <= p.length; ) {
        const slash = p.indexOf('/', from);
        const to = slash < 0 ? p.length : slash;
        if (to > from && segmentMatches(p, from, to)) return true;
        from = to + 1;
      }
      return false;
    },
  };
}

/**
 * Splits a CLI glob into the folder to search (its leading segments without glob syntax) and whether it is a
 * glob at all. `docs/**\/*.md` → base `docs`; `a.md` → not a glob.
 */
export function scanGlob(glob: string): { isGlob: boolean; base: string } {
  const segments = glob.split('/');
  const firstGlob = segments.findIndex((segment) => /[*?[\]{}()\\]/.test(segment) || segment.startsWith('!'));
  if (firstGlob < 0) return { isGlob: false, base: glob };
  return { isGlob: true, base: segments.slice(0, firstGlob).join('/') || (glob.startsWith('/') ? '/' : '') };
}
