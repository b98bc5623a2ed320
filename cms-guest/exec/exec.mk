# exec.mk - cms-guest/exec
