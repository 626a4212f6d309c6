# Shared helpers for scripts/run and scripts/test. Sourced, not executed.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_TOOLS="$ROOT/tools/node"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\033[1m[consolidation-bot]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[consolidation-bot] %s\033[0m\n' "$*" >&2; exit 1; }

require() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed: $2"
}

# npm ci into tools/node (project-local) unless node_modules already matches package-lock.json.
ensure_node_tools() {
  require node "install Node.js 20 or newer"
  require npm "install npm (comes with Node.js)"
  local stamp="$NODE_TOOLS/node_modules/.installed-lock"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$NODE_TOOLS/package-lock.json"; then
    return 0
  fi
  say "Installing Azurite, the Agents Playground and the card checker into tools/node (npm ci)..."
  (cd "$NODE_TOOLS" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in tools/node"
  cp "$NODE_TOOLS/package-lock.json" "$stamp"
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_for_port PORT SECONDS NAME
wait_for_port() {
  local port=$1 seconds=$2 name=$3 i
  for ((i = 0; i < seconds * 10; i++)); do
    if ! port_free "$port"; then return 0; fi
    sleep 0.1
  done
  die "$name did not open port $port within ${seconds}s"
}

# wait_for_http URL SECONDS NAME
wait_for_http() {
  local url=$1 seconds=$2 name=$3 i
  for ((i = 0; i < seconds * 10; i++)); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "$name did not answer $url within ${seconds}s"
}
