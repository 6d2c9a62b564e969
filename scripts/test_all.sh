#!/usr/bin/env bash
# `make test`: the whole suite (pytest, with the arguments the Makefile gives) in the
# foreground and, meanwhile, `make lint` in the background at the lowest priority (nice 19):
# it takes only the CPU the suite leaves idle while its taps wait on the sandbox's clock, so it
# neither slows the suite nor upsets the tests that time what they see. Then `make
# test-pythons` (the fast suite under each other Python) at normal priority: run starved in
# the background, its own timing tests (deadlines, trickled answers) failed. The lint step's
# output follows the suite's; the exit code is 0 only if all three passed (pytest's 5, no
# tests, fails too).
set -uo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
lint_log=$(mktemp)

nice -n 19 make --no-print-directory lint >"$lint_log" 2>&1 &
lint=$!
trap 'pkill -TERM -P $lint; kill $lint 2>/dev/null; rm -f "$lint_log"; exit 130' INT TERM

"$VENV/bin/python" -m pytest "$@"
failed=$?
pytest_took=$SECONDS

wait $lint
lint_code=$?
lint_waited=$((SECONDS - pytest_took))
echo "---- make lint ----"
cat "$lint_log"
rm -f "$lint_log"
if [ "$lint_code" != 0 ]; then
    echo "make test: make lint failed (exit code $lint_code)"
    failed=1
fi

echo "---- make test-pythons ----"
if ! make --no-print-directory test-pythons; then
    echo "make test: make test-pythons failed"
    failed=1
fi
# Where the time went, for docs/development.md's figures.
echo "make test: pytest ${pytest_took} s, then ${lint_waited} s waiting for make lint," \
    "then test-pythons $((SECONDS - pytest_took - lint_waited)) s"
exit "$failed"
