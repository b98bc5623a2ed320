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

EXEC_SRCS :=

CMSLIB_TEST_OBJS := $(patsubst %.cpp,$(B)/host/%.o,tests/main.cpp tests/unit/test_cmslib.cpp) \
                    $(patsubst %.c,$(B)/host/%.o,$(CMSLIB_SRCS) arch370/ebcdic.c)

UNIT_TEST_PROGRAMS += $(B)/tests/cmslib_tests

$(B)/tests/cmslib_tests: $(CMSLIB_TEST_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt
