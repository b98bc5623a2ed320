# system.mk - (filled in below)
