/**
 * Hostile globs at full size (issue 11, item 3): `*a*a*a*a*a*a*a*a*b.md` against names of 120 and 250 `a`s
 * in `artifacts`, `ignores`, `overrides` and as a CLI glob (picomatch took minutes at 120), and a config
 * filled to the glob budget against a 4,000-character path. Wall time is printed; it fails when one case
 * takes more than `--max-ms` (default 2,000) — loose on purpose, as machines are shared.
 * Usage: npm run stress (all stress scripts), or bundle this file and call main([...args]).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findMarkdownFiles, NoFilesFoundError } from '../../src/cli/files';
import { createConfigLoader, nodeFileSystem } from '../../src/config';
import { MAX_GLOB_STATES_PER_CONFIG } from '../../src/config/layer';
import { compileNfa, simulationSteps } from '../../src/config/glob-match';
import { allRules } from '../../rules';

const HOSTILE = '*a*a*a*a*a*a*a*a*b.md';

async function timed(body: () => Promise<void>): Promise<{ ms: number; steps: number }> {
  const steps = simulationSteps.count;
  const start = performance.now();
  await body();
  return { ms: performance.now() - start, steps: simulationSteps.count - steps };
}

export async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf('--max-ms');
  const maxMs = at >= 0 ? Number(argv[at + 1]) : 2000;
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-globs-stress-')));
  const results: string[] = [];
  let worst = 0;
  const record = (name: string, r: { ms: number; steps: number }) => {
    worst = Math.max(worst, r.ms);
    results.push(`${name} ${r.ms.toFixed(1)} ms (${r.steps.toLocaleString('en-US')} steps)`);
  };
  try {
    for (const n of [120, 250]) {
      const name = `${'a'.repeat(n)}.md`;
      const project = path.join(dir, `p${n}`);
      fs.mkdirSync(path.join(project, 'sub'), { recursive: true });
      fs.writeFileSync(path.join(project, name), '');
      fs.writeFileSync(path.join(project, 'sub', name), '');
      fs.writeFileSync(
        path.join(project, '.backlog-lint.json'),
        JSON.stringify({
          artifacts: { [HOSTILE]: 'story' },
          ignores: [HOSTILE],
          overrides: [{ files: [HOSTILE, `**/${HOSTILE}`], roles: ['pm'] }],
        }),
      );
      const loader = createConfigLoader({ fs: nodeFileSystem(), rules: allRules });
      record(
        `config(${n})`,
        await timed(async () => {
          await loader.forFile(path.join(project, name));
          await loader.forFile(path.join(project, 'sub', name));
        }),
      );
      record(
        `cli-glob(${n})`,
        await timed(async () => {
          await findMarkdownFiles([`**/${HOSTILE}`], { cwd: project }).catch((err: unknown) => {
            if (!(err instanceof NoFilesFoundError)) throw err;
          });
        }),
      );
    }
    // The budget's worst case: every state of the config's globs active on every character of a long path.
    const budget = path.join(dir, 'budget');
    fs.mkdirSync(budget);
    const globs: string[] = [];
    for (let states = 0; ; ) {
      const glob = `**/${'*a'.repeat(400)}b${globs.length}`;
      states += compileNfa(glob).size;
      if (states > MAX_GLOB_STATES_PER_CONFIG) break;
      globs.push(glob);
    }
    fs.writeFileSync(path.join(budget, '.backlog-lint.json'), JSON.stringify({ ignores: globs }));
    const deep = path.join(budget, `${'a'.repeat(249)}/`.repeat(16), 'x.md');
    const budgetLoader = createConfigLoader({ fs: nodeFileSystem(), rules: allRules });
    record(
      'budget: load + first match',
      await timed(async () => {
        await budgetLoader.forFile(deep);
      }),
    );
    // The config is cached now: this is what each lint of that file costs (in the editor, per keystroke).
    record(
      'budget: match (4,000-char path)',
      await timed(async () => {
        await budgetLoader.forFile(deep);
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ok = worst <= maxMs;
  console.log(`globs: ${ok ? 'PASS' : 'FAIL'} worst ${worst.toFixed(1)} ms (limit ${maxMs} ms): ${results.join('; ')}`);
  return ok ? 0 : 1;
}
