# cms.mk - the CMS nucleus: the saved system CMS that users IPL.
#
# The nucleus is the core (cms-guest/core), one file per command
# (cms-guest/cmd), the machine layer (cms-guest/nucleus: every service
# through DIAGNOSE), the C library and EXEC interpreter (exec.mk) and the
# file system (fs.mk).  cms-guest/nucleus/cms.ld puts code and read-only
# data in pages X'20'-X'3F', which the saved system shares among its
# users, and writable data from X'40000' on.
CMS_CORE_SRCS := \
	cms-guest/core/session.c \
	cms-guest/core/dispatch.c \
	cms-guest/core/cmdtab.c \
	cms-guest/core/plist.c \
	cms-guest/core/options.c \
	cms-guest/core/term.c \
	cms-guest/core/storage.c \
	cms-guest/core/disks.c \
	cms-guest/core/files.c \
	cms-guest/core/fileio.c \
	cms-guest/core/fileout.c \
	cms-guest/core/execenv.c \
	cms-guest/core/records.c

CMS_CMD_SRCS := \
	cms-guest/cmd/access.c \
	cms-guest/cmd/copyfile.c \
	cms-guest/cmd/cp.c \
	cms-guest/cmd/disk.c \
	cms-guest/cmd/diskload.c \
	cms-guest/cmd/edit.c \
	cms-guest/cmd/editbuf.c \
	cms-guest/cmd/editsub.c \
	cms-guest/cmd/editchg.c \
	cms-guest/cmd/editscr.c \
	cms-guest/cmd/erase.c \
	cms-guest/cmd/exec.c \
	cms-guest/cmd/format.c \
	cms-guest/cmd/listfile.c \
	cms-guest/cmd/print.c \
	cms-guest/cmd/punch.c \
	cms-guest/cmd/query.c \
	cms-guest/cmd/readcard.c \
	cms-guest/cmd/release.c \
	cms-guest/cmd/rename.c \
	cms-guest/cmd/set.c \
	cms-guest/cmd/state.c \
	cms-guest/cmd/type.c

CMS_NUC_SRCS := \
	cms-guest/nucleus/start.S \
	cms-guest/nucleus/main.c \
	cms-guest/nucleus/console.c \
	cms-guest/nucleus/machine.c \
	cms-guest/nucleus/disk.c \
	cms-guest/nucleus/spool.c

CMS_OBJS := $(patsubst %,$(B)/cms/%.o,$(basename $(CMS_NUC_SRCS) $(CMS_CORE_SRCS) $(CMS_CMD_SRCS)))

$(B)/cms/%.o: %.c Makefile $(DIAG_HEADER)
	@mkdir -p $(dir $@)
	$(call say,CMS,$<)
	$(Q)$(CC390) $(CFLAGS390) -I$(B)/include -MMD -MP -c $< -o $@
$(B)/cms/%.o: %.S Makefile
	@mkdir -p $(dir $@)
	$(Q)$(CC390) $(CFLAGS390) -MMD -MP -c $< -o $@

# start.S first: its .text.start is the IPL PSW's address
$(B)/cms-guest/cms.elf: $(CMS_OBJS) $$(CMS_GUEST_LIB_OBJS) $$(CMSFS_S390_OBJS) cms-guest/nucleus/cms.ld
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(LD390) --no-warn-rwx-segments -m elf_s390 -T cms-guest/nucleus/cms.ld -o $@ \
		$(filter %.o,$^) $(LIBGCC390)
$(B)/cms-guest/cms.bin: $(B)/cms-guest/cms.elf
	$(Q)$(OBJCOPY390) -O binary $< $@

# IPL CMS: EC mode, key 0, at X'20000'; pages X'20'-X'3F' shared
NSS_IMAGES += CMS:$(B)/cms-guest/cms.bin:20000:0008000000020000:20-3F
ALL_TARGETS += $(B)/cms-guest/cms.bin

# ---- host unit tests: the core and every command over a fake machine ----
CMS_TEST_OBJS := $(patsubst %.cpp,$(B)/host/%.o,tests/main.cpp tests/unit/cms/fakesys.cpp \
                     tests/unit/cms/test_cms_commands.cpp) \
                 $(patsubst %.c,$(B)/host/%.o,$(CMS_CORE_SRCS) $(CMS_CMD_SRCS))

UNIT_TEST_PROGRAMS += $(B)/tests/cms_tests

$(B)/tests/cms_tests: $(CMS_TEST_OBJS) $$(patsubst %.c,$(B)/host/%.o,$$(CMSLIB_SRCS) $$(EXEC_SRCS) $$(CMSFS_SRCS) arch370/ebcdic.c)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt
