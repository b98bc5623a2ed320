# cp.mk - the Control Program nucleus.
CP_SRCS := \
	cp/boot/start.S \
	cp/boot/main.c \
	cp/boot/init.c \
	cp/mm/storage.c \
	cp/io/sysres.c \
	cp/kern/abend.c \
	cp/kern/kmsg.c \
	cp/term/shutdown.c \
	cp/kern/freestor.c \
	cp/mm/frame.c \
	cp/kern/task.c \
	cp/kern/timer.c \
	cp/kern/intr.c \
	cp/vm/user.c \
	cp/vm/vm.c \
	cp/vm/vdev.c \
	cp/vdev/vcons.c \
	cp/vdev/chanprog.c \
	cp/vm/reflect.c \
	cp/vm/vmcf.c \
	cp/vm/dispatch.c \
	cp/vm/assist.c \
	cp/vm/fastpath.c \
	cp/vm/trapassist.c \
	cp/vm/priv.c \
	cp/vm/priv_psw.c \
	cp/vm/priv_key.c \
	cp/vm/priv_timer.c \
	cp/vm/priv_ctl.c \
	cp/vm/vmem.c \
	cp/vm/shadow.c \
	cp/vm/pvmmu.c \
	cp/vm/vio.c \
	cp/vm/adstop.c \
	cp/vm/vmdebug.c \
	cp/vm/trace.c \
	cp/vdev/ipl.c \
	cp/vm/vconfig.c \
	cp/mm/gspace.c \
	cp/mm/gmem.c \
	cp/io/rio.c \
	cp/io/sense.c \
	cp/io/dasd.c \
	cp/vdev/ccwxlat.c \
	cp/vdev/mdisk.c \
	cp/vdev/mdiskio.c \
	cp/io/term.c \
	cp/io/termresp.c \
	cp/io/con3215.c \
	cp/io/con3270.c \
	cp/io/qreply.c \
	cp/io/termcode.c \
	cp/term/session.c \
	cp/term/logon.c \
	cp/term/lineedit.c \
	cp/kern/oplog.c \
	cp/term/usermsg.c \
	cp/term/termhooks.c \
	cp/cmd/cmdtab.c \
	cp/term/cmdline.c \
	cp/cmd/query.c \
	cp/cmd/shutdown.c \
	cp/cmd/vmcmds.c \
	cp/cmd/display.c \
	cp/cmd/store.c \
	cp/cmd/dsparse.c \
	cp/cmd/stgfmt.c \
	cp/cmd/adstop.c \
	cp/cmd/dumpout.c \
	cp/cmd/dump.c \
	cp/cmd/vmdump.c \
	cp/cmd/debugout.c \
	cp/cmd/trace.c \
	cp/cmd/dcp.c \
	cp/cmd/cmdutil.c \
	cp/cmd/logcmds.c \
	cp/cmd/linkcmds.c \
	cp/cmd/msgcmds.c \
	cp/cmd/set.c \
	cp/cmd/pfkeys.c \
	cp/cmd/terminal.c \
	cp/cmd/smsg.c \
	cp/cmd/query_users.c \
	cp/lib/string.c \
	cp/lib/format.c \
	cp/lib/sha256.c \
	cp/lib/resphist.c \
	cp/dir/dirfmt.c \
	cp/dir/dirload.c \
	cp/dir/directory.c \
	cp/dir/dirread.c \
	cp/mm/pageslot.c \
	cp/mm/clock.c \
	cp/mm/pager.c \
	cp/vm/nss.c \
	cp/vm/nsssave.c \
	cp/mm/nssstore.c \
	cp/cmd/savesys.c \
	cp/vm/pgfault.c \
	cp/vm/pfault.c \
	cp/cmd/indicate.c \
	cp/cmd/indresp.c \
	cp/cmd/spoolcmds.c \
	cp/cmd/spoolcons.c \
	cp/cmd/query_spool.c \
	cp/cmd/spoolmgmt.c \
	cp/cmd/urcmds.c \
	$(SPOOL_SRCS) \
	$(DIAG_SRCS)

# the CP sources that also build for the host unit tests
CP_HOST_SRCS := \
	cp/lib/string.c \
	cp/lib/format.c \
	cp/lib/resphist.c \
	cp/term/cmdline.c \
	cp/term/lineedit.c \
	cp/kern/freestor.c \
	cp/kern/kmsg.c \
	cp/kern/oplog.c \
	cp/mm/frame.c \
	cp/mm/gspace.c \
	cp/mm/gmem.c \
	cp/vdev/ccwxlat.c \
	cp/io/termcode.c \
	cp/io/qreply.c \
	cp/kern/timer.c \
	cp/mm/pageslot.c \
	cp/mm/clock.c \
	cp/mm/pager.c \
	cp/vm/vmcf.c

# every C file of CP compiles for the host too (DESIGN.md, "Layout"):
# make check builds them all, so a file that reaches the machine other
# than through arch370/ fails there, not only under Hercules
CP_HOST_ALL_OBJS := $(patsubst %.c,$(B)/host/%.o,$(filter %.c,$(CP_SRCS)))
.PHONY: cp-host
cp-host: $(CP_HOST_ALL_OBJS)

CP_OBJS := $(patsubst %,$(B)/s390/%.o,$(basename $(CP_SRCS) $(ARCH_S390)))
CP_OBJS := $(CP_OBJS:%.o=%.o)

$(B)/cp370.elf: $(CP_OBJS) cp/cp.ld
	$(call say,LD,$@)
	$(Q)$(LD390) --no-warn-rwx-segments -m elf_s390 -T cp/cp.ld -o $@ $(CP_OBJS) $(LIBGCC390)

$(B)/cp370.bin: $(B)/cp370.elf
	$(Q)$(OBJCOPY390) -O binary $< $@

ALL_TARGETS += $(B)/cp370.bin
