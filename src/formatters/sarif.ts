/**
 * SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, SARIF viewers):
 * one run, the rule catalogue in `tool.driver.rules`, one result per finding (suppressed ones
 * marked), and files that could not be linted as tool execution notifications.
 */
import { docsUrl, type RuleMeta } from '../core/rule';
import type { ActiveSeverity, Finding, Fix, LintResult } from '../core/types';
import type { FormatContext } from './context';
import { inertJson } from './inert';
import { absolutePath, fileUri, folderUri, isOutside, relativePath, relativeUri } from './paths';
import type { ReportStream } from './stream';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/backlog-lint/backlog-lint';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<ActiveSeverity, Level> = { error: 'error', warning: 'warning', info: 'note' };

// The subset of the SARIF object model this formatter writes.
interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifFix {
  description: { text: string };
  artifactChanges: {
    artifactLocation: ArtifactLocation;
    replacements: { deletedRegion: { charOffset: number; charLength: number }; insertedContent?: { text: string } }[];
  }[];
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: ArtifactLocation; region: Region } }[];
  suppressions?: { kind: 'inSource' }[];
  fixes?: SarifFix[];
  /** `rationale` only when the finding's reason differs from its rule's `fullDescription`. */
  properties: { role: string; artifact: string; rationale?: string };
}
interface ReportingDescriptor {
  id: string;
  name?: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
  helpUri?: string;
  defaultConfiguration?: { level: Level };
  properties?: { role: string; artifacts: string[] };
}
interface Notification {
  level: 'error';
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: ArtifactLocation } }[];
  properties?: { keyPath: string };
}

/** `results[]` sits in runs[0] of the log, printed with two-space indents: each result is indented this far. */
const RESULT_INDENT = ' '.repeat(8);

/**
 * The log as JSON.stringify(log, null, 2) prints it, with `results` written a file at a time. The rule
 * catalogue and the notifications come before the results in the log, so `scan` collects them first.
 */
export function sarifStream(ctx: FormatContext): ReportStream {
  const catalogue = new RuleCatalogue(ctx);
  const notifications: Notification[] = [];
  const location = (filePath: string) => artifactLocation(ctx.cwd, filePath);
  let written = 0;
  // Set by head(): the text after `results`' opening bracket.
  let tail = '';
  return {
    scan(result) {
      catalogue.add(result);
      if (result.problem) {
        const notification: Notification = {
          level: 'error',
          message: { text: result.problem.message },
          locations: [{ physicalLocation: { artifactLocation: location(result.problem.file ?? result.filePath) } }],
        };
        if (result.problem.keyPath !== undefined) notification.properties = { keyPath: result.problem.keyPath };
        notifications.push(notification);
      }
    },
    head() {
      const log = {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'backlog-lint',
                informationUri: INFORMATION_URI,
                version: ctx.toolVersion,
                rules: catalogue.rules,
              },
            },
            invocations: [
              {
                executionSuccessful: notifications.length === 0,
                ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
              },
            ],
            originalUriBaseIds: { [SRCROOT]: { uri: folderUri(absolutePath(ctx.cwd, '.')) } },
            // Finding columns are UTF-16 code units (see Position in core/types).
            columnKind: 'utf16CodeUnits',
            results: [],
          },
        ],
      };
      const text = JSON.stringify(log, null, 2);
      // `results` is the run's last key; the head ends at its opening bracket, the tail starts after it.
      const at = text.lastIndexOf('"results": []') + '"results": ['.length;
      tail = text.slice(at + 1);
      return inertJson(text.slice(0, at));
    },
    file(result) {
      const fileLocation = location(result.filePath);
      let out = '';
      const add = (finding: Finding, suppressed: boolean): void => {
        const item = JSON.stringify(
          toResult(finding, suppressed, fileLocation, catalogue.index, catalogue.why),
          null,
          2,
        );
        out += `${written++ === 0 ? '\n' : ',\n'}${RESULT_INDENT}${item.replace(/\n/g, `\n${RESULT_INDENT}`)}`;
      };
      for (const finding of result.findings) add(finding, false);
      for (const finding of result.suppressed) add(finding, true);
      return inertJson(out);
    },
    tail: () => `${written > 0 ? `\n${RESULT_INDENT.slice(2)}]` : ']'}${inertJson(tail)}\n`,
  };
}

function toResult(
  finding: Finding,
  suppressed: boolean,
  fileLocation: ArtifactLocation,
  ruleIndex: ReadonlyMap<string, number>,
  ruleWhy: ReadonlyMap<string, string | undefined>,
): SarifResult {
  const sarif: SarifResult = {
    ruleId: finding.ruleId,
    // Every finding's rule is in the catalogue: ruleCatalogue adds the ones ctx.rules lacks.
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: fileLocation,
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
    properties: { role: finding.role, artifact: finding.artifact },
  };
  if (finding.rationale !== ruleWhy.get(finding.ruleId)) sarif.properties.rationale = finding.rationale;
  if (suppressed) sarif.suppressions = [{ kind: 'inSource' }];
  const fixes = [...(finding.fix ? [finding.fix] : []), ...(finding.suggestions ?? [])];
  if (fixes.length > 0) sarif.fixes = fixes.map((fix) => toFix(fix, fileLocation));
  return sarif;
}

/**
 * Rules from ctx sorted by id (stable output whatever the registration order), then any rule a
 * finding names that ctx does not know, so every result's ruleIndex points at its rule.
 */
class RuleCatalogue {
  readonly rules: ReportingDescriptor[];
  readonly index = new Map<string, number>();
  /** Each rule's rationale: a finding repeats its own only where it differs. */
  readonly why = new Map<string, string | undefined>();

  constructor(ctx: FormatContext) {
    const known = [...ctx.rules.values()].map((rule) => rule.meta).sort((a, b) => compare(a.id, b.id));
    this.rules = known.map(describeRule);
    this.rules.forEach((rule, i) => {
      this.index.set(rule.id, i);
      this.why.set(rule.id, rule.fullDescription?.text);
    });
  }

  add(result: LintResult): void {
    for (const finding of [...result.findings, ...result.suppressed]) {
      if (this.index.has(finding.ruleId)) continue;
      this.index.set(finding.ruleId, this.rules.length);
      this.why.set(finding.ruleId, finding.rationale);
      this.rules.push({
        id: finding.ruleId,
        fullDescription: { text: finding.rationale },
        help: { text: finding.rationale },
        helpUri: finding.docsUrl,
      });
    }
  }
}

function describeRule(meta: RuleMeta): ReportingDescriptor {
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.rationale },
    // GitHub code scanning shows `help` as the rule's guidance: what the rule reports and why, then where to read more.
    help: {
      text: `${meta.description}\n\n${meta.rationale}\n\nDocs: ${docsUrl(meta)}`,
      markdown: `${meta.description}\n\n${meta.rationale}\n\n[Docs](${docsUrl(meta)})`,
    },
    helpUri: docsUrl(meta),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { role: meta.role, artifacts: [...meta.artifacts] },
  };
}

/** SARIF suggests a readable identifier distinct from the opaque id: `story-has-value` → `StoryHasValue`. */
function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * Files under cwd get a relative URI against %SRCROOT% (so the log is portable between checkouts);
 * a file outside cwd gets its absolute file: URI, since `../` would escape the source root.
 */
function artifactLocation(cwd: string, filePath: string): ArtifactLocation {
  const relative = relativePath(cwd, filePath);
  if (isOutside(relative)) return { uri: fileUri(absolutePath(cwd, filePath)) };
  return { uri: relativeUri(relative), uriBaseId: SRCROOT };
}

/** Edits are UTF-16 offsets, which match charOffset/charLength under columnKind utf16CodeUnits. */
function toFix(fix: Fix, location: ArtifactLocation): SarifFix {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: fix.edits.map((edit) => ({
          deletedRegion: { charOffset: edit.range[0], charLength: edit.range[1] - edit.range[0] },
          ...(edit.text === '' ? {} : { insertedContent: { text: edit.text } }),
        })),
      },
    ],
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
