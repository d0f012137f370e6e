#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are absent: chromium (end-to-end
# tests through playwright-core) and python3-sklearn (the exported Python scripts are run).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import sklearn' 2>/dev/null || missing+=(python3-sklearn)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need Debian's ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}'." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
