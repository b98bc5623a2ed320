# diag.mk - the DIAGNOSE interface (part of the CP nucleus).
DIAG_SRCS := \
	diag/table.c \
	diag/info.c \
	diag/console.c \
	diag/fullscreen.c \
	diag/paging.c \
	diag/disk.c \
	diag/spool.c \
	diag/vmcf.c \
	diag/mmu.c

# the guest-side header, generated from diag.def
DIAG_HEADER := $(B)/include/cp370diag.h

$(B)/tools/mkdiagh: assembler-tools/mkdiagh.c diag/diag.def
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -o $@ $<

$(DIAG_HEADER): $(B)/tools/mkdiagh
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)
	$(Q)$< > $@.tmp && mv $@.tmp $@

ALL_TARGETS += $(DIAG_HEADER)
