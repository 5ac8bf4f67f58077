#!/usr/bin/env bash
# validate.sh DEBIAN_PACKAGE VALIDATOR ARGS...: runs the validator, or skips (77) without it.
set -euo pipefail
package=$1
shift
if ! command -v "$1" >/dev/null; then
  echo "SKIP: $1 is not installed (apt-get install $package, or run scripts/setup.sh)"
  exit 77
fi
exec "$@"
