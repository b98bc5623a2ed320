# tools.mk - host tools that build and inspect volumes.
MKVOL_SRCS := assembler-tools/mkvol.c assembler-tools/ckdimg.c arch370/ebcdic.c
MKVOL_OBJS := $(patsubst %.c,$(B)/host/%.o,$(MKVOL_SRCS))

$(B)/tools/mkvol: $(MKVOL_OBJS)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(HOSTCC) -o $@ $^

ALL_TARGETS += $(B)/tools/mkvol

# vmdumpfmt formats VMDUMP files with CP's own storage-line code
VMDUMPFMT_SRCS := assembler-tools/vmdumpfmt.c cp/cmd/stgfmt.c cp/lib/format.c arch370/ebcdic.c
VMDUMPFMT_OBJS := $(patsubst %.c,$(B)/host/%.o,$(VMDUMPFMT_SRCS))

$(B)/tools/vmdumpfmt: $(VMDUMPFMT_OBJS)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(HOSTCC) -o $@ $^

ALL_TARGETS += $(B)/tools/vmdumpfmt
