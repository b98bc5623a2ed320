# fs.mk - cms-guest/fs: the CMS file system library, the host tool that
# moves files in and out of CMS minidisks, and their tests.
#
# The library builds twice: for the guest (s390, freestanding; linked
# later into the CMS nucleus as one relocatable object) and for the host.
CMSFS_SRCS := \
	cms-guest/fs/mount.c \
	cms-guest/fs/qmsk.c \
	cms-guest/fs/txn.c \
	cms-guest/fs/dir.c \
	cms-guest/fs/fileid.c \
	cms-guest/fs/chain.c \
	cms-guest/fs/read.c \
	cms-guest/fs/write.c \
	cms-guest/fs/check.c \
	cms-guest/fs/geom.c \
	cms-guest/fs/errors.c

CMSFS_S390_OBJS := $(patsubst %.c,$(B)/s390/%.o,$(CMSFS_SRCS))
CMSFS_HOST_OBJS := $(patsubst %.c,$(B)/host/%.o,$(CMSFS_SRCS) arch370/ebcdic.c)

$(B)/s390/cms-guest/fs/cmsfs.o: $(CMSFS_S390_OBJS)
	$(LD390) -m elf_s390 -r -o $@ $^

ALL_TARGETS += $(B)/s390/cms-guest/fs/cmsfs.o

# ---- cmsdisk: CMS minidisks inside Hercules CKD images ----
CMSDISK_SRCS := \
	assembler-tools/cmsdisk/main.c \
	assembler-tools/cmsdisk/ckddev.c \
	assembler-tools/cmsdisk/convert.c \
	assembler-tools/ckdimg.c
CMSDISK_OBJS := $(patsubst %.c,$(B)/host/%.o,$(CMSDISK_SRCS)) $(CMSFS_HOST_OBJS)

$(B)/tools/cmsdisk: $(CMSDISK_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCC) -o $@ $^

ALL_TARGETS += $(B)/tools/cmsdisk

# ---- tests ----
CMSFS_TEST_SRCS := \
	tests/main.cpp \
	tests/unit/cmsfs/memdisk.cpp \
	tests/unit/cmsfs/test_format.cpp \
	tests/unit/cmsfs/test_files.cpp \
	tests/unit/cmsfs/test_alloc.cpp \
	tests/unit/cmsfs/test_safety.cpp \
	tests/unit/cmsfs/test_check.cpp \
	tests/unit/cmsfs/test_fuzz.cpp \
	tests/unit/cmsfs/test_model.cpp
CMSFS_TEST_OBJS := $(patsubst %.cpp,$(B)/host/%.o,$(CMSFS_TEST_SRCS)) $(CMSFS_HOST_OBJS)

$(B)/tests/cmsfs_tests: $(CMSFS_TEST_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt

CMSDISK_TEST_SRCS := tests/main.cpp tests/unit/cmsdisk/test_cmsdisk.cpp
CMSDISK_TEST_OBJS := $(patsubst %.cpp,$(B)/host/%.o,$(CMSDISK_TEST_SRCS)) \
                     $(B)/host/assembler-tools/ckdimg.o

$(B)/tests/cmsdisk_tests: $(CMSDISK_TEST_OBJS) $(B)/tools/cmsdisk
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $(CMSDISK_TEST_OBJS) -lCppUTest -lCppUTestExt

UNIT_TEST_PROGRAMS += $(B)/tests/cmsfs_tests $(B)/tests/cmsdisk_tests
