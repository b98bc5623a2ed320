# deps.mk - install the Debian packages the build needs, if missing.
DEPS_STAMP := $(B)/.deps-ok

deps: $(DEPS_STAMP)
$(DEPS_STAMP): mk/deps.sh
	@sh mk/deps.sh
	@mkdir -p $(B) && touch $@
