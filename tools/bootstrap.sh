#!/usr/bin/env bash
# Prepare a fresh Debian/Ubuntu machine: system packages the suite needs, then nox.
#   graphviz               -> `dot`, used by keras.utils.plot_model
#   dataset-fashion-mnist  -> the real Fashion-MNIST files, read offline by the snippets
#   chromium               -> the browser the reader-experience tests drive through Playwright
#   npm                    -> only if no npm is on PATH: installs the axe-core pinned in package-lock.json
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(graphviz dataset-fashion-mnist chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
python3 -m nox --version >/dev/null 2>&1 && python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet nox uv
# axe-core for tests/test_browser.py, exactly the version in package-lock.json (no browser download)
npm ci --no-audit --no-fund --silent
