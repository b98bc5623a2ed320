# cp370 - one entry point: all, run, check, bench, clean.
#
# CP and guests are cross-compiled for ESA/390 (31-bit, freestanding);
# host tools and unit tests use the host compiler.  Each part of the tree
# lists its objects in its own .mk fragment, included below.

.DEFAULT_GOAL := all
.SECONDEXPANSION:

CROSS      ?= s390x-linux-gnu-
CC390      := $(CROSS)gcc
LD390      := $(CROSS)ld
OBJCOPY390 := $(CROSS)objcopy
HOSTCC     ?= gcc
HOSTCXX    ?= g++

B := build

# ESA/390, 31-bit, no floating point in CP (guests own the FPRs)
CFLAGS390 := -m31 -march=z900 -mesa -O2 -std=gnu11 -ffreestanding -fno-builtin \
             -nostdlib -fno-pic -fno-asynchronous-unwind-tables -fno-stack-protector \
             -msoft-float --param=min-pagesize=0 -fno-delete-null-pointer-checks -Wall -Wextra -Werror -Wno-unused-parameter -I. -Iarch370/s390
LIBGCC390   = $(shell $(CC390) -m31 -print-libgcc-file-name 2>/dev/null)

HOSTCFLAGS   := -O2 -g -std=gnu11 -fexceptions -Wall -Wextra -Werror -Wno-unused-parameter -I. \
                -Iarch370/host -DCP_HOST_BUILD
HOSTCXXFLAGS := -O2 -g -std=gnu++17 -Wall -Wextra -Werror -I. -Iarch370/host -DCP_HOST_BUILD

# make V=1 shows the commands
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @echo "  $(1)	$(2)"
endif

# Each fragment lists its sources and adds its products to ALL_TARGETS and
# its test programs to TEST_PROGRAMS.
include mk/deps.mk
include arch370/arch370.mk
include diag/diag.mk
include cp/spool/spool.mk
include cp/cp.mk
include assembler-tools/tools.mk
include assembler-tools/dircomp.mk
include cms-guest/cms.mk
include cms-guest/fs/fs.mk
include cms-guest/exec/exec.mk
include tests/guest/guest.mk
include mk/volume.mk
include docs/history/history.mk
include tests/unit/unit.mk
include tests/system/system.mk
include mk/bench.mk

# ---- generic rules (make V=1 shows the commands) ---------------------------

$(B)/s390/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(call say,CC390,$<)
	$(Q)$(CC390) $(CFLAGS390) -MMD -MP -c $< -o $@

$(B)/s390/%.o: %.S Makefile
	@mkdir -p $(dir $@)
	$(call say,AS390,$<)
	$(Q)$(CC390) $(CFLAGS390) -MMD -MP -c $< -o $@

$(B)/host/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -MMD -MP -c $< -o $@

$(B)/host/%.o: %.cpp Makefile
	@mkdir -p $(dir $@)
	$(call say,CXX,$<)
	$(Q)$(HOSTCXX) $(HOSTCXXFLAGS) -MMD -MP -c $< -o $@

.PHONY: all run check bench clean deps
all: deps $(ALL_TARGETS)

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)

# ---- the two commands of README.md ----------------------------------------
# unit-test programs first (fast), the system tests last
TEST_PROGRAMS := $(UNIT_TEST_PROGRAMS) $(B)/tests/system_tests

check: deps all layercheck $(CP_HOST_ALL_OBJS) $(TEST_PROGRAMS) $(SYSTEST_DEPS)
	@CP370_BUILD=$(B) CP370_SRC=. sh mk/check.sh $(TEST_PROGRAMS)

# every #include in arch370/, cp/ and diag/ points down the layers listed
# in cp/layers.txt (docs/internals.md, "Layers")
.PHONY: layercheck
layercheck:
	$(call say,LAYERS,cp/layers.txt)
	$(Q)sh mk/layercheck.sh cp/layers.txt

run: deps all
	@sh mk/run.sh $(B)
