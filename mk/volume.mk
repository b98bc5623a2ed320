# volume.mk - the system residence volume CPRES1 (3350).
#
# dasdinit makes an empty labelled volume; mkvol writes the IPL records,
# the nucleus and the table of contents.  Cylinder plan:
#   0        IPL records, VOL1, table of contents
#   1-2      CP nucleus
#   3-4      user directory
#   5-14     saved systems (IPL by name)
#   15-34    spool
#   35-49    paging
SYSRES      := $(B)/cpres1.3350
SYSRES_CYLS := 50
NUC_PSW     := 0008000080010000

SYSRES_FILES := --file NUCLEUS CP 1 $(B)/cp370.bin 10000 $(NUC_PSW)
SYSRES_AREAS := --area SPOOL SPOOL 15 34 --area PAGE PAGE 35 49

$(SYSRES): $(B)/cp370.bin $(B)/tools/mkvol $(SYSRES_DEPS)
	@rm -f $@.tmp
	dasdinit $@.tmp 3350 CPRES1 $(SYSRES_CYLS) >/dev/null
	$(B)/tools/mkvol $@.tmp --ipl CP $(SYSRES_FILES) $(SYSRES_AREAS)
	mv $@.tmp $@

ALL_TARGETS += $(SYSRES)
