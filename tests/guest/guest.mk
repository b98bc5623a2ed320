# guest.mk - (filled in below)
