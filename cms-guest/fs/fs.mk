# fs.mk - cms-guest/fs
