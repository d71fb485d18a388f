#!/usr/bin/env bash
# The VS Code part of CI, called by .ci/run after `npm test`: install the real-VS-Code harness
# (Chromium via apt; Node 24, code-server and playwright-core from npm into .vscode-harness/, which
# is git-ignored and the one folder worth caching between runs), then `npm run test:vscode`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

t=$SECONDS
bash scripts/vscode/setup.sh
echo "[ci/vscode] harness setup: $((SECONDS - t)) s"

t=$SECONDS
npm run test:vscode
echo "[ci/vscode] test:vscode: $((SECONDS - t)) s"
