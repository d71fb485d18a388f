import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findMarkdownFiles, NoFilesFoundError } from '../../src/cli/files';

/** Writes `files` (relative path → text) under a fresh temp folder and returns the folder. */
function tree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-files-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('findMarkdownFiles', () => {
  const roots: string[] = [];
  const make = (files: Record<string, string>) => {
    const root = tree(files);
    roots.push(root);
    return root;
  };
  after(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  /** Results relative to `root`, with '/' separators. */
  async function find(root: string, patterns: string[], ignores?: string[]): Promise<string[]> {
    const found = await findMarkdownFiles(patterns, { cwd: root, ignores });
    for (const file of found) assert.ok(path.isAbsolute(file), `${file} is absolute`);
    return found.map((file) => path.relative(root, file).split(path.sep).join('/'));
  }

  async function rejects(promise: Promise<unknown>, message: string): Promise<void> {
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof NoFilesFoundError);
      assert.equal(error.message, message);
      return true;
    });
  }

  it('recurses folders for *.md and *.markdown, skipping node_modules and .git, sorted', async () => {
    const root = make({
      'b.md': '',
      'a.markdown': '',
      'notes.txt': '',
      'docs/z.md': '',
      'docs/B.MD': '',
      '.github/x.md': '',
      'node_modules/pkg/README.md': '',
      'docs/node_modules/y.md': '',
      '.git/info.md': '',
    });
    assert.deepEqual(await find(root, ['.']), ['.github/x.md', 'a.markdown', 'b.md', 'docs/B.MD', 'docs/z.md']);
    assert.deepEqual(await find(root, ['docs']), ['docs/B.MD', 'docs/z.md']);
  });

  it('lints an explicit file whatever its extension, and drops duplicates', async () => {
    const root = make({ 'notes.txt': '', 'a.md': '' });
    assert.deepEqual(await find(root, ['notes.txt', 'a.md', '.', path.join(root, 'a.md')]), ['a.md', 'notes.txt']);
  });

  it('expands globs relative to cwd, keeping Markdown files only', async () => {
    const root = make({ 'docs/a.md': '', 'docs/b.txt': '', 'docs/deep/c.md': '', 'other/d.md': '' });
    assert.deepEqual(await find(root, ['docs/*']), ['docs/a.md']);
    assert.deepEqual(await find(root, ['docs/**']), ['docs/a.md', 'docs/deep/c.md']);
    assert.deepEqual(await find(root, ['./**/c.md', 'other/*.md']), ['docs/deep/c.md', 'other/d.md']);
    assert.deepEqual(await find(root, [`${root.split(path.sep).join('/')}/other/*.md`]), ['other/d.md']);
  });

  it('respects .gitignore files, nested ones and negations, deeper files winning', async () => {
    const root = make({
      '.git/HEAD': '',
      '.gitignore': 'drafts/\n*.tmp.md\n',
      'a.md': '',
      'x.tmp.md': '',
      'drafts/d.md': '',
      'docs/.gitignore': 'private.md\n!keep.tmp.md\n',
      'docs/private.md': '',
      'docs/keep.tmp.md': '',
      'docs/ok.md': '',
      'docs/sub/private.md': '',
    });
    assert.deepEqual(await find(root, ['.']), ['a.md', 'docs/keep.tmp.md', 'docs/ok.md']);
    assert.deepEqual(await find(root, ['**/*.md']), ['a.md', 'docs/keep.tmp.md', 'docs/ok.md']);
  });

  it('applies .gitignore files above the searched folder up to the repository root', async () => {
    const root = make({ '.git/HEAD': '', '.gitignore': 'secret.md\n', 'docs/secret.md': '', 'docs/ok.md': '' });
    const found = await findMarkdownFiles(['.'], { cwd: path.join(root, 'docs') });
    assert.deepEqual(found, [path.join(root, 'docs', 'ok.md')]);
  });

  it('ignores .gitignore files above the repository root', async () => {
    const outer = make({ '.gitignore': '*.md\n', 'repo/.git/HEAD': '', 'repo/a.md': '' });
    assert.deepEqual(await find(path.join(outer, 'repo'), ['.']), ['a.md']);
  });

  it('lints a gitignored file named explicitly', async () => {
    const root = make({ '.git/HEAD': '', '.gitignore': 'drafts/\n', 'drafts/d.md': '' });
    assert.deepEqual(await find(root, ['drafts/d.md']), ['drafts/d.md']);
  });

  it('applies opts.ignores (gitignore syntax, relative to cwd)', async () => {
    const root = make({ 'a.md': '', 'archive/old.md': '', 'docs/archive/x.md': '', 'docs/b.md': '' });
    assert.deepEqual(await find(root, ['.'], ['/archive/']), ['a.md', 'docs/archive/x.md', 'docs/b.md']);
    assert.deepEqual(await find(root, ['.'], ['archive']), ['a.md', 'docs/b.md']);
  });

  it('does not follow symlinked folders, but lints symlinked files', async function () {
    const root = make({ 'docs/a.md': '', 'elsewhere/b.md': '' });
    try {
      fs.symlinkSync(root, path.join(root, 'docs', 'loop'), 'dir');
      fs.symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'docs', 'linked'), 'dir');
      fs.symlinkSync(path.join(root, 'elsewhere', 'b.md'), path.join(root, 'docs', 'b-link.md'), 'file');
    } catch {
      this.skip(); // Windows without the symlink privilege
    }
    assert.deepEqual(await find(root, ['docs']), ['docs/a.md', 'docs/b-link.md']);
  });

  it('reports a pattern that matches nothing, ESLint-style', async () => {
    const root = make({
      'a.md': '',
      'empty/notes.txt': '',
      '.gitignore': 'drafts/\n*.tmp.md\n',
      'drafts/x.md': '',
      'x.tmp.md': '',
    });
    await rejects(find(root, ['a.md', 'missing.md']), "No files matching 'missing.md' were found.");
    // An existing folder with no Markdown is not an error: a repository without docs must not fail CI.
    assert.deepEqual(await find(root, ['empty']), []);
    await rejects(find(root, ['docs/**/*.md']), "No files matching 'docs/**/*.md' were found.");
    await rejects(find(root, ['*.tmp.md']), "All files matching '*.tmp.md' are ignored.");
    await rejects(find(root, ['drafts']), "All files matching 'drafts' are ignored.");
  });
});
