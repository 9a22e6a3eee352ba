#!/usr/bin/env bash
# Installs the Debian packages the build needs, only when they are missing:
#   libcsv-dev  the C CSV parser the reader is built on (csv.h, libcsv).
set -euo pipefail
missing=()
[ -f /usr/include/csv.h ] || missing+=(libcsv-dev)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "installing ${missing[*]} with apt-get" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: ${missing[*]} missing and not root; run: apt-get install ${missing[*]}" >&2; exit 2
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
