# arch370.mk - architecture facts: compiled for s390 (CP, guests) and host.
ARCH_COMMON := arch370/ebcdic.c arch370/insn.c arch370/insn_table.c arch370/dat370.c
ARCH_S390   := $(ARCH_COMMON) arch370/s390/entry.S arch370/s390/assist.S
ARCH_HOST   := $(ARCH_COMMON) arch370/host/cpu.c
