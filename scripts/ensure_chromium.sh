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

root=${CHROMIUM_SEARCH_ROOT:-}

looked="\$CHROMIUM, chromium, chromium-browser, google-chrome on PATH, /usr/bin/chromium"

in_ci() {
    case "${CI:-}" in "" | 0 | false | False | FALSE) return 1 ;; *) return 0 ;; esac
}

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

# Not here: the other tests still run, the browser tests skip; CI must not skip.
missing() {
    if in_ci; then
        echo "report browser tests cannot run under CI: $1" >&2
        exit 1
    fi
    echo "report browser tests will be skipped: $1"
    exit 0
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
if ! command -v apt-get > /dev/null; then
    missing "Chromium not found and no apt-get to install it; install Chromium to run them"
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo > /dev/null; then
        missing "Chromium not found, and apt-get needs root but there is no sudo; install the chromium package to run them"
    fi
    sudo="sudo"
fi
echo "Installing Chromium from Debian's packages for the report's browser tests"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium > /dev/null
if ! browser=$(find_browser); then
    echo "installed Debian's chromium package, but found no browser at $looked" >&2
    exit 1
fi
echo "Chromium for the report's browser tests: $browser"
