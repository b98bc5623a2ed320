# unit.mk - (filled in below)
