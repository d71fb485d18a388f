/**
 * One corpus file linted exactly as the CLI lints it: bytes decoded by the CLI's reader (a file that is
 * not UTF-8 is a problem, not a document), the shipping default config, the file's real path (so file
 * names count), one parse; the reading described by the same function `--inspect` prints.
 */
import * as fs from 'node:fs';
import { decodeDocument } from '../../../src/cli/read';
import { defaultConfig } from '../../../src/config/defaults';
import { lintDocument } from '../../../src/core/engine';
import { rulesFor } from '../../../src/rule-set';
import { describeModel, type InspectReport } from '../../../src/core/inspect';
import type { EffectiveConfig, Finding } from '../../../src/core/types';

export interface LintedFile {
  /** The document as read, or null when the CLI would refuse it. */
  report: InspectReport | null;
  findings: Finding[];
  /** The file's physical lines (for listing what a line says). */
  lines: string[];
  problem?: string;
}

export function lintCorpusFile(file: string, config: EffectiveConfig = defaultConfig()): LintedFile {
  const raw = fs.readFileSync(file);
  const lines = raw.toString('latin1').split(/\r\n|\r|\n/);
  let text: string;
  try {
    text = decodeDocument(raw, file).text;
  } catch (err) {
    return { report: null, findings: [], lines, problem: (err as Error).message };
  }
  const utf8Lines = text.split(/\r\n|\r|\n/);
  const { result, doc, model } = lintDocument(text, { filePath: file, config, rules: rulesFor(config) });
  return { report: describeModel(doc, model, { filePath: file, config }), findings: result.findings, lines: utf8Lines };
}
