/**
 * "Create … from template": a new untitled Markdown document holding a skeleton that passes the
 * built-in rules once its `\<placeholders>` are filled in. Inserted as a snippet, so Tab walks the
 * placeholders. The backslash keeps `<role>` visible in the Markdown preview and on GitHub (bare, it is
 * read as an HTML tag and vanishes); a snippet writes one backslash as `\\` (`'\\\\'` in this source).
 * Only built-in text: nothing from the workspace, so it is safe when untrusted.
 */
import * as vscode from 'vscode';

export interface DocumentTemplate {
  id: 'story' | 'prd' | 'roadmap' | 'epic';
  label: string;
  detail: string;
  snippet: string;
}

export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [
  {
    id: 'story',
    label: 'User story',
    detail: 'PO: "As a … I want … so that …" with Given/When/Then acceptance criteria',
    snippet: [
      '# ${1:ABC-123}: ${2:\\\\<story title>}',
      '',
      'As a ${3:\\\\<role>}, I want ${4:\\\\<capability>}, so that ${5:\\\\<benefit>}.',
      '',
      '### Acceptance criteria',
      '',
      '- Given ${6:\\\\<context>}, when ${7:\\\\<action>}, then ${8:\\\\<observable outcome>}',
      '',
    ].join('\n'),
  },
  {
    id: 'epic',
    label: 'Epic',
    detail: 'PO/PM: objective, success metric and the stories that deliver it',
    snippet: [
      '# Epic: ${1:\\\\<epic name>}',
      '',
      '## Objective',
      '',
      '${2:\\\\<the outcome this epic delivers, for whom>}',
      '',
      '## Success metrics',
      '',
      '- ${3:\\\\<metric>}: from ${4:\\\\<baseline>} to ${5:\\\\<target>} by ${6:\\\\<date>}',
      '',
      '## Stories',
      '',
      '- As a ${7:\\\\<role>}, I want ${8:\\\\<capability>}, so that ${9:\\\\<benefit>}.',
      '',
    ].join('\n'),
  },
  {
    id: 'prd',
    label: 'Product requirements document (PRD)',
    detail: 'PM: problem, users, goals, non-goals, success metrics, requirements, risks',
    snippet: [
      '# ${1:\\\\<feature name>}: product requirements',
      '',
      '## Problem',
      '',
      '${2:\\\\<what problem users have, the evidence, and why solve it now>}',
      '',
      '## Target users',
      '',
      '${3:\\\\<who has the problem>}',
      '',
      '## Goals',
      '',
      '- ${4:\\\\<goal>}',
      '',
      '## Non-goals',
      '',
      '- ${5:\\\\<what this does not do>}',
      '',
      '## Success metrics',
      '',
      '- ${6:\\\\<metric>}: from ${7:\\\\<baseline>} to ${8:\\\\<target>} by ${9:\\\\<date>}',
      '',
      '## Requirements',
      '',
      '- ${10:\\\\<requirement>}',
      '',
      '## Risks and open questions',
      '',
      '- ${11:\\\\<risk>}',
      '',
    ].join('\n'),
  },
  {
    id: 'roadmap',
    label: 'Roadmap',
    detail: 'PM: Now / Next / Later items, each with its "Why:" and outcome',
    snippet: [
      '# ${1:\\\\<product>} roadmap',
      '',
      '## Now',
      '',
      '### ${2:\\\\<initiative>}',
      '',
      'Why: ${3:\\\\<the customer problem or opportunity>}',
      'Outcome: ${4:\\\\<the measurable change we expect>}',
      '',
      '## Next',
      '',
      '### ${5:\\\\<initiative>}',
      '',
      'Why: ${6:\\\\<the customer problem or opportunity>}',
      'Outcome: ${7:\\\\<the measurable change we expect>}',
      '',
      '## Later',
      '',
      '### ${8:\\\\<initiative>}',
      '',
      'Why: ${9:\\\\<the customer problem or opportunity>}',
      'Outcome: ${10:\\\\<the measurable change we expect>}',
      '',
    ].join('\n'),
  },
];

/** Opens an untitled Markdown document with the template; asks which one when not given. */
export async function createFromTemplate(id?: string): Promise<vscode.TextEditor | undefined> {
  const template =
    DOCUMENT_TEMPLATES.find((t) => t.id === id) ??
    (await vscode.window.showQuickPick(
      DOCUMENT_TEMPLATES.map((t) => ({ ...t, description: t.id })),
      { placeHolder: 'Create from template' },
    ));
  if (!template) return undefined;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(template.snippet));
  return editor;
}
