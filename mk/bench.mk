# bench.mk - (filled in below)
