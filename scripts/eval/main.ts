/**
 * `npm run eval -- <corpus dir> [--labels FILE] [--json FILE] [--markdown DIR]… [--no-node-modules] [--dump FILE]
 *  [--verdicts FILE|DIR]… [--gold-kinds] [--detail AREA]…`
 * Prints per-rule findings and, where labels exist, precision / recall / F1; for a gold-labelled
 * realworld folder, the reading and findings against the gold; writes a JSON summary and, with --dump,
 * every labelled story with its findings and labels. --detail lists one area's misses and false positives;
 * --gold-kinds maps each realworld file to its gold kind, to measure the rules apart from classification.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runEval } from './evaluate';
import type { LabelMapping } from './labelled';
import { formatSummary } from './report';
import { DETAIL_AREAS, formatDetail, type DetailArea } from './realworld/report';
import { readVerdicts, verdictFiles } from './realworld/verdicts';

const USAGE = `usage: npm run eval -- <corpus dir> [--labels FILE] [--json FILE] [--markdown DIR]… [--no-node-modules] [--dump FILE] [--verdicts FILE|DIR]… [--gold-kinds] [--detail ${DETAIL_AREAS.join('|')}]…`;

export function main(argv: readonly string[], projectRoot: string): number {
  let corpus: string | undefined;
  let labels: string | undefined;
  let json = path.join(projectRoot, 'out', 'eval', 'summary.json');
  let dump: string | undefined;
  let nodeModules = true;
  let goldKinds = false;
  const verdictPaths: string[] = [];
  const details: DetailArea[] = [];
  const markdown: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--labels') labels = value();
    else if (arg === '--json') json = value();
    else if (arg === '--markdown') markdown.push(value());
    else if (arg === '--dump') dump = value();
    else if (arg === '--no-node-modules') nodeModules = false;
    else if (arg === '--verdicts') verdictPaths.push(value());
    else if (arg === '--gold-kinds') goldKinds = true;
    else if (arg === '--detail') {
      const area = value();
      if (!(DETAIL_AREAS as readonly string[]).includes(area))
        throw new Error(`--detail takes one of ${DETAIL_AREAS.join(', ')}; got '${area}'\n${USAGE}`);
      details.push(area as DetailArea);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else corpus = arg;
  }
  if (!corpus || !fs.statSync(corpus, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(corpus ? `not a folder: ${corpus}\n${USAGE}` : USAGE);
    return 2;
  }
  // By default every reviewer's file: verdicts.json and the verdicts/ folder.
  const evalDir = path.join(projectRoot, 'scripts', 'eval');
  const { verdicts, conflicts } = readVerdicts(
    verdictFiles(
      verdictPaths.length ? verdictPaths : [path.join(evalDir, 'verdicts.json'), path.join(evalDir, 'verdicts')],
    ),
  );
  const summary = runEval(corpus, {
    mapping: labels ? (JSON.parse(fs.readFileSync(labels, 'utf8')) as LabelMapping) : undefined,
    // The README / CHANGELOG / docs of the packages installed here: real projects' ordinary Markdown.
    nodeModules: nodeModules ? [path.join(projectRoot, 'node_modules')] : [],
    markdown,
    dump: dump !== undefined,
    verdicts,
    goldKinds,
  });
  console.log(formatSummary(summary));
  if (conflicts.length > 0) {
    console.log(`\n${conflicts.length} findings the verdict files judge differently (counted wrong until settled):`);
    for (const c of conflicts)
      console.log(`  ${c.key}: ${c.judged.map((j) => `${path.basename(j.file)} ${j.verdict}`).join(' vs ')}`);
  }
  for (const area of details) for (const r of summary.realworld) console.log(`\n${formatDetail(r, area)}`);
  const write = (file: string, data: unknown): void => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
  };
  // The rows go to the dump only, so the summary stays the same size with or without --dump.
  write(json, { ...summary, labelled: summary.labelled.map(({ rows: _rows, ...l }) => l) });
  console.log(`\nJSON summary: ${path.relative(process.cwd(), json)}`);
  if (dump !== undefined) {
    write(
      dump,
      summary.labelled.map((l) => ({ file: l.file, rows: l.rows ?? [] })),
    );
    console.log(`rows: ${path.relative(process.cwd(), dump)}`);
  }
  return 0;
}
