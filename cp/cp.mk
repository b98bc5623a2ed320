# cp.mk - the Control Program nucleus.
CP_SRCS := \
	cp/boot/start.S \
	cp/boot/main.c \
	cp/boot/init.c \
	cp/boot/storage.c \
	cp/boot/sysres.c \
	cp/boot/abend.c \
	cp/boot/shutdown.c \
	cp/mm/freestor.c \
	cp/mm/frame.c \
	cp/vm/task.c \
	cp/vm/timer.c \
	cp/vm/intr.c \
	cp/vm/user.c \
	cp/vm/vm.c \
	cp/vm/vdev.c \
	cp/vm/vcons.c \
	cp/vm/chanprog.c \
	cp/vm/reflect.c \
	cp/vm/dispatch.c \
	cp/vm/priv.c \
	cp/vm/priv_psw.c \
	cp/vm/priv_key.c \
	cp/vm/priv_timer.c \
	cp/vm/priv_ctl.c \
	cp/vm/vio.c \
	cp/vm/adstop.c \
	cp/vm/vmdebug.c \
	cp/vm/trace.c \
	cp/vm/ipl.c \
	cp/vm/vconfig.c \
	cp/mm/gspace.c \
	cp/mm/gmem.c \
	cp/io/rio.c \
	cp/io/sense.c \
	cp/io/dasd.c \
	cp/io/ccwxlat.c \
	cp/io/mdisk.c \
	cp/io/mdiskio.c \
	cp/io/con3215.c \
	cp/term/session.c \
	cp/term/logon.c \
	cp/term/oplog.c \
	cp/term/usermsg.c \
	cp/cmd/cmdtab.c \
	cp/cmd/parse.c \
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
	cp/cmd/query_users.c \
	cp/lib/string.c \
	cp/lib/format.c \
	cp/lib/sha256.c \
	cp/dir/dirfmt.c \
	cp/dir/dirload.c \
	cp/dir/directory.c \
	cp/dir/dirread.c \
	cp/mm/pageslot.c \
	cp/mm/clock.c \
	cp/mm/pager.c \
	cp/mm/nss.c \
	cp/mm/nsssave.c \
	cp/mm/nssstore.c \
	cp/cmd/savesys.c \
	cp/vm/pgfault.c \
	cp/vm/pfault.c \
	cp/cmd/indicate.c \
	cp/cmd/spoolcmds.c \
	cp/cmd/query_spool.c \
	cp/cmd/spoolmgmt.c \
	cp/cmd/urcmds.c \
	$(SPOOL_SRCS) \
	$(DIAG_SRCS)

# the CP sources that also build for the host unit tests
CP_HOST_SRCS := \
	cp/lib/string.c \
	cp/lib/format.c \
	cp/cmd/parse.c \
	cp/mm/freestor.c \
	cp/mm/frame.c \
	cp/mm/gspace.c \
	cp/mm/gmem.c \
	cp/io/ccwxlat.c \
	cp/vm/timer.c \
	cp/mm/pageslot.c \
	cp/mm/clock.c \
	cp/mm/pager.c

CP_OBJS := $(patsubst %,$(B)/s390/%.o,$(basename $(CP_SRCS) $(ARCH_S390)))
CP_OBJS := $(CP_OBJS:%.o=%.o)

$(B)/cp370.elf: $(CP_OBJS) cp/cp.ld
	$(call say,LD,$@)
	$(Q)$(LD390) --no-warn-rwx-segments -m elf_s390 -T cp/cp.ld -o $@ $(CP_OBJS) $(LIBGCC390)

$(B)/cp370.bin: $(B)/cp370.elf
	$(Q)$(OBJCOPY390) -O binary $< $@

ALL_TARGETS += $(B)/cp370.bin
