#!/usr/bin/env bash
# The fast suite (`pytest -m "not slow"`) under every Python the classifiers in pyproject.toml
# claim, but the one of .venv, where `make test` runs the whole suite. Each runs in a venv of
# its own, .venv-3.X, made with uv (a dev dependency: seconds where pip takes a minute) and made
# again when pyproject.toml changes or its interpreter has gone. The venvs are made side by
# side, then the suites run side by side; each ends on one line, and the output of one that
# fails follows.
#
#   bash scripts/test_pythons.sh [3.X ...]   run by `make test` (`make test-pythons`); without
#                                            versions, the classifiers' ones
#   bash scripts/test_pythons.sh --find 3.X  print the interpreter's path and exit 0, or print
#                                            why not (one line, on stderr) and exit 1
#
# The interpreter of Python 3.X: python3.X on PATH, else the newest
# <pyenv root>/versions/3.X.*/bin/python3.X (the root is PYENV_ROOT, else `pyenv root`, else
# ~/.pyenv). pyenv's shims on PATH answer only for the versions pyenv has selected, so each
# candidate is run to see that it is there. A Python not found is skipped with one line, and
# the others run; under CI (CI set, and not empty, 0 or false) it is a failure instead.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
UV=${UV:-$VENV/bin/uv}
export UV_PYTHON_DOWNLOADS=never # an interpreter is found here, never downloaded

in_ci() {
    case "${CI:-}" in "" | 0 | false | False | FALSE) return 1 ;; *) return 0 ;; esac
}

# Whether $1 runs, and is Python $2.
is_python() {
    [ -n "$1" ] && [ -x "$1" ] &&
        "$1" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$2'.split('.'))))" 2>/dev/null
}

pyenv_root() {
    if [ -n "${PYENV_ROOT:-}" ]; then
        echo "$PYENV_ROOT"
    elif command -v pyenv >/dev/null 2>&1; then
        pyenv root
    else
        echo "$HOME/.pyenv"
    fi
}

# The interpreter of Python $1, or nothing. Free-threaded builds (3.13.0t) are left out.
find_python() {
    local version=$1 candidate
    candidate=$(command -v "python$version" 2>/dev/null || true)
    if is_python "$candidate" "$version"; then
        echo "$candidate"
        return
    fi
    for candidate in $(printf '%s\n' "$(pyenv_root)/versions/$version".* | grep -v 't$' | sort -rV); do
        if is_python "$candidate/bin/python$version" "$version"; then
            echo "$candidate/bin/python$version"
            return
        fi
    done
}

not_found() {
    echo "no python$1 on PATH, none in $(pyenv_root)/versions"
}

if [ "${1:-}" = --find ]; then
    found=$(find_python "$2")
    if [ -n "$found" ]; then
        echo "$found"
        exit 0
    fi
    echo "Python $2 not found: $(not_found "$2")" >&2
    exit 1
fi

# .venv-$1 for the interpreter $2, unless it is there for the pyproject.toml of now.
make_venv() {
    local venv=.venv-$1
    if [ "$venv/.installed" -nt pyproject.toml ] && is_python "$venv/bin/python" "$1"; then
        return
    fi
    rm -rf "$venv"
    "$UV" venv --quiet --python "$2" "$venv"
    "$UV" pip install --quiet --python "$venv/bin/python" -e '.[dev]'
    touch "$venv/.installed"
}

if [ $# -gt 0 ]; then
    versions=$*
else
    versions=$(sed -n 's/^ *"Programming Language :: Python :: \(3\.[0-9]*\)",$/\1/p' pyproject.toml)
fi
main=$("$VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')

ready="" missing="" making=""
for version in $versions; do
    [ "$version" != "$main" ] || continue # the whole suite runs there
    python=$(find_python "$version")
    if [ -z "$python" ]; then
        if in_ci; then
            echo "test-pythons: Python $version not found ($(not_found "$version")): CI tests every Python the classifiers claim" >&2
            missing="$missing $version"
        else
            echo "test-pythons: Python $version skipped: $(not_found "$version")" >&2
        fi
        continue
    fi
    make_venv "$version" "$python" & # side by side: each is mostly uv linking files
    making="$making $!"
    ready="$ready $version"
done
for job in $making; do
    wait "$job" || exit 1
done
[ -z "$missing" ] || exit 1

# Here the question is whether the code runs under each Python, not what a long search of
# the properties finds (the whole suite does that): a fifth of each test's examples.
export EXAMPLES_SCALE=${EXAMPLES_SCALE:-0.2}
for version in $ready; do
    venv=.venv-$version
    (
        code=0
        "$venv/bin/python" -m pytest -m "not slow" -q -p no:cacheprovider --basetemp "$venv/pytest-tmp" \
            >"$venv/pytest.log" 2>&1 || code=$?
        echo "$code" >"$venv/pytest.exit"
    ) &
done
wait

failed=0
for version in $ready; do
    venv=.venv-$version
    echo "test-pythons: $("$venv/bin/python" -V), the fast suite: $(tail -n 1 "$venv/pytest.log")"
    if [ "$(cat "$venv/pytest.exit")" != 0 ]; then
        cat "$venv/pytest.log"
        failed=1
    fi
done
exit $failed
