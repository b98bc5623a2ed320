# guest.mk - guest test programs: small S/370 programs CP IPLs by name.
#
# Each program is built twice, for BC mode and for EC mode, from the same
# source; the saved-system name is the program name with B or E appended
# (at most 8 characters), e.g. TPRIV -> TPRIVB, TPRIVE.
GUEST_PROGRAMS := tpriv techo tintr trandom
GUEST_PROGRAMS += taudit
# more sources of a program, beyond tests/guest/<program>.c
GUEST_SRCS_taudit := tests/guest/taudit_checks.c
# programs about CP services rather than the architecture: EC mode only
GUEST_PROGRAMS_EC := td000 td008 td00c td010 td024 td058 td05c tdfuzz tmdisk tmkipl tbench tspool td014 tbspool

GUEST_RT_SRCS := tests/guest/rt/start.S tests/guest/rt/trap.S tests/guest/rt/rt.c
GUEST_LIB_OBJS := $(B)/s390/cp/lib/format.o $(B)/s390/cp/lib/string.o $(B)/s390/arch370/ebcdic.o
GUEST_CFLAGS = $(CFLAGS390) -Itests/guest/rt -I$(B)/include

# guest_objs(mode, sources): objects in build/guest/<mode>/
guest_obj = $(patsubst %,$(B)/guest/$(1)/%.o,$(basename $(2)))

$(B)/guest/bc/%.o: %.c Makefile $(DIAG_HEADER)
	@mkdir -p $(dir $@)
	$(call say,GUEST,$< BC)
	$(Q)$(CC390) $(GUEST_CFLAGS) -DGUEST_EC=0 -MMD -MP -c $< -o $@
$(B)/guest/bc/%.o: %.S
	@mkdir -p $(dir $@)
	$(Q)$(CC390) $(GUEST_CFLAGS) -DGUEST_EC=0 -c $< -o $@
$(B)/guest/ec/%.o: %.c Makefile $(DIAG_HEADER)
	@mkdir -p $(dir $@)
	$(call say,GUEST,$< EC)
	$(Q)$(CC390) $(GUEST_CFLAGS) -DGUEST_EC=1 -MMD -MP -c $< -o $@
$(B)/guest/ec/%.o: %.S
	@mkdir -p $(dir $@)
	$(Q)$(CC390) $(GUEST_CFLAGS) -DGUEST_EC=1 -c $< -o $@

define guest_program
$(B)/guest/$(1)-$(2).elf: $(call guest_obj,$(2),$(GUEST_RT_SRCS) tests/guest/$(1).c $(GUEST_SRCS_$(1))) $(GUEST_LIB_OBJS)
	$(call say,LD,$$@)
	$(Q)$(LD390) --no-warn-rwx-segments -m elf_s390 -T tests/guest/rt/guest.ld -o $$@ $$^ $$(LIBGCC390)
$(B)/guest/$(1)-$(2).bin: $(B)/guest/$(1)-$(2).elf
	$(Q)$(OBJCOPY390) -O binary $$< $$@
endef

$(foreach p,$(GUEST_PROGRAMS),$(eval $(call guest_program,$(p),bc)))
$(foreach p,$(GUEST_PROGRAMS) $(GUEST_PROGRAMS_EC),$(eval $(call guest_program,$(p),ec)))

upper = $(shell echo $(1) | tr a-z A-Z)
# IPL PSWs: BC mode (all masks off) and EC mode, key 0, at X'20000'
NSS_IMAGES += $(foreach p,$(GUEST_PROGRAMS),\
	$(call upper,$(p))B:$(B)/guest/$(p)-bc.bin:20000:0000000000020000 \
	$(call upper,$(p))E:$(B)/guest/$(p)-ec.bin:20000:0008000000020000) \
	$(foreach p,$(GUEST_PROGRAMS_EC),$(call upper,$(p))E:$(B)/guest/$(p)-ec.bin:20000:0008000000020000)

ALL_TARGETS += $(foreach p,$(GUEST_PROGRAMS),$(B)/guest/$(p)-bc.bin $(B)/guest/$(p)-ec.bin) \
	$(foreach p,$(GUEST_PROGRAMS_EC),$(B)/guest/$(p)-ec.bin)

# paging, saved systems and VMCF (EC mode): their saved systems live on the
# paging volume CPPAG1 (mk/volume.mk), except TPAGE, which a test runs
# with that volume detached
GUEST_PROGRAMS_PAGING := tpage td258 td064 tflood td068 tdat tvmos td1e0
# TFSCR (3270 full screen) too: CPRES1's saved-system cylinders are full
GUEST_PROGRAMS_PAGING += tfscr
# TLOOP (a program-check loop CP stops)
GUEST_PROGRAMS_PAGING += tloop
$(foreach p,$(GUEST_PROGRAMS_PAGING),$(eval $(call guest_program,$(p),ec)))
NSS_IMAGES += TPAGEE:$(B)/guest/tpage-ec.bin:20000:0008000000020000
PAGVOL_NSS_IMAGES += $(foreach p,$(filter-out tpage,$(GUEST_PROGRAMS_PAGING)),\
	$(call upper,$(p))E:$(B)/guest/$(p)-ec.bin:20000:0008000000020000)
ALL_TARGETS += $(foreach p,$(GUEST_PROGRAMS_PAGING),$(B)/guest/$(p)-ec.bin)

# TNUC: a stand-in nucleus with shared pages X'20'-X'5F' (its own linker
# script); IPL TNUC NOSHARE gives a user copies of them instead
$(B)/guest/tnuc-ec.elf: $(call guest_obj,ec,$(GUEST_RT_SRCS) tests/guest/tnuc.c) $(GUEST_LIB_OBJS) tests/guest/tnuc.ld
	$(call say,LD,$@)
	$(Q)$(LD390) --no-warn-rwx-segments -m elf_s390 -T tests/guest/tnuc.ld -o $@ $(filter %.o,$^) $(LIBGCC390)
$(B)/guest/tnuc-ec.bin: $(B)/guest/tnuc-ec.elf
	$(Q)$(OBJCOPY390) -O binary $< $@
# TSEG: three pages, each starting "TSEGPAGEn", as saved segments
$(B)/guest/tseg.bin: tests/guest/guest.mk
	@mkdir -p $(dir $@)
	$(Q)for p in 0 1 2; do printf 'TSEGPAGE%d' $$p; head -c 4087 /dev/zero; done > $@
PAGVOL_NSS_IMAGES += TNUC:$(B)/guest/tnuc-ec.bin:20000:0008000000020000:20-5F \
	TSEG:$(B)/guest/tseg.bin:200000:0000000000000000:200-201 \
	TSEGHI:$(B)/guest/tseg.bin:F00000:0000000000000000
ALL_TARGETS += $(B)/guest/tnuc-ec.bin $(B)/guest/tseg.bin
