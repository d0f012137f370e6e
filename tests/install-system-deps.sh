#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are absent: chromium (end-to-end
# tests through playwright-core), python3-sklearn (the exported Python scripts are run) and
# python3-nbclient with python3-ipykernel (the exported notebooks are executed headlessly).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import sklearn' 2>/dev/null || missing+=(python3-sklearn)
/usr/bin/python3 -c 'import nbclient, nbformat, ipykernel' 2>/dev/null || missing+=(python3-nbclient python3-nbformat python3-ipykernel)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need Debian's ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}'." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
