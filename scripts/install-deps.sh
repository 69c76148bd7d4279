#!/usr/bin/env bash
# scripts/install-deps.sh - installs the Debian packages netrouter needs to
# build and test, and nothing else.
#
# Idempotent: when every package is already installed it does not touch apt
# at all.  Otherwise, as root, it runs `apt-get update` and installs the
# missing packages non-interactively.  As another user it lists what is
# missing and exits 1.
#
# Tested on Debian 12 (bookworm).  What each package is for:
#   build-essential          gcc, make, libc headers
#   autoconf automake libtool   ./autogen.sh (the GNU build system)
#   pkg-config               configure finds jansson and CUnit with it
#   libltdl-dev              libltdl: loads plugins (dlopen wrapper)
#   libjansson-dev           jansson: parses manifests and the connection store
#   libcunit1-dev            CUnit: the unit tests (make check)
#   nettle-dev               MD5 for PPP CHAP in the RAS provider
#   valgrind                 the memory-checking pass of scripts/test.sh
#   jq                       tests/cli.test checks the --json outputs with it
#   groff-base               the man-page lint of scripts/test.sh
#   man-db                   make installcheck (in distcheck) checks that `man RasDial`
#                            opens RasDial(3) and that the .so links resolve
#   slirp                    the real PPP peer of tests/ras/test-ras-ppp-slirp
#   ppp                      chat(8), the reference of the AT-phase benchmark (bench/ras-at)
#   clang libclang-rt-dev    the fuzz targets (tests/fuzz, scripts/fuzz.sh): clang, and
#                            compiler-rt's libFuzzer, ASan and UBSan runtimes for it
#   llvm                     llvm-symbolizer, so the fuzz targets' reports name files and lines
#   sshfs                    the sshfs provider mounts with it (and fuse3's fusermount3 unmounts)
#   openssh-client           ssh, ssh-keygen and ssh-keyscan, which sshfs and the sshfs provider run
#   openssh-server           sshd, the private SSH server of tests/sshfs/sshfs.test, bench/sshfs-mount
#                            and examples/sshfs-demo.sh (started on 127.0.0.1 by each, never as a service)
set -euo pipefail

PACKAGES=(
    build-essential
    autoconf
    automake
    libtool
    pkg-config
    libltdl-dev
    libjansson-dev
    libcunit1-dev
    nettle-dev
    valgrind
    jq
    groff-base
    man-db
    slirp
    ppp
    clang
    libclang-rt-dev
    llvm
    sshfs
    openssh-client
    openssh-server
)

is_installed() {
    local status
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [[ $status == "install ok installed" ]]
}

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-deps: dpkg-query not found: this script supports Debian and derivatives only." >&2
    echo "install-deps: install the equivalents of: ${PACKAGES[*]}" >&2
    exit 1
fi

# A container without udev may leave device nodes root-only that Debian
# makes 0666: /dev/fuse (FUSE mounts of users, through the setuid
# fusermount3: the sshfs provider) and /dev/null.  As root, give them
# Debian's mode.
if [[ $(id -u) -eq 0 ]]; then
    for dev in /dev/fuse /dev/null; do
        if [[ -c $dev && $(stat -c %a "$dev") != 666 ]]; then
            echo "install-deps: $dev had mode $(stat -c %a "$dev"); setting Debian's 0666"
            chmod 0666 "$dev"
        fi
    done
fi

missing=()
for p in "${PACKAGES[@]}"; do
    is_installed "$p" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all build dependencies are installed."
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: missing Debian packages: ${missing[*]}" >&2
    echo "install-deps: run this script as root, or install them yourself:" >&2
    echo "    sudo apt-get install ${missing[*]}" >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q </dev/null
apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null

still=()
for p in "${missing[@]}"; do
    is_installed "$p" || still+=("$p")
done
if ((${#still[@]} != 0)); then
    echo "install-deps: apt-get did not install: ${still[*]}" >&2
    exit 1
fi
echo "install-deps: done."
