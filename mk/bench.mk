# bench.mk - `make bench`: measurements, printed, never asserted.
# The bench drives real Hercules with the system-test harness; make bench
# PART=users (traps, tv, native, io, paging, shared, spool, cms, users, dat) runs one part.
BENCH_SRCS := tests/bench/bench.cpp \
	tests/bench/paging.cpp \
	tests/bench/spool.cpp \
	tests/bench/cms.cpp \
	tests/bench/traps.cpp \
	tests/bench/tv.cpp \
	tests/bench/users.cpp \
	tests/bench/dat.cpp \
	tests/system/harness/hercules.cpp \
	tests/system/harness/telnet3215.cpp \
	tests/system/harness/tn3270.cpp \
	tests/system/harness/tn3270wire.cpp \
	tests/system/harness/cpsystem.cpp \
	tests/system/harness/guestrun.cpp
BENCH_OBJS := $(patsubst %.cpp,$(B)/host/%.o,$(BENCH_SRCS))

$(B)/tests/bench: $(BENCH_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt -lpthread

bench: deps all $(B)/tests/bench $(SYSRES) $(SYSTEM_VOLUMES)
	@CP370_BUILD=$(B) CP370_SRC=. $(B)/tests/bench $(PART)
