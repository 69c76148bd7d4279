#!/bin/sh
# file-circles.sh - checks two rules of the house on a built tree:
#
#  1. No file-to-file circle.  From the object files the build made, it
#     draws the graph "source file A calls a function that source file B
#     defines" and prints every circle in it: every strongly connected
#     component of more than one file, with the calls that close it.  The
#     lower file of such a pair should offer a callback structure instead.
#  2. No production source file (.c or .h) over 800 lines: a file that long
#     is doing two jobs.
#  3. No quoted #include with a path in it ("../store/phonebook.h",
#     "providers/ras/..."): a layer sees the headers its include paths give
#     it, in its own folder or the folders of the layers below, and a path
#     would walk around them.
#
# Every .c file of those folders must have been compiled: a source without
# an object (a failed or partial build) is an error, not a file without
# calls.
#
# Usage: scripts/file-circles.sh BUILDDIR [DIR...]
#   BUILDDIR  the top of a configured and built tree (`make` has run)
#   DIR       the source folders to look at, relative to the top of the
#             tree (default: router providers notifiers)
#
# How files are found: every .o under BUILDDIR/DIR (libtool's PIC copies in
# .libs/ and its non-PIC ones alike) is read with nm; its source file is the
# object's folder (without .libs) joined to the name the compiler recorded
# in the object's FILE symbol.  Copies of one source (PIC and non-PIC, or
# one file built into several targets) merge into one node.  An object
# whose source no longer exists (left behind by a file that moved) is
# ignored.  Only functions count (nm types T, W, i): a reference to a
# function that several files define is an edge to each of them, unless the
# referring file defines it itself.
#
# Prints nothing and exits 0 when the tree keeps both rules; otherwise says
# what breaks them on standard output and exits 1.  Exit 2: bad usage or a
# tree that is not built.

set -u

LIMIT=800

if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
    echo "usage: $0 BUILDDIR [DIR...]" >&2
    exit 2
fi
B=$1
shift
[ $# -gt 0 ] || set -- router providers notifiers

if [ ! -f "$B/Makefile" ]; then
    echo "file-circles: $B is not a configured build tree (no Makefile)" >&2
    exit 2
fi
# The source tree, as configure recorded it for this build tree.
S=$(sed -n 's/^abs_top_srcdir = //p' "$B/Makefile" | head -n 1)
if [ -z "$S" ] || [ ! -d "$S" ]; then
    echo "file-circles: cannot tell the source tree of $B" >&2
    exit 2
fi
for tool in nm readelf; do
    command -v "$tool" >/dev/null 2>&1 || { echo "file-circles: $tool is needed (binutils)" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/file-circles.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# ---- rule 2: file length -----------------------------------------------------
status=0
for d in "$@"; do
    [ -d "$S/$d" ] || continue
    find "$S/$d" -type f \( -name '*.c' -o -name '*.h' \) -print
done | sort | while IFS= read -r f; do
    n=$(wc -l <"$f")
    if [ "$n" -gt "$LIMIT" ]; then
        echo "file-circles: ${f#"$S"/} has $n lines, over $LIMIT: it is doing two jobs"
    fi
done >"$tmp/long"
if [ -s "$tmp/long" ]; then
    cat "$tmp/long"
    status=1
fi

# ---- rule 3: includes by path ------------------------------------------------
for d in "$@"; do
    [ -d "$S/$d" ] || continue
    find "$S/$d" -type f \( -name '*.c' -o -name '*.h' \) -print
done | sort | while IFS= read -r f; do
    grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]*/' "$f" | while IFS= read -r hit; do
        echo "file-circles: ${f#"$S"/}:${hit%%:*}: includes a header by its path (${hit#*:}): a layer sees only what its include paths give it"
    done
done >"$tmp/paths"
if [ -s "$tmp/paths" ]; then
    cat "$tmp/paths"
    status=1
fi

# ---- rule 1: circles ---------------------------------------------------------
# One line per defined or referenced function: "D SOURCE SYMBOL" / "U SOURCE SYMBOL".
nobj=0
for d in "$@"; do
    [ -d "$B/$d" ] || continue
    find "$B/$d" -type f -name '*.o' -print
done | sort >"$tmp/objects"
while IFS= read -r o; do
    rel=${o#"$B"/}
    dir=${rel%/*}
    dir=${dir%/.libs}
    name=$(readelf -sW "$o" 2>/dev/null | awk '$4 == "FILE" { print $NF; exit }')
    [ -n "$name" ] || continue
    src=$dir/$name
    [ -f "$S/$src" ] || continue # left behind by a source that moved or went
    nobj=$((nobj + 1))
    nm -P "$o" 2>/dev/null | awk -v src="$src" '
        $2 == "T" || $2 == "W" || $2 == "i" { print "D", src, $1 }
        $2 == "U"                           { print "U", src, $1 }'
done <"$tmp/objects" >"$tmp/symbols"
echo "$nobj" >"$tmp/nobj"
if [ "$(cat "$tmp/nobj")" -eq 0 ]; then
    echo "file-circles: no object files under $B for $* (is the tree built?)" >&2
    exit 2
fi
# Every source compiled: a missing object would hide its calls.
awk '{ print $2 }' "$tmp/symbols" | sort -u >"$tmp/compiled"
for d in "$@"; do
    [ -d "$S/$d" ] || continue
    (cd "$S" && find "$d" -type f -name '*.c' -print)
done | sort | comm -23 - "$tmp/compiled" >"$tmp/uncompiled"
if [ -s "$tmp/uncompiled" ]; then
    sed 's/^/file-circles: no object file for /; s/$/ (is the tree fully built?)/' "$tmp/uncompiled" >&2
    exit 2
fi

sort -u "$tmp/symbols" | awk '
    $1 == "D" { ndef[$3]++; def[$3, ndef[$3]] = $2; defines[$2, $3] = 1; node($2); next }
    $1 == "U" { nref++; rsrc[nref] = $2; rsym[nref] = $3; node($2); next }

    function node(f) { if (!(f in id)) { id[f] = ++nn; name[nn] = f } }

    # Tarjan: strongly connected components.
    function visit(v,    i, w, c) {
        index_[v] = lowlink[v] = ++counter
        stack[++sp] = v
        onstack[v] = 1
        for (i = 1; i <= nout[v]; i++) {
            w = out[v, i]
            if (!(w in index_)) {
                visit(w)
                if (lowlink[w] < lowlink[v]) lowlink[v] = lowlink[w]
            } else if (onstack[w] && index_[w] < lowlink[v]) {
                lowlink[v] = index_[w]
            }
        }
        if (lowlink[v] == index_[v]) {
            ncomp++
            do {
                w = stack[sp--]
                onstack[w] = 0
                comp[w] = ncomp
                size[ncomp]++
            } while (w != v)
        }
    }

    END {
        for (r = 1; r <= nref; r++) {
            s = rsym[r]; a = id[rsrc[r]]
            if (!(s in ndef) || defines[rsrc[r], s]) continue
            for (k = 1; k <= ndef[s]; k++) {
                b = id[def[s, k]]
                if (!((a, b) in why)) { out[a, ++nout[a]] = b; why[a, b] = s }
                else if (index(" " why[a, b] " ", " " s " ") == 0) why[a, b] = why[a, b] " " s
            }
        }
        for (v = 1; v <= nn; v++)
            if (!(v in index_)) visit(v)
        bad = 0
        for (c = 1; c <= ncomp; c++) {
            if (size[c] < 2) continue
            bad++
            print "file-circles: a circle of " size[c] " files, each reaching the others through calls:"
            for (v = 1; v <= nn; v++) {
                if (comp[v] != c) continue
                for (i = 1; i <= nout[v]; i++) {
                    w = out[v, i]
                    if (comp[w] == c) print "  " name[v] " -> " name[w] " (" why[v, w] ")"
                }
            }
        }
        exit bad ? 1 : 0
    }' || status=1

exit $status
