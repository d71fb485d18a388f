/** Command ids, as contributed in package.json. */
export const COMMANDS = {
  lintWorkspace: 'backlogLint.lintWorkspace',
  fixAll: 'backlogLint.fixAll',
  showRuleDocs: 'backlogLint.showRuleDocs',
  createFromTemplate: 'backlogLint.createFromTemplate',
} as const;

/** Built-in: focuses the Problems panel. */
export const SHOW_PROBLEMS = 'workbench.actions.view.problems';
