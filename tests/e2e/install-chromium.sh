#!/usr/bin/env bash
# Installs Debian's chromium (used by the end-to-end tests through playwright-core) when it is absent.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The end-to-end tests need Debian's chromium: run 'sudo apt-get install -y chromium'." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
