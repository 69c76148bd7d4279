#!/bin/sh
# docs/man-examples.sh - keeps the EXAMPLE of each manual page identical to
# the C file under docs/examples/ that the build compiles, so that no page
# shows code that does not build.
#
#   sh docs/man-examples.sh check  [SRCDIR]   # exit 1 and a diff when a page drifted
#   sh docs/man-examples.sh update [SRCDIR]   # rewrites the pages from the C files
#
# A page names its example with a comment line right before the .EX of the
# block to keep in step:
#
#   .\" example: nr_enum_open.c
#   .EX
#   ...  (the C file, escaped for roff: \ -> \e, - -> \-, a leading . or ' -> \&)
#   .EE
#
# Every page of docs/man3 is either such a page or a ".so man3/OTHER.3"
# link to one; check also verifies that a link's target exists, that every
# file of docs/examples is shown by some page, and that every public
# function of netrouter.h, winnetwk.h and ras.h and every entry point of npapi.h has a
# page.  Pages of other sections may hold markers too.
set -eu

mode=${1:-check}
srcdir=${2:-$(dirname "$0")/..}
docs=$srcdir/docs
tmp=${TMPDIR:-/tmp}/man-examples.$$
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp"

case $mode in
check | update) ;;
*)
    echo "usage: $0 check|update [SRCDIR]" >&2
    exit 2
    ;;
esac

# The C file as roff text for an .EX block.
escape() {
    sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" "$1"
}

# Prints page with every marked .EX block replaced by its file, escaped.
regenerate() {
    page=$1
    for name in $(sed -n 's/^\.\\" example: *//p' "$page"); do
        if [ ! -f "$docs/examples/$name" ]; then
            echo "$page: names docs/examples/$name, which does not exist" >&2
            return 1
        fi
        escape "$docs/examples/$name" >"$tmp/$name.roff"
    done
    awk -v dir="$tmp" '
        /^\.\\" example: / { name = $3; print; armed = 1; next }
        armed && /^\.EX$/  { print; f = dir "/" name ".roff"
                             while ((getline line < f) > 0) print line
                             close(f); armed = 0; skipping = 1; next }
        armed              { printf "%s: the line after the example marker of %s must be .EX\n",
                                    FILENAME, name > "/dev/stderr"; exit 1 }
        skipping && /^\.EE$/ { skipping = 0; print; next }
        skipping           { next }
                           { print }
        END                { if (skipping) { printf "%s: .EX of %s has no .EE\n", FILENAME,
                                             name > "/dev/stderr"; exit 1 } }
    ' "$page"
}

status=0
shown=" "
for page in "$docs"/man3/*.3 "$docs"/*.[1-8]; do
    [ -f "$page" ] || continue
    first=$(sed -n '/^\.\\"/d; p; q' "$page")
    case $first in
    ".so "*)
        target=$docs/${first#.so }
        if [ ! -f "$target" ]; then
            echo "$page: links to ${first#.so }, which does not exist" >&2
            status=1
        fi
        continue
        ;;
    esac
    names=$(sed -n 's/^\.\\" example: *//p' "$page")
    case $page in
    "$docs"/man3/*)
        if [ -z "$names" ]; then
            echo "$page: has no '.\\\" example: FILE.c' marker before its EXAMPLE's .EX" >&2
            status=1
            continue
        fi
        ;;
    esac
    [ -n "$names" ] || continue
    shown="$shown$(echo $names) "
    regenerate "$page" >"$tmp/page" || { status=1; continue; }
    if ! cmp -s "$page" "$tmp/page"; then
        if [ "$mode" = update ]; then
            cat "$tmp/page" >"$page"
            echo "updated $page"
        else
            echo "$page: its EXAMPLE differs from docs/examples/$names" \
                "(run: sh docs/man-examples.sh update)" >&2
            diff -u "$page" "$tmp/page" >&2 || :
            status=1
        fi
    fi
done

# Every public function of the host, WNet and RAS headers, and every plugin entry
# point of npapi.h, has a page of its own (or a .so link to its family's).
include=$srcdir/router/include/netrouter
for name in $(sed -n '/^NR_\(RAS_\)\{0,1\}PUBLIC /{s/(.*//; s/.*[^A-Za-z0-9_]//; p;}' \
                  "$include/netrouter.h" "$include/winnetwk.h" \
                  "$srcdir/providers/ras/include/netrouter/ras.h" \
                  "$srcdir/providers/ras/include/netrouter/rasentry.h") \
            $(sed -n '/^[A-Za-z_]* APIENTRY /{s/(.*//; s/.*[^A-Za-z0-9_]//; p;}' "$include/npapi.h"); do
    if [ ! -f "$docs/man3/$name.3" ]; then
        echo "$name: a public function without a manual page (add docs/man3/$name.3," \
            "or a .so link to its family's page, and list it in docs/man3/local.mk)" >&2
        status=1
    fi
done

# Every page is installed.
for page in "$docs"/man3/*.3; do
    if ! tr -s ' \t\\' '\n\n\n' <"$docs/man3/local.mk" | grep -qxF "docs/man3/${page##*/}"; then
        echo "$page: not listed in docs/man3/local.mk, so it would not be installed" >&2
        status=1
    fi
done

for f in "$docs"/examples/*.c; do
    case $shown in
    *" ${f##*/} "*) ;;
    *)
        echo "$f: no manual page shows it" >&2
        status=1
        ;;
    esac
done
exit $status
