# diag.mk - the DIAGNOSE interface (part of the CP nucleus).
DIAG_SRCS := \
	diag/table.c \
	diag/info.c
