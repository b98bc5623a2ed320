# dircomp.mk - the directory compiler (flex + bison, host) and the
# directory image it makes from cp/dir/user.direct.
#
# The scanner and parser are generated into $(B)/gen/dircomp, never into
# the source tree.  dircomp shares cp/dir/dirfmt.c (checksums, password
# digests) and cp/lib/sha256.c with CP, so what it writes is what CP reads.

DIRCOMP_GEN := $(B)/gen/dircomp

# everything but main(): the test program links the compiler too
DIRCOMP_LIB_SRCS := \
	assembler-tools/dircomp/compile.c \
	assembler-tools/dircomp/statements.c \
	assembler-tools/dircomp/operands.c \
	assembler-tools/dircomp/check.c \
	assembler-tools/dircomp/emit.c \
	cp/dir/dirfmt.c \
	cp/lib/sha256.c \
	cp/lib/string.c \
	arch370/ebcdic.c

DIRCOMP_LIB_OBJS := $(patsubst %.c,$(B)/host/%.o,$(DIRCOMP_LIB_SRCS)) \
                    $(B)/host/dircomp/parser.o $(B)/host/dircomp/lexer.o

DIRCOMP_CFLAGS := -I$(DIRCOMP_GEN) -Iassembler-tools/dircomp

$(DIRCOMP_GEN)/parser.c $(DIRCOMP_GEN)/parser.h &: assembler-tools/dircomp/parser.y
	@mkdir -p $(DIRCOMP_GEN)
	bison -Wall -Werror --defines=$(DIRCOMP_GEN)/parser.h -o $(DIRCOMP_GEN)/parser.c $<

$(DIRCOMP_GEN)/lexer.c $(DIRCOMP_GEN)/lexer.h &: assembler-tools/dircomp/lexer.l
	@mkdir -p $(DIRCOMP_GEN)
	flex --header-file=$(DIRCOMP_GEN)/lexer.h -o $(DIRCOMP_GEN)/lexer.c $<

# generated code: the same warnings, but bison's skeleton defines a helper
# (yypcontext_expected_tokens) that our error reporting has no use for
$(B)/host/dircomp/%.o: $(DIRCOMP_GEN)/%.c $(DIRCOMP_GEN)/parser.h $(DIRCOMP_GEN)/lexer.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) $(DIRCOMP_CFLAGS) -Wno-unused-function -MMD -MP -c $< -o $@

# the compiler's own sources include the generated headers
$(patsubst %.c,$(B)/host/%.o,$(filter assembler-tools/%,$(DIRCOMP_LIB_SRCS))) \
$(B)/host/assembler-tools/dircomp/main.o: HOSTCFLAGS += $(DIRCOMP_CFLAGS)
$(patsubst %.c,$(B)/host/%.o,$(filter assembler-tools/%,$(DIRCOMP_LIB_SRCS))) \
$(B)/host/assembler-tools/dircomp/main.o: | $(DIRCOMP_GEN)/parser.h $(DIRCOMP_GEN)/lexer.h

$(B)/tools/dircomp: $(B)/host/assembler-tools/dircomp/main.o $(DIRCOMP_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCC) -o $@ $^

# the shipped directory
DIRECTORY_BIN := $(B)/directory.bin

$(DIRECTORY_BIN): cp/dir/user.direct $(B)/tools/dircomp
	$(B)/tools/dircomp cp/dir/user.direct $@

# CP's reader is not linked into the nucleus until LOGON uses it; build it
# for s390 anyway, so it stays free of anything the nucleus lacks
DIR_S390_OBJS := $(B)/s390/cp/dir/dirfmt.o $(B)/s390/cp/dir/dirload.o \
                 $(B)/s390/cp/dir/directory.o $(B)/s390/cp/lib/sha256.o

ALL_TARGETS += $(B)/tools/dircomp $(DIRECTORY_BIN) $(DIR_S390_OBJS)

# ---- unit tests ----------------------------------------------------------
DIR_TEST_SRCS := \
	tests/main.cpp \
	tests/unit/fakes.cpp \
	tests/unit/test_dir_support.cpp \
	tests/unit/test_dir_sha256.cpp \
	tests/unit/test_dir_grammar.cpp \
	tests/unit/test_dir_rules.cpp \
	tests/unit/test_dir_image.cpp \
	tests/unit/test_dir_passwords.cpp \
	tests/unit/test_dir_damage.cpp \
	tests/unit/test_dir_tool.cpp

DIR_TEST_OBJS := $(patsubst %.cpp,$(B)/host/%.o,$(DIR_TEST_SRCS)) $(DIRCOMP_LIB_OBJS) \
                 $(B)/host/cp/dir/dirload.o $(B)/host/cp/dir/directory.o $(B)/host/cp/kern/freestor.o

$(patsubst %.cpp,$(B)/host/%.o,$(filter tests/unit/test_dir%,$(DIR_TEST_SRCS))): \
	HOSTCXXFLAGS += -Iassembler-tools/dircomp

# the tool tests run $(B)/tools/dircomp, so it must exist first
$(B)/tests/dir_tests: $(DIR_TEST_OBJS) $(B)/tools/dircomp
	@mkdir -p $(dir $@)
	$(HOSTCXX) -o $@ $(DIR_TEST_OBJS) -lCppUTest -lCppUTestExt

UNIT_TEST_PROGRAMS += $(B)/tests/dir_tests
