# exec.mk - the CMS guest's C library (cms-guest/lib) and its EXEC
# interpreter (cms-guest/exec).  Both are freestanding C: the guest build
# compiles CMSLIB_SRCS and EXEC_SRCS with the cross compiler; here they are
# also built for the host unit tests.

# the guest also needs arch370/ebcdic.c (EBCDIC fields, EXEC comparisons)
CMSLIB_SRCS := \
	cms-guest/lib/mem.c \
	cms-guest/lib/str.c \
	cms-guest/lib/ctype.c \
	cms-guest/lib/numconv.c \
	cms-guest/lib/format.c \
	cms-guest/lib/heap.c \
	cms-guest/lib/ebcfield.c \
	cms-guest/lib/guestsyms.c

EXEC_SRCS := \
	cms-guest/exec/exec.c \
	cms-guest/exec/scan.c \
	cms-guest/exec/vars.c \
	cms-guest/exec/assign.c \
	cms-guest/exec/flow.c \
	cms-guest/exec/loop.c \
	cms-guest/exec/terminal.c \
	cms-guest/exec/read.c \
	cms-guest/exec/settings.c \
	cms-guest/exec/message.c

CMSLIB_TEST_OBJS := $(patsubst %.cpp,$(B)/host/%.o,tests/main.cpp tests/unit/test_cmslib.cpp) \
                    $(patsubst %.c,$(B)/host/%.o,$(CMSLIB_SRCS) arch370/ebcdic.c)

UNIT_TEST_PROGRAMS += $(B)/tests/cmslib_tests

$(B)/tests/cmslib_tests: $(CMSLIB_TEST_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt

EXEC_TEST_OBJS := $(patsubst %.cpp,$(B)/host/%.o,tests/main.cpp tests/unit/exec_env.cpp \
                      tests/unit/test_exec.cpp tests/unit/test_exec_flow.cpp \
                      tests/unit/test_exec_errors.cpp tests/unit/test_exec_fuzz.cpp) \
                  $(patsubst %.c,$(B)/host/%.o,$(EXEC_SRCS) $(CMSLIB_SRCS) arch370/ebcdic.c)

UNIT_TEST_PROGRAMS += $(B)/tests/exec_tests

$(B)/tests/exec_tests: $(EXEC_TEST_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt

# The guest links nothing but these (and libgcc): build them with the cross
# compiler now and check that they need no other symbol.
CMS_GUEST_LIB_OBJS := $(patsubst %.c,$(B)/s390/%.o,$(CMSLIB_SRCS) $(EXEC_SRCS) arch370/ebcdic.c)

$(B)/cms-guest/cmslib-exec.o: $(CMS_GUEST_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(LD390) -r -m elf_s390 -o $@ $^
	@undef=$$($(CROSS)nm -u $@ | awk '{print $$2}' | grep -v '^__' || true); \
	if [ -n "$$undef" ]; then echo "cms-guest: undefined symbols: $$undef"; rm -f $@; exit 1; fi

ALL_TARGETS += $(B)/cms-guest/cmslib-exec.o
