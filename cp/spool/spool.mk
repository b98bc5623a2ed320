# spool.mk - cp/spool: spool files on DASD.
#
# SPOOL_SRCS are the files for the CP nucleus; the store (SPOOL_STORE_SRCS)
# also builds for the host unit tests.  Included before cp/cp.mk, which
# links SPOOL_SRCS into CP.
SPOOL_STORE_SRCS := \
	cp/spool/crc.c \
	cp/spool/attrs.c \
	cp/spool/page.c \
	cp/spool/handle.c \
	cp/spool/dir.c \
	cp/spool/start.c \
	cp/spool/recover.c \
	cp/spool/write.c \
	cp/spool/read.c \
	cp/spool/queue.c \
	cp/spool/change.c

SPOOL_SRCS := $(SPOOL_STORE_SRCS) cp/spool/area.c

# the virtual reader, punch and printer on top of the store (CP only)
SPOOL_SRCS += \
	cp/spool/vur.c \
	cp/spool/vurfile.c \
	cp/spool/vurinit.c \
	cp/spool/urdev.c \
	cp/spool/urwrite.c \
	cp/spool/urread.c

# console spooling (SPOOL CONSOLE, CLOSE CONSOLE)
SPOOL_SRCS += cp/spool/conspool.c

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
	cp/lib/string.c cp/lib/format.c cp/kern/freestor.c

SPOOL_TEST_OBJS := $(patsubst %.cpp,$(B)/host/%.o,$(SPOOL_TEST_SRCS)) \
                   $(patsubst %.c,$(B)/host/%.o,$(SPOOL_TEST_C_SRCS))

UNIT_TEST_PROGRAMS += $(B)/tests/spool_tests

$(B)/tests/spool_tests: $(SPOOL_TEST_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt
