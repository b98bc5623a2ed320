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

# NSS_IMAGES: "NAME:FILE:LOADADDR:PSW[:P0-P1]" entries from the fragments;
# P0-P1 (hex page numbers) are pages every user shares (docs/storage.md)
nss_args = $(foreach n,$(NSS_IMAGES),--file NSS $(word 1,$(subst :, ,$(n))) + \
	$(word 2,$(subst :, ,$(n))) $(word 3,$(subst :, ,$(n))) $(word 4,$(subst :, ,$(n))) \
	$(if $(word 5,$(subst :, ,$(n))),SHARED $(word 5,$(subst :, ,$(n)))))
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
USRVOL_CYLS := 66
# cylinder extents and labels: "start:cylinders:label"
USRVOL_DISKS := 1:4:USR191 5:4:USR191 9:4:USR191 13:4:USR191 17:4:USR191 \
	21:4:USR191 25:4:USR191 29:4:USR191 33:5:MNT190 38:2:MNT191 40:2:OPR191 \
	$(foreach c,$(shell seq 42 65),$(c):1:USR191)

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

# ---- CPPAG1: the paging volume (3350) -----------------------------------
# Cylinder plan:
#   0        VOL1, table of contents
#   1-10     saved-system store (SAVESYS, docs/storage.md)
#   11-29    saved systems of the paging tests (PAGVOL_NSS_IMAGES)
#   30-69    paging: 4800 page slots, with the 1800 of CPRES1
PAGVOL      := $(B)/cppag1.3350
PAGVOL_CYLS := 70
pagvol_nss_args = $(foreach n,$(PAGVOL_NSS_IMAGES),--file NSS $(word 1,$(subst :, ,$(n))) + \
	$(word 2,$(subst :, ,$(n))) $(word 3,$(subst :, ,$(n))) $(word 4,$(subst :, ,$(n))) \
	$(if $(word 5,$(subst :, ,$(n))),SHARED $(word 5,$(subst :, ,$(n)))))
pagvol_nss_files = $(foreach n,$(PAGVOL_NSS_IMAGES),$(word 2,$(subst :, ,$(n))))

$(PAGVOL): $(B)/tools/mkvol $$(pagvol_nss_files) mk/volume.mk
	@rm -f $@.tmp
	$(call say,VOLUME,$@)
	$(Q)dasdinit $@.tmp 3350 CPPAG1 $(PAGVOL_CYLS) >/dev/null 2>&1
	$(Q)$(B)/tools/mkvol $@.tmp --area SAVED SAVESYS 1 10 $(pagvol_nss_args) \
		--area PAGE PAGE 30 69 >/dev/null
	@mv $@.tmp $@

ALL_TARGETS += $(PAGVOL)
SYSTEM_VOLUMES += $(PAGVOL)
