# system.mk - system tests: CppUTest driving real Hercules.
SYSTEST_SRCS := \
	tests/system/main.cpp \
	tests/system/harness/hercules.cpp \
	tests/system/harness/telnet3215.cpp \
	tests/system/harness/tn3270.cpp \
	tests/system/harness/cpsystem.cpp \
	tests/system/harness/guestrun.cpp \
	tests/system/test_boot.cpp \
	tests/system/test_operator.cpp \
	tests/system/test_guest.cpp \
	tests/system/test_sessions.cpp \
	tests/system/test_terminals.cpp \
	tests/system/test_3270.cpp \
	tests/system/test_termset.cpp \
	tests/system/test_diagnose.cpp \
	tests/system/test_minidisk.cpp \
	tests/system/test_ipl.cpp \
	tests/system/test_paging.cpp \
	tests/system/test_dat.cpp \
	tests/system/test_nss.cpp \
	tests/system/test_audit.cpp \
	tests/system/test_assist.cpp \
	tests/system/test_spool.cpp \
	tests/system/test_spoolcons.cpp \
	tests/system/test_cms.cpp \
	tests/system/test_display.cpp \
	tests/system/test_debug.cpp \
	tests/system/test_vm370cms.cpp \
	tests/system/test_vmcf.cpp

SYSTEST_OBJS := $(patsubst %.cpp,$(B)/host/%.o,$(SYSTEST_SRCS))

$(B)/tests/system_tests: $(SYSTEST_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt -lpthread

# everything a system test may IPL or attach
SYSTEST_DEPS := $(B)/tests/system_tests $(SYSRES) $(SYSTEM_VOLUMES) $(B)/tools/mknss
