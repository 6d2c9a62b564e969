#!/usr/bin/env bash
# `make test`: the whole suite (pytest, with the arguments the Makefile gives) in the
# foreground, and meanwhile in the background `make lint`, then `make test-pythons` (the fast
# suite under each other Python). The background runs at the lowest priority (nice 19): it
# takes only the CPU the suite leaves idle while its taps wait on the sandbox's clock, so it
# neither slows the suite nor upsets the tests that time what they see. Its output follows
# the suite's; the exit code is 0 only if all three passed (pytest's 5, no tests, fails too).
set -uo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
BACKGROUND=(lint test-pythons)
logs=$(mktemp -d)

(
    for target in "${BACKGROUND[@]}"; do
        nice -n 19 make --no-print-directory "$target" >"$logs/$target" 2>&1
        echo $? >"$logs/$target.exit"
    done
) &
background=$!
trap 'pkill -TERM -P $background; kill $background 2>/dev/null; exit 130' INT TERM

"$VENV/bin/python" -m pytest "$@"
failed=$?
wait $background

for target in "${BACKGROUND[@]}"; do
    echo "---- make $target ----"
    cat "$logs/$target"
    code=$(cat "$logs/$target.exit")
    if [ "$code" != 0 ]; then
        echo "make test: make $target failed (exit code $code)"
        failed=1
    fi
done
rm -rf "$logs"
exit "$failed"
