/**
 * The shape of one cached lint output, checked with zod before a cached entry is believed: an entry that
 * passes its integrity hash but was written by a bug, or forged with a recomputed hash, must still never
 * reach the cross-file checks or a formatter with a shape they do not expect. Objects are strict, so a field
 * the tool never writes is a damaged entry too. `result.filePath` is not stored: it is the entry's key.
 */
import { z } from 'zod';
import { ACTIVE_SEVERITIES, ARTIFACT_KINDS, PACKS, type ActiveSeverity, type Pack } from '../core/types';

const offset = z.number().int().nonnegative();
const artifact = z.enum(ARTIFACT_KINDS as [string, ...string[]]);
const span = z.strictObject({ start: offset, end: offset, text: z.string() });
const edit = z.strictObject({ range: z.tuple([offset, offset]), text: z.string() });
const fix = z.strictObject({ title: z.string(), edits: z.array(edit) });

const finding = z.strictObject({
  ruleId: z.string(),
  role: z.enum(PACKS as [Pack, ...Pack[]]),
  artifact,
  severity: z.enum(ACTIVE_SEVERITIES as [ActiveSeverity, ...ActiveSeverity[]]),
  message: z.string(),
  rationale: z.string(),
  range: z.tuple([offset, offset]),
  line: offset,
  column: offset,
  endLine: offset,
  endColumn: offset,
  docsUrl: z.string(),
  fix: fix.optional(),
  suggestions: z.array(fix).optional(),
  suppressed: z.strictObject({ kind: z.literal('inline'), comment: span }).optional(),
});

const crossFileItem = z.strictObject({
  artifact,
  span: z.strictObject({ start: offset, end: offset }),
  line: offset,
  column: offset,
  endLine: offset,
  endColumn: offset,
  key: z.string(),
});

const directive = z.strictObject({
  kind: z.enum(['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable']),
  rules: z.array(z.string()),
  comment: span,
  line: offset,
  endLine: offset,
});

export const cachedOutputSchema = z.strictObject({
  result: z.strictObject({
    artifact: artifact.nullable(),
    findings: z.array(finding),
    suppressed: z.array(finding),
    problem: z
      .strictObject({ message: z.string(), keyPath: z.string().optional(), file: z.string().optional() })
      .optional(),
  }),
  crossFile: z.array(z.tuple([z.string(), z.array(crossFileItem)])),
  directives: z.array(directive),
});
