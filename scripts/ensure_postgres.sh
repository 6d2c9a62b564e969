#!/usr/bin/env bash
# The warehouse tests start a real PostgreSQL of their own; this finds its binaries
# (initdb, pg_ctl, postgres, psql), installing them from Debian's packages when apt-get
# is here and they are not.
#
#   bash scripts/ensure_postgres.sh          find or install (run by `make test`); without
#                                            PostgreSQL and apt-get it says so in one line and
#                                            exits 0, so the other tests run and the warehouse
#                                            tests are skipped; under CI it fails instead.
#   bash scripts/ensure_postgres.sh --find   print the folder of the binaries and exit 0, or
#                                            print why not (one line, on stderr) and exit 1;
#                                            never installs. tests/postgres_server.py uses it.
#
# Where it looks, first found wins: Debian's /usr/lib/postgresql/<newest>/bin,
# `pg_config --bindir`, PATH (the folder of initdb, or along its symlinks), Homebrew's
# /opt/homebrew/opt/postgresql@<newest>/bin and /usr/local/opt/postgresql@<newest>/bin,
# then /Applications/Postgres.app/Contents/Versions/<newest>/bin.
# POSTGRES_SEARCH_ROOT (for the tests of this script) is put before those fixed folders,
# so that they can be looked for under a temporary folder instead of /.
#
# PostgreSQL refuses to run as root: as root, the tests run it as the `postgres` user
# (Debian's package creates it) through runuser, so both must exist.
set -euo pipefail
case "${BASH_SOURCE[0]}" in */*) here=${BASH_SOURCE[0]%/*} ;; *) here=. ;; esac # no dirname: PATH may be bare
# shellcheck source=ensure_lib.sh
. "$here/ensure_lib.sh" # in_ci, missing, apt_install
TESTS="warehouse tests"

root=${POSTGRES_SEARCH_ROOT:-}
tools="initdb pg_ctl postgres psql"
looked="Debian's /usr/lib/postgresql/*/bin, pg_config --bindir, PATH, Homebrew's postgresql@*, Postgres.app"

# Whether folder $1 holds every tool.
has_tools() {
    local tool
    [ -n "$1" ] || return 1
    for tool in $tools; do
        [ -x "$1/$tool" ] || return 1
    done
}

# The first folder along file $1's symlinks (itself, then each target) that holds every tool.
along_links() {
    local file=$1 target
    while :; do
        if has_tools "${file%/*}"; then
            (cd "${file%/*}" && pwd -P)
            return
        fi
        [ -L "$file" ] || return 1
        target=$(readlink "$file")
        case $target in /*) file=$target ;; *) file=${file%/*}/$target ;; esac
    done
}

# The folder "$1<version>$2" with the newest major version that holds every tool.
newest() {
    local match version major best="" best_major=-1
    for match in "$1"*"$2"; do
        has_tools "$match" || continue
        version=${match#"$1"}
        version=${version%"$2"}
        major=${version%%.*}
        case $major in '' | *[!0-9]*) major=0 ;; esac # Postgres.app's "latest"
        if [ "$((10#$major))" -gt "$best_major" ]; then
            best=$match best_major=$((10#$major))
        fi
    done
    [ -n "$best" ] && echo "$best"
}

find_bin() {
    local dir initdb
    newest "$root/usr/lib/postgresql/" /bin && return
    if command -v pg_config > /dev/null; then
        dir=$(pg_config --bindir 2> /dev/null) || dir=""
        has_tools "$dir" && echo "$dir" && return
    fi
    if initdb=$(command -v initdb); then
        along_links "$initdb" && return
    fi
    newest "$root/opt/homebrew/opt/postgresql@" /bin && return
    newest "$root/usr/local/opt/postgresql@" /bin && return
    newest "$root/Applications/Postgres.app/Contents/Versions/" /bin && return
    return 1
}

# Why PostgreSQL cannot run here as this user, if it cannot.
cannot_run() {
    [ "$(id -u)" = 0 ] || return 1
    if ! id -u postgres > /dev/null 2>&1; then
        echo "running as root, which PostgreSQL refuses, and there is no 'postgres' user to run it as:" \
            "create one (useradd --system --create-home postgres) or run the tests as another user"
    elif ! command -v runuser > /dev/null; then
        echo "running as root, which PostgreSQL refuses, and there is no runuser to run it as" \
            "'postgres': run the tests as another user"
    else
        return 1
    fi
}

# Prints the folder, or why not on stderr and fails.
found() {
    local bin why
    if ! bin=$(find_bin); then
        echo "PostgreSQL not found (looked in $looked): install it (e.g. brew install" \
            "postgresql@16), or run \`make test\`, which installs it where apt-get is" >&2
        return 1
    fi
    if why=$(cannot_run); then
        echo "PostgreSQL found in $bin, but $why" >&2
        return 1
    fi
    echo "$bin"
}

if [ "${1:-}" = --find ]; then
    found
    exit
fi

if bin=$(find_bin); then
    echo "PostgreSQL for the warehouse tests: $bin"
    if why=$(cannot_run); then
        missing "$why"
    fi
    exit 0
fi
apt_install postgresql PostgreSQL "install PostgreSQL (e.g. brew install postgresql@16)" "the warehouse tests"
if ! bin=$(find_bin); then
    echo "installed Debian's postgresql package, but its binaries are not in $looked" >&2
    exit 1
fi
echo "PostgreSQL for the warehouse tests: $bin"
