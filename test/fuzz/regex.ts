/**
 * Regular-expression safety: collect every RegExp the linter actually runs (literals, and the ones built
 * from word lists at load time), then run each on adversarial input built from its own literal fragments,
 * repeated, with a tail that makes the match fail: the input that makes backtracking patterns blow up.
 * Also adversarial whole documents for the engine. Used by test/unit/regex-safety.test.ts (small sizes,
 * asserting completion).
 */
import { lintText } from '../helpers/lint';
import { defaultConfig } from '../../src/config/defaults';

/**
 * Runs `work` with RegExp.prototype.exec wrapped to record each pattern. String.prototype.match / replace /
 * split / search / matchAll and RegExp#test all go through a patched `exec` (ECMAScript RegExpExec).
 */
export function collectPatterns(work: () => void): RegExp[] {
  const seen = new Map<string, RegExp>();
  const original = RegExp.prototype.exec;
  RegExp.prototype.exec = function exec(this: RegExp, input: string) {
    const key = `/${this.source}/${this.flags}`;
    if (!seen.has(key)) seen.set(key, new RegExp(this.source, this.flags));
    return original.call(this, input);
  };
  try {
    work();
  } finally {
    RegExp.prototype.exec = original;
  }
  return [...seen.values()];
}

const GENERIC = [
  ' ',
  'a',
  'a ',
  'aa a',
  '\t',
  '<',
  '>',
  '| ',
  '-',
  '- ',
  '*',
  '_',
  '#',
  ',',
  '.',
  '1',
  '1.',
  '\n',
  '\n\n',
  ' \n',
  'a\n',
  '[',
  '](',
  '`',
  '{{',
  '<!--',
  '\\',
  '\u00e9',
  ':',
];

/** Literal fragments of a pattern: its words and punctuation, escapes and class syntax dropped. */
function fragments(re: RegExp): string[] {
  const words = re.source
    .replace(/\\[pPu]\{[^}]*\}|\\[a-zA-Z]|\\./g, ' ')
    .split(/[^\p{L}\p{N}'’ ]+/u)
    .flatMap((piece) => piece.trim().split(/\s+/))
    .filter((w) => w.length > 0 && w.length < 40);
  return [...new Set(words)].slice(0, 24);
}

/** Inputs of about `size` characters that target `re`: each fragment repeated, alone and with spaces, then a failing tail. */
export function adversarialInputs(re: RegExp, size: number): string[] {
  const frags = [...GENERIC, ...fragments(re).flatMap((w) => [w, `${w} `, `${w}, `])];
  return frags.map((f) => `${f.repeat(Math.max(1, Math.floor(size / f.length)))}\u0001!`);
}

/** Runs `re` over `input` the way the linter does: every match for global/sticky-free scans, one exec otherwise. */
export function exercise(re: RegExp, input: string): void {
  const copy = new RegExp(re.source, re.flags.replace('y', ''));
  if (copy.global) {
    for (const _ of input.matchAll(copy)) {
      // Drain the iterator: each match is work the linter would do.
    }
  } else copy.exec(input);
}

/**
 * The adversarial documents of the issue, at a scale factor `n` (number of repetitions of the fragment);
 * nested lists and blockquotes go `depth` levels deep (parsing them is slow: see docs/safety.md).
 */
export function adversarialDocuments(n: number, depth = 200): { name: string; file: string; text: string }[] {
  const nested = (marker: string) =>
    Array.from(
      { length: Math.min(n, 2000) },
      (_, i) => `${marker.repeat(i % depth)}As a user, I want x so that y`,
    ).join('\n');
  return [
    { name: '"As a " × n', file: 'backlog.md', text: 'As a '.repeat(n) },
    { name: '"As a user, I want " × n', file: 'backlog.md', text: 'As a user, I want '.repeat(n) },
    { name: '"so that " × n', file: 'x.story.md', text: `As a user, I want x ${'so that '.repeat(n)}` },
    { name: '"| " × n', file: 'backlog.md', text: `| Story | AC |\n| --- | --- |\n${'| '.repeat(n)}` },
    { name: '"<" × 10n', file: 'PRD.md', text: `# Problem\n\n${'<'.repeat(10 * n)}` },
    { name: '"{{" and "[describe" × n', file: 'PRD.md', text: `# Goals\n\n${'{{ [describe '.repeat(n)}` },
    { name: '"fast and " × n', file: 'backlog.md', text: `- As a user, I want ${'fast and '.repeat(n)} so that y` },
    {
      name: 'one line of "word " × n',
      file: 'roadmap.md',
      text: `| Item | Why | Horizon |\n| --- | --- | --- |\n| x | ${'because word '.repeat(n)} | Now |`,
    },
    {
      name: '"Given " × n',
      file: 'x.story.md',
      text: `As a user, I want x so that y\n\n## Acceptance criteria\n\n${'Given '.repeat(n)}`,
    },
    { name: 'n tab/space runs', file: 'backlog.md', text: `- As a user, I want x${' \t'.repeat(n)}y` },
    { name: `nested lists (depth to ${depth})`, file: 'backlog.md', text: nested('  - ') },
    { name: `nested blockquotes (depth to ${depth})`, file: 'backlog.md', text: nested('> ') },
  ];
}

export function lintAdversarial(doc: { file: string; text: string }): void {
  lintText(doc.text, { filePath: doc.file, config: defaultConfig() });
}
