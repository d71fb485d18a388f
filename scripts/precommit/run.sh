#!/usr/bin/env bash
# Runs the hooks of .pre-commit-hooks.yaml with the real pre-commit (`pre-commit try-repo`) in a scratch git
# repository: the check hook must fail on a story without acceptance criteria and pass on a good one, and
# the fix hook must insert the template (pre-commit then fails the commit because files changed).
# Needs git, node/npm and pre-commit (Debian: apt-get install -y pre-commit). Usage: npm run test:precommit
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/backlog-lint-precommit-XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
# pre-commit keeps its environments here: a fresh one per run (so the hook is really installed), unless
# BACKLOG_LINT_PRE_COMMIT_HOME names one to reuse.
export PRE_COMMIT_HOME="${BACKLOG_LINT_PRE_COMMIT_HOME:-$scratch/cache}"
cd "$scratch"
git init -q -b main repo && cd repo
git config user.email ci@example.com && git config user.name ci

fail() { echo "pre-commit test FAILED: $*"; exit 1; }

printf '# Checkout\n\nAs a shopper, I want to pay with a saved card, so that I can check out faster.\n' > bad.story.md
printf '# Notes\n\nMeeting notes, nothing to lint.\n' > notes.md
git add -A
if pre-commit try-repo "$root" backlog-lint --files bad.story.md notes.md > out.txt 2>&1; then
  cat out.txt; fail "the check hook passed on a story without acceptance criteria"
fi
grep -q 'story-acceptance-criteria' out.txt || { cat out.txt; fail "the check hook did not name the rule"; }
echo "ok - backlog-lint (check) fails on a story without acceptance criteria"

pre-commit try-repo "$root" backlog-lint --files notes.md > out.txt 2>&1 || { cat out.txt; fail "the check hook failed on plain notes"; }
echo "ok - backlog-lint (check) passes on plain Markdown"

cp bad.story.md before.md
if pre-commit try-repo "$root" backlog-lint-fix --files bad.story.md > out.txt 2>&1; then
  cat out.txt; fail "the fix hook reported success although it changed the file"
fi
grep -q 'files were modified by this hook' out.txt || { cat out.txt; fail "pre-commit did not see the fix"; }
cmp -s before.md bad.story.md && fail "the fix hook did not change the file"
grep -qi 'acceptance criteria' bad.story.md || fail "the fix hook did not insert the acceptance-criteria template"
echo "ok - backlog-lint-fix inserts the acceptance-criteria template"
echo "pre-commit test passed"
