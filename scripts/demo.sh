#!/usr/bin/env bash
# scripts/demo.sh - installs the dependencies, builds netrouter in _build and
# runs the demonstration (`make demo`, defined in examples/local.mk).
#
#     bash scripts/demo.sh
#
# Run it as root on a fresh Debian 12, or as any user once the packages
# listed in scripts/install-deps.sh are installed.
set -euo pipefail
# shellcheck source=scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bootstrap
configure_and_build _build || die "the build failed"
log "running the demo (make demo)"
make -C "$ROOT/_build" -s demo
