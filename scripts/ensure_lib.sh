# Sourced by ensure_postgres.sh and ensure_chromium.sh, which find what a group of tests needs
# and install it from Debian's packages when it is missing. The caller sets TESTS (the tests
# that need it, as its messages name them) before calling missing.

# Whether this is CI: CI set, and not empty, 0 or false.
in_ci() {
    case "${CI:-}" in "" | 0 | false | False | FALSE) return 1 ;; *) return 0 ;; esac
}

# Not here: the other tests still run, these skip; CI must not skip.
missing() {
    if in_ci; then
        echo "$TESTS cannot run under CI: $1" >&2
        exit 1
    fi
    echo "$TESTS will be skipped: $1"
    exit 0
}

# apt_install PACKAGE NAME HOW FOR: install Debian's PACKAGE (NAME in messages; HOW says how
# to install it by hand; FOR names the tests), or say why not with `missing`.
apt_install() {
    local package=$1 name=$2 how=$3 for=$4 sudo=""
    if ! command -v apt-get > /dev/null; then
        missing "$name not found and no apt-get to install it; $how to run them"
    fi
    if [ "$(id -u)" != 0 ]; then
        if ! command -v sudo > /dev/null; then
            missing "$name not found, and apt-get needs root but there is no sudo; install the $package package to run them"
        fi
        sudo="sudo"
    fi
    echo "Installing $name from Debian's packages for $for"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$package" > /dev/null
}
