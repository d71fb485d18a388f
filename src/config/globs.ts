/**
 * Glob matching for `artifacts`, `ignores` and `overrides[].files`.
 *
 * Globs are relative to the folder of the config file that declares them, with .gitignore-like conveniences:
 * - a glob without a '/' matches the file name at any depth (`*.prd.md` matches `docs/q3/x.prd.md`);
 * - a leading '/' or './' anchors the glob to the config folder (`/*.md` only matches top-level files);
 * - dot files and dot folders are matched like any other.
 */
import picomatch from 'picomatch';

export type PathMatcher = (relativePath: string) => boolean;

export function compileGlob(glob: string): PathMatcher {
  const anchored = glob.startsWith('/') || glob.startsWith('./');
  const pattern = glob.replace(/^\.?\//, '');
  // `windows: false`: paths reach us in POSIX form, and '\' in a glob stays an escape on every platform.
  return picomatch(pattern, { dot: true, windows: false, basename: !anchored && !pattern.includes('/') });
}

export function compileGlobs(globs: readonly string[]): PathMatcher {
  const matchers = globs.map(compileGlob);
  return (relativePath) => matchers.some((match) => match(relativePath));
}

/** True when the matcher matches the path or one of its folders, so `drafts` or `drafts/` ignores a whole tree. */
export function matchesPathOrFolder(match: PathMatcher, relativePath: string): boolean {
  const segments = relativePath.split('/');
  for (let i = segments.length; i > 0; i--) {
    const candidate = segments.slice(0, i).join('/');
    if (match(candidate) || (i < segments.length && match(`${candidate}/`))) return true;
  }
  return false;
}
