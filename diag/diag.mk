# diag.mk - (filled in below)
