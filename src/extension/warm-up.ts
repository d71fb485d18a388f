/**
 * Warms the lint worker up before the user's first document: a cold V8 runs the parser, the classifier
 * and the rules' patterns interpreted: the first lint of 1,000 stories in the worker took 1,210 to 1,446 ms
 * cold and 971 to 1,105 ms after this warm-up (outside VS Code, load 1.4, 4 runs each).
 * The warm-up lints small generated documents of each artifact kind, one per turn of the event loop, so
 * a real request that arrives meanwhile waits for one small lint at most; once a real lint has run, the
 * code is warm and the warm-up stops.
 */

/** Documents in the warm-up, each a few KB: enough for the optimising compiler to see the hot paths. */
const WARM_UP_DOCUMENTS = 18;

const ROLES = ['shopper', 'store manager', 'accountant', 'support agent'];
const GOALS = ['save my cart for later', 'export the monthly report', 'filter orders by date', 'reset my password'];

/**
 * In turn a backlog (Connextra and job stories, criteria as Gherkin and as a checklist), a PRD and a
 * roadmap, each with something to report, so that the rules' reporting paths warm up too.
 */
export function warmUpDocument(n: number): string {
  const role = ROLES[n % ROLES.length];
  const goal = GOALS[n % GOALS.length];
  const front = `---\ntitle: Warm-up ${n}\n---\n\n`;
  if (n % 3 === 1) {
    return `${front}# PRD: ${goal}\n\n## Problem\n\n${role}s cannot ${goal}.\n\n## Audience\n\n${role}s.\n\n## Success metrics\n\n| Metric | Target |\n| --- | --- |\n| Conversion | +2% |\n\n## Scope\n\nIn: ${goal}. Out: the rest.\n`;
  }
  if (n % 3 === 2) {
    return `${front}# Roadmap\n\n| Item | Why | Horizon |\n| --- | --- | --- |\n| ${goal} | ${role}s ask for it | Now |\n| Search | | Later |\n`;
  }
  const stories = Array.from({ length: 16 }, (_, i) => {
    const id = `WU-${n * 10 + i}`;
    if (i % 3 === 2)
      return `### ${id}: ${goal}\n\nWhen I am busy, I want to ${goal} ${i}, so I can move on.\n\n- [ ] works offline\n- [ ] shows an error on failure\n`;
    const benefit = i === 0 ? '' : ', so that I save time';
    return `### ${id}: ${goal}\n\nAs a ${role}, I want to ${goal} ${i}${benefit}.\n\n**Acceptance criteria**\n\n- Given a ${role} signed in\n  When they ${goal}\n  Then it is done within 2 seconds\n`;
  }).join('\n');
  return `${front}# Backlog ${n}\n\n${stories}`;
}

/**
 * Runs `lint` on each warm-up document, one per turn of the event loop, until `done()` says a real lint
 * has run. Resolves when it stops.
 */
export function warmUp(lint: (text: string) => void, done: () => boolean): Promise<null> {
  return new Promise((resolve) => {
    let n = 0;
    const step = () => {
      if (done() || n >= WARM_UP_DOCUMENTS) return resolve(null);
      lint(warmUpDocument(n++));
      setImmediate(step);
    };
    setImmediate(step);
  });
}
