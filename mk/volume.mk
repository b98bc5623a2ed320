# volume.mk - the system residence volume CPRES1 (3350).
#
# dasdinit makes an empty labelled volume; mkvol writes the IPL records,
# the nucleus, saved systems and the table of contents.  Cylinder plan:
#   0        IPL records, VOL1, table of contents
#   1-2      CP nucleus
#   3        user directory (DIRECT area; grows as needed)
#   4-44     saved systems (IPL by name), one after another
#   45-69    spool
#   70-99    paging
SYSRES      := $(B)/cpres1.3350
SYSRES_CYLS := 100
NUC_PSW     := 0008000080010000

# NSS_IMAGES: "NAME:FILE:LOADADDR:PSW" entries from the fragments
nss_args = $(foreach n,$(NSS_IMAGES),--file NSS $(word 1,$(subst :, ,$(n))) + \
	$(word 2,$(subst :, ,$(n))) $(word 3,$(subst :, ,$(n))) $(word 4,$(subst :, ,$(n))))
nss_files = $(foreach n,$(NSS_IMAGES),$(word 2,$(subst :, ,$(n))))

SYSRES_FILES = --file NUCLEUS CP 1 $(B)/cp370.bin 10000 $(NUC_PSW) \
	--file DIRECT DIRECT 3 $(DIRECTORY_BIN) $(nss_args)
SYSRES_AREAS := --area SPOOL SPOOL 45 69 --area PAGE PAGE 70 99

$(SYSRES): $(B)/cp370.bin $(B)/tools/mkvol $$(nss_files) $$(DIRECTORY_BIN) mk/volume.mk
	@rm -f $@.tmp
	$(call say,VOLUME,$@)
	$(Q)dasdinit $@.tmp 3350 CPRES1 $(SYSRES_CYLS) >/dev/null 2>&1
	$(Q)$(B)/tools/mkvol $@.tmp --ipl CP $(SYSRES_FILES) $(SYSRES_AREAS)
	@mv $@.tmp $@

ALL_TARGETS += $(SYSRES)
