# spool.mk - cp/spool: spool files on DASD.
#
# SPOOL_SRCS are the files for the CP nucleus; every one but area.c (CP's
# page I/O, messages and tasks) also builds for the host unit tests.
SPOOL_STORE_SRCS := \
	cp/spool/crc.c \
	cp/spool/attrs.c \
	cp/spool/page.c \
	cp/spool/dir.c \
	cp/spool/start.c \
	cp/spool/recover.c \
	cp/spool/write.c \
	cp/spool/read.c \
	cp/spool/queue.c \
	cp/spool/change.c

SPOOL_SRCS := $(SPOOL_STORE_SRCS) cp/spool/area.c

# Compile the nucleus objects with every build, so the s390 (big-endian,
# freestanding) build of the spool is checked even before CP links it.
SPOOL_S390_OBJS := $(patsubst %.c,$(B)/s390/%.o,$(SPOOL_SRCS))
ALL_TARGETS += $(SPOOL_S390_OBJS)

# ---- host unit tests --------------------------------------------------
SPOOL_TEST_SRCS := \
	tests/main.cpp \
	tests/unit/fakes.cpp \
	tests/unit/test_spool_fake.cpp \
	tests/unit/test_spool_rw.cpp \
	tests/unit/test_spool_queue.cpp \
	tests/unit/test_spool_start.cpp \
	tests/unit/test_spool_crash.cpp

SPOOL_TEST_C_SRCS := $(SPOOL_STORE_SRCS) arch370/ebcdic.c \
	cp/lib/string.c cp/lib/format.c cp/mm/freestor.c

SPOOL_TEST_OBJS := $(patsubst %.cpp,$(B)/host/%.o,$(SPOOL_TEST_SRCS)) \
                   $(patsubst %.c,$(B)/host/%.o,$(SPOOL_TEST_C_SRCS))

UNIT_TEST_PROGRAMS += $(B)/tests/spool_tests

$(B)/tests/spool_tests: $(SPOOL_TEST_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt
