# history.mk - docs/history: the generated sensitivity audit and its tests.
#
# sensdoc is a host tool linked with the instruction table itself and
# built from CP's list of simulated instructions (cp/vm/priv.def) and the
# guest test's case list (tests/guest/taudit.def), so the audit can never
# describe a table other than the one CP decodes and dispatches with.
# `make` (and `make sensdoc`, always) rewrites docs/history/sensitivity.md;
# the unit test program fails while that file differs from a fresh run.
SENSDOC_LIB_SRCS := \
	assembler-tools/sensdoc/sensdoc.c \
	assembler-tools/sensdoc/check.c \
	assembler-tools/sensdoc/handling.c \
	assembler-tools/sensdoc/cptables.c \
	assembler-tools/sensdoc/prose.c \
	arch370/insn.c \
	arch370/insn_table.c
SENSDOC_LIB_OBJS := $(patsubst %.c,$(B)/host/%.o,$(SENSDOC_LIB_SRCS))

$(B)/tools/sensdoc: $(B)/host/assembler-tools/sensdoc/main.o $(SENSDOC_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCC) -o $@ $^

ALL_TARGETS += $(B)/tools/sensdoc

# the build regenerates the audit whenever a table it reads has changed
# (the tool's dependencies are those tables); commit the result
docs/history/sensitivity.md: $(B)/tools/sensdoc
	$(call say,SENSDOC,$@)
	$(Q)$(B)/tools/sensdoc -o $@

ALL_TARGETS += docs/history/sensitivity.md

.PHONY: sensdoc
sensdoc: $(B)/tools/sensdoc
	$(B)/tools/sensdoc -o docs/history/sensitivity.md

INSN_TABLE_TEST_OBJS := \
	$(B)/host/tests/main.o \
	$(B)/host/tests/unit/test_insn_table.o \
	$(B)/host/tests/unit/test_audit_table.o \
	$(SENSDOC_LIB_OBJS)

$(B)/tests/insn_table_tests: $(INSN_TABLE_TEST_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt

UNIT_TEST_PROGRAMS += $(B)/tests/insn_table_tests

# the chapters' promises: every file, function and test they name exists
HISTORY_MAP_TEST_OBJS := \
	$(B)/host/tests/main.o \
	$(B)/host/tests/unit/test_history_map.o

$(B)/tests/history_map_tests: $(HISTORY_MAP_TEST_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $^ -lCppUTest -lCppUTestExt

UNIT_TEST_PROGRAMS += $(B)/tests/history_map_tests
