#!/usr/bin/env bash
# The warehouse tests start a real PostgreSQL of their own; this makes sure its
# binaries are here, installing them from Debian's packages when they are not.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
    sudo="sudo"
fi
echo "Installing PostgreSQL from Debian's packages for the warehouse tests"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql > /dev/null
