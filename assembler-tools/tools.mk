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

# mknss: a saved system or segment from a segment file, into the store;
# it links CP's own store code (cp/mm/nssstore.c) through host stand-ins
MKNSS_SRCS := assembler-tools/mknss/main.c assembler-tools/mknss/segfile.c \
	assembler-tools/mknss/volume.c assembler-tools/ckdimg.c cp/mm/nssstore.c \
	cp/lib/string.c arch370/ebcdic.c
MKNSS_OBJS := $(patsubst %.c,$(B)/host/%.o,$(MKNSS_SRCS))

$(B)/tools/mknss: $(MKNSS_OBJS)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(HOSTCC) -o $@ $^

ALL_TARGETS += $(B)/tools/vmdumpfmt
ALL_TARGETS += $(B)/tools/mknss
