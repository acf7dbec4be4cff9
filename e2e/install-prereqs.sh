#!/usr/bin/env bash
# Installs the Debian packages the e2e stage (npm run test:e2e) needs. Idempotent: when every
# package is already installed it only checks (a second or so) and touches no network.
#   neovim, emacs-nox + elpa-eglot, vim-nox + vim-ale : the headless LSP harnesses of ../shared/tools/lsp-clients
#   chromium                                       : the browser playwright-core drives for code-server (no browser download)
#   libkrb5-dev, build-essential, python3            : code-server's native modules (kerberos) are built by node-gyp
#   fonts-dejavu-core                              : readable screenshots
# Needs root (or sudo). Exits non-zero, loudly, if anything cannot be installed.
set -euo pipefail
PKGS=(neovim emacs-nox elpa-eglot vim-nox vim-ale chromium libkrb5-dev build-essential python3 fonts-dejavu-core ca-certificates)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then missing+=("$p"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "e2e prerequisites: all ${#PKGS[@]} Debian packages already installed"
  exit 0
fi

echo "e2e prerequisites: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "ERROR: not root and no sudo: cannot install ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# Update the package lists only when they are missing or older than a day.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
  $SUDO apt-get update -qq || { echo "ERROR: apt-get update failed" >&2; exit 1; }
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  echo "ERROR: apt-get install failed for: ${missing[*]}" >&2
  exit 1
fi
echo "e2e prerequisites: installed ${missing[*]}"
