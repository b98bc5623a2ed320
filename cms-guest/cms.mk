# cms.mk - (filled in below)
