#!/bin/sh
# layercheck.sh - every #include in arch370/, cp/ and diag/ points down
# the layers of cp/layers.txt.
#
# Prints "file:line: ..." for each include of a higher layer, of a file
# outside every layer, and for each cycle between sibling folders; exits
# 1 if there was any.  Run from the top of the tree.
layers=${1:-cp/layers.txt}
files=$(find arch370 cp diag -name '*.[chS]' -o -name '*.def' | sort)

# shellcheck disable=SC2086
awk -v layers="$layers" '
function folder(path,   best, f) {
    best = ""
    for (f in rank)
        if (index(path, f "/") == 1 && length(f) > length(best))
            best = f
    return best
}
function exists(p,   line, r) {
    r = (getline line < p) >= 0
    close(p)
    return r
}
# where an include "name" of file src resolves: -I. then the file own
# folder then -Iarch370/s390 (whose host twin is arch370/host)
function resolve(name, src,   dir) {
    if (exists(name)) return name
    dir = src; sub(/\/[^\/]*$/, "", dir)
    if (exists(dir "/" name)) return dir "/" name
    if (exists("arch370/s390/" name)) return "arch370/s390/" name
    return ""
}
function visit(f,   g) {
    state[f] = 1
    stack[++depth] = f
    for (g in rank)
        if ((f SUBSEP g) in edge) {
            if (state[g] == 1) report(g)
            else if (state[g] == 0) visit(g)
        }
    depth--
    state[f] = 2
}
function report(g,   i, j, nxt, path) {
    for (i = depth; stack[i] != g; i--) ;
    path = g
    for (j = i + 1; j <= depth; j++) path = path " -> " stack[j]
    path = path " -> " g
    for (j = i; j <= depth; j++) {
        nxt = (j < depth) ? stack[j + 1] : g
        printf "%s: include of %s from %s closes a cycle between folders: %s\n", \
            edge[stack[j], nxt], nxt, stack[j], path
    }
    bad = 1
}
BEGIN {
    n = 0
    while ((getline line < layers) > 0) {
        sub(/#.*/, "", line)
        if (split(line, w, /[ \t]+/) == 0) continue
        n++
        for (i in w) if (w[i] != "") rank[w[i]] = n
    }
}
FNR == 1 { src = folder(FILENAME)
    if (src == "") { printf "%s:1: folder not in %s\n", FILENAME, layers; bad = 1 } }
/^[ \t]*#[ \t]*include[ \t]*"/ {
    name = $0; sub(/^[^"]*"/, "", name); sub(/".*/, "", name)
    path = resolve(name, FILENAME)
    if (path == "") { printf "%s:%d: \"%s\" not found\n", FILENAME, FNR, name; bad = 1; next }
    dst = folder(path)
    if (src == "" || dst == src) next
    if (dst == "") {
        printf "%s:%d: \"%s\" is in no layer of %s\n", FILENAME, FNR, name, layers; bad = 1
    } else if (rank[dst] > rank[src]) {
        printf "%s:%d: includes \"%s\" from a higher layer (%s above %s)\n", \
            FILENAME, FNR, name, dst, src
        bad = 1
    } else if (rank[dst] == rank[src] && !((src SUBSEP dst) in edge)) {
        edge[src, dst] = FILENAME ":" FNR
    }
}
END {
    for (f in rank) if (state[f] == 0) visit(f)
    exit bad
}' $files
