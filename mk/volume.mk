# volume.mk - the system residence volume CPRES1 (3350).
#
# dasdinit makes an empty labelled volume; mkvol writes the IPL records,
# the nucleus, saved systems and the table of contents.  Cylinder plan:
#   0        IPL records, VOL1, table of contents
#   1-2      CP nucleus
#   3        user directory (DIRECT area; grows as needed)
#   4-29     saved systems (IPL by name), one after another
#   30-44    spool
#   45-59    paging
SYSRES      := $(B)/cpres1.3350
SYSRES_CYLS := 60
NUC_PSW     := 0008000080010000

# NSS_IMAGES: "NAME:FILE:LOADADDR:PSW" entries from the fragments
nss_args = $(foreach n,$(NSS_IMAGES),--file NSS $(word 1,$(subst :, ,$(n))) + \
	$(word 2,$(subst :, ,$(n))) $(word 3,$(subst :, ,$(n))) $(word 4,$(subst :, ,$(n))))
nss_files = $(foreach n,$(NSS_IMAGES),$(word 2,$(subst :, ,$(n))))

SYSRES_FILES = --file NUCLEUS CP 1 $(B)/cp370.bin 10000 $(NUC_PSW) \
	--file DIRECT DIRECT 3 $(DIRECTORY_BIN) $(nss_args)
SYSRES_AREAS := --area SPOOL SPOOL 30 44 --area PAGE PAGE 45 59

$(SYSRES): $(B)/cp370.bin $(B)/tools/mkvol $$(nss_files) $$(DIRECTORY_BIN) mk/volume.mk
	@rm -f $@.tmp
	$(call say,VOLUME,$@)
	$(Q)dasdinit $@.tmp 3350 CPRES1 $(SYSRES_CYLS) >/dev/null 2>&1
	$(Q)$(B)/tools/mkvol $@.tmp --ipl CP $(SYSRES_FILES) $(SYSRES_AREAS)
	@mv $@.tmp $@

ALL_TARGETS += $(SYSRES)

# ---- CPUSR1: the user volume of minidisks (cp/dir/user.direct) --------------
# Every minidisk extent is formatted in the CMS layout (800-byte blocks) by
# cmsdisk, so CMS FORMAT only has to write a label and an empty directory.
USRVOL      := $(B)/cpusr1.3350
USRVOL_CYLS := 42
# cylinder extents and labels: "start:cylinders:label"
USRVOL_DISKS := 1:4:USR191 5:4:USR191 9:4:USR191 13:4:USR191 17:4:USR191 \
	21:4:USR191 25:4:USR191 29:4:USR191 33:5:MNT190 38:2:MNT191 40:2:OPR191

$(USRVOL): $(B)/tools/cmsdisk mk/volume.mk
	@rm -f $@.tmp
	$(call say,VOLUME,$@)
	$(Q)dasdinit $@.tmp 3350 CPUSR1 $(USRVOL_CYLS) >/dev/null 2>&1
	$(Q)for d in $(USRVOL_DISKS); do \
		set -- $$(echo $$d | tr : ' '); \
		$(B)/tools/cmsdisk $@.tmp $$1 $$2 format $$3 >/dev/null || exit 1; \
	done
	@mv $@.tmp $@

ALL_TARGETS += $(USRVOL)
SYSTEM_VOLUMES += $(USRVOL)
