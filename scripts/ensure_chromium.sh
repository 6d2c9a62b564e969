#!/usr/bin/env bash
# The report's browser tests (tests/pipeline/test_report.py) open the page in a real headless
# Chromium, Debian's; this finds it, installing Debian's `chromium` package when apt-get is here
# and it is not.
#
#   bash scripts/ensure_chromium.sh          find or install (run by `make test`); without
#                                            Chromium and apt-get it says so in one line and
#                                            exits 0, so the other tests run and the browser
#                                            tests are skipped; under CI it fails instead.
#   bash scripts/ensure_chromium.sh --find   print the browser's path and exit 0, or print why
#                                            not (one line, on stderr) and exit 1; never installs.
#
# CHROMIUM, when set, is the browser to use (any Chromium or Chrome), looked for first.
# CHROMIUM_SEARCH_ROOT (for the tests of this script) is put before /usr/bin/chromium.
set -euo pipefail
case "${BASH_SOURCE[0]}" in */*) here=${BASH_SOURCE[0]%/*} ;; *) here=. ;; esac # no dirname: PATH may be bare
# shellcheck source=ensure_lib.sh
. "$here/ensure_lib.sh" # in_ci, missing, apt_install
TESTS="report browser tests"

root=${CHROMIUM_SEARCH_ROOT:-}

looked="\$CHROMIUM, chromium, chromium-browser, google-chrome on PATH, /usr/bin/chromium"

find_browser() {
    local name
    if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then
        echo "$CHROMIUM"
        return
    fi
    for name in chromium chromium-browser google-chrome; do
        if command -v "$name" > /dev/null; then
            command -v "$name"
            return
        fi
    done
    [ -x "$root/usr/bin/chromium" ] && echo "$root/usr/bin/chromium" && return
    return 1
}

if [ "${1:-}" = --find ]; then
    if ! find_browser; then
        echo "Chromium not found (looked at $looked): install it (apt-get install chromium," \
            "brew install --cask chromium), or run \`make test\`, which installs it where apt-get is" >&2
        exit 1
    fi
    exit 0
fi

if browser=$(find_browser); then
    echo "Chromium for the report's browser tests: $browser"
    exit 0
fi
apt_install chromium Chromium "install Chromium" "the report's browser tests"
if ! browser=$(find_browser); then
    echo "installed Debian's chromium package, but found no browser at $looked" >&2
    exit 1
fi
echo "Chromium for the report's browser tests: $browser"
