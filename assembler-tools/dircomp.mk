# dircomp.mk - assembler-tools
