#!/usr/bin/env bash
# Installs the JSON Resume tools the resume tests use, into .ci/node/ (git-ignored):
# the official schema (@jsonresume/schema), one published theme (jsonresume-theme-even) and
# the `resumed` command-line renderer (HTML only; its PDF export would need a browser, which is
# never downloaded: peer dependencies such as puppeteer are not installed).
# Idempotent: a second run with the same versions does nothing.  Prints ILPCORE_JSONRESUME_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="$PWD/.ci/node"
packages=("@jsonresume/schema@1.3.1" "jsonresume-theme-even@0.26.1" "resumed@6.1.0")
stamp="$dir/.installed"
wanted="${packages[*]}"
export PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"name": "ilpcore-ci-jsonresume", "private": true}' > "$dir/package.json"
  # --legacy-peer-deps: do not pull resumed's optional peer puppeteer (a browser download).
  npm install --prefix "$dir" --no-save --legacy-peer-deps --ignore-scripts --loglevel=error \
    "${packages[@]}" >&2
  echo "$wanted" > "$stamp"
fi
test -f "$dir/node_modules/@jsonresume/schema/schema.json"
test -x "$dir/node_modules/.bin/resumed"
echo "ILPCORE_JSONRESUME_DIR=$dir"
