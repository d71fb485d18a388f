/**
 * The dependency directions the architecture rests on, checked on the import lines of every source file:
 * the core (parse, classify, engine, fixes, config, formatters) knows neither the rules nor the shells
 * (CLI, extension, vscode); rules reach the core only through its rule API; the CLI and the extension
 * share the core, never each other.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/rule-suite';

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(rel, out);
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Import and re-export specifiers, resolved to repository paths for relative ones ('vscode' stays as is). */
function importsOf(file: string, text: string): string[] {
  const specs = [
    ...text.matchAll(
      /^\s*(?:import|export)\s[^'"]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  return specs.map((s) => (s.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), s)) : s));
}

const CORE = ['src/core/', 'src/config/', 'src/formatters/', 'src/docs/'];
const under = (p: string, dirs: readonly string[]): boolean =>
  dirs.some((d) => p === d.slice(0, -1) || p.startsWith(d));

/** Every import from `files` that `forbidden` refuses, as "file → import". */
function violations(files: readonly string[], forbidden: (target: string, file: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file, fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'))
      .filter((t) => forbidden(t, file))
      .map((t) => `${file} → ${t}`),
  );
}

describe('architecture: import directions', () => {
  const src = sourceFiles('src');
  const rules = sourceFiles('rules');

  it('finds the import lines it checks', () => {
    assert.ok(
      importsOf('src/core/engine.ts', fs.readFileSync(path.join(REPO_ROOT, 'src/core/engine.ts'), 'utf8')).includes(
        'src/core/classify',
      ),
    );
    assert.deepEqual(
      importsOf('rules/x/y/index.ts', "import a from '../../../src/core/engine';\nexport { b } from './b';"),
      ['src/core/engine', 'rules/x/y/b'],
    );
  });

  it('the core imports nothing from rules/, the CLI, the extension or vscode', () => {
    const core = src.filter((f) => under(f, CORE));
    assert.ok(core.length > 20);
    assert.deepEqual(
      violations(
        core,
        (t) =>
          t === 'vscode' || t.startsWith('rules') || under(t, ['src/cli/', 'src/extension/']) || t === 'src/rule-set',
      ),
      [],
    );
  });

  it('rules import from the core only its rule API', () => {
    // Tests are edges: they lint through test/helpers like the CLI does.
    const code = rules.filter((f) => !f.endsWith('.test.ts'));
    assert.ok(code.length > 20);
    assert.deepEqual(
      violations(
        code,
        (t) => t === 'vscode' || (t.startsWith('src/') && t !== 'src/core/rule-api') || t.startsWith('test/'),
      ),
      [],
    );
    assert.deepEqual(
      violations(
        rules.filter((f) => f.endsWith('.test.ts')),
        (t) => t.startsWith('src/') && t !== 'src/core/rule-api',
      ),
      [],
    );
  });

  it('the CLI and the extension do not import each other', () => {
    assert.deepEqual(
      violations(
        src.filter((f) => under(f, ['src/cli/'])),
        (t) => under(t, ['src/extension/']) || t === 'vscode',
      ),
      [],
    );
    assert.deepEqual(
      violations(
        src.filter((f) => under(f, ['src/extension/'])),
        (t) => under(t, ['src/cli/']),
      ),
      [],
    );
  });
});
