#!/usr/bin/env bash
# The real-browser tests: the decision helper and search (the bundled site built with the debug sitegen
# into a temporary folder) and `sitegen serve` live reload (a copy of the site served by the debug sitegen),
# driven with headless Chromium (Debian's chromium + chromium-driver, Selenium); and the search scripts'
# own tests under Node (the stemmer against the Swift one's vectors, the tokenizer against its cases).
# Installs what is missing; `make test` runs it after `swift test`.
set -euo pipefail
cd "$(dirname "$0")/../.."

sudo_cmd=""
[[ "$(id -u)" == 0 ]] || sudo_cmd=sudo
if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null; then
  echo "Installing chromium and chromium-driver"
  $sudo_cmd apt-get update -q
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver fonts-dejavu-core
fi
if ! command -v node >/dev/null; then
  echo "Installing nodejs"
  $sudo_cmd apt-get update -q
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs
fi
python=python3
if ! $python -c 'import selenium' 2>/dev/null; then
  echo "Installing selenium"
  if ! $python -m pip install -q --disable-pip-version-check selenium 2>/dev/null; then
    $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-selenium
    python=/usr/bin/python3
  fi
fi

swift build --product sitegen
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
.build/debug/sitegen build --quiet --output "$site/dist"
node Tests/Browser/search_stem_test.mjs
node Tests/Browser/search_engine_test.mjs "$site/dist"
"$python" Tests/Browser/decision_helper_test.py "$site/dist"
"$python" Tests/Browser/search_test.py "$site/dist"
"$python" Tests/Browser/serve_reload_test.py .build/debug/sitegen .
