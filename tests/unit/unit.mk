# unit.mk - host unit tests (CppUTest), no Hercules.
UNIT_SRCS := \
	tests/main.cpp \
	tests/unit/fakes.cpp \
	tests/unit/test_arch.cpp \
	tests/unit/test_dat370.cpp \
	tests/unit/test_insn.cpp \
	tests/unit/test_lib.cpp \
	tests/unit/test_mm.cpp \
	tests/unit/test_timer.cpp \
	tests/unit/test_intr.cpp \
	tests/unit/test_layercheck.cpp \
	tests/unit/test_paging.cpp \
	tests/unit/realmem.cpp \
	tests/unit/test_ccwxlat.cpp \
	tests/unit/test_gspace.cpp \
	tests/unit/test_vmcf.cpp \
	tests/unit/test_termcode.cpp \
	tests/unit/test_qreply.cpp \
	tests/unit/test_resphist.cpp \
	tests/unit/test_lineedit.cpp \
	tests/unit/fakevm.cpp \
	tests/unit/fakepager.cpp \
	tests/unit/test_diag.cpp \
	tests/unit/test_assist.cpp \
	tests/unit/test_fastpath.cpp \
	tests/unit/test_trapassist.cpp \
	tests/unit/test_exit.cpp \
	tests/unit/test_spool_fake.cpp \
	tests/unit/test_diag_spool.cpp \
	tests/unit/test_dsparse.cpp \
	tests/unit/test_display.cpp \
	tests/unit/test_trace.cpp \
	tests/unit/test_pvmmu.cpp

# the DIAGNOSE handlers run on a fake VM (tests/unit/fakevm.h)
UNIT_C_SRCS := $(ARCH_HOST) $(CP_HOST_SRCS) $(DIAG_SRCS) cp/vm/vdev.c cp/kern/intr.c
# the short path's decision, over the real reflection code
UNIT_C_SRCS += cp/vm/assist.c cp/vm/reflect.c cp/vm/fastpath.c cp/vm/trapassist.c
# a guest's page fault, resolved from what its exit left (vm->exit)
UNIT_C_SRCS += cp/vm/pgfault.c
# DIAGNOSE X'1E0' batches, checked and stored (the shadows are stand-ins)
UNIT_C_SRCS += cp/vm/pvmmu.c
# the spooling DIAGNOSE codes run on the real store over an in-memory area
# DISPLAY and STORE run on the fake VM too
UNIT_C_SRCS += cp/cmd/dsparse.c cp/cmd/stgfmt.c cp/cmd/display.c cp/cmd/store.c
UNIT_C_SRCS += cp/vm/adstop.c cp/vm/vmdebug.c cp/vm/trace.c
UNIT_C_SRCS += $(SPOOL_STORE_SRCS) cp/spool/vur.c cp/spool/vurfile.c cp/vdev/chanprog.c

UNIT_OBJS := $(patsubst %.cpp,$(B)/host/%.o,$(UNIT_SRCS)) \
             $(patsubst %.c,$(B)/host/%.o,$(UNIT_C_SRCS))

UNIT_TEST_PROGRAMS += $(B)/tests/unit_tests

$(B)/tests/unit_tests: $(UNIT_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt
