# SPDX-License-Identifier: BSD-2-Clause
# selfe: `make` builds the host tool, `make check` runs every test, `make demo` runs the main job.

CC      ?= cc
XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null)
XML_LIBS   := $(shell pkg-config --libs libxml-2.0 2>/dev/null)
CLANG   ?= clang
O       := build
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
CFLAGS  ?= -O2 -g
BASEFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -Isrc -Itests -Itools -Iruntime/include -Iloader/include $(XML_CFLAGS)
SANFLAGS  := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LIBS    := $(XML_LIBS)

# The host library: every folder under src/ with C files, except the programs' own folders.
# (Code that runs on seL4 lives outside src/: runtime/.)
LIB_DIRS  := $(filter-out src/cli,$(patsubst %/,%,$(sort $(dir $(wildcard src/*/*.c src/*/*/*.c)))))
# The selfe-arc reader is shared with root tasks: `selfe arc list` runs the very same checks.
LIB_SRCS  := $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c)) src/config/default_config.S runtime/lib/arc.c \
	$(wildcard loader/lib/*.c)
CLI_SRCS  := $(wildcard src/cli/*.c)
DEC_SRCS  := $(wildcard tests/toml/decode/*.c)
TEST_MODS := $(patsubst tests/%/,%,$(sort $(dir $(wildcard tests/*/test_*.c))))

objs = $(patsubst %.S,$(1)/%.o,$(patsubst %.c,$(1)/%.o,$(2)))

all: $(O)/selfe $(O)/toml-decode

# --- normal build -----------------------------------------------------------------------------
$(O)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(O)/obj/%.o: %.S
	@mkdir -p $(dir $@)
	$(CC) -Wa,-Isrc -c $< -o $@

# --- embedded folders (src/embed/folder.h): the seL4 snapshot and the root-task runtime ----------
# PREFIX:FOLDER; scripts/embed-folder writes each as an assembly file of .incbin lines.
# selfe_loader: the kernel loader's sources, compiled by `selfe build` for ARM and RISC-V.
EMBEDS := selfe_snapshot:snapshot/sel4-16.0.0 selfe_runtime:runtime selfe_loader:loader
define embed_rules
$(1)_FILES := $$(shell find $(2) -type f 2>/dev/null | LC_ALL=C sort)
# The list is rewritten only when it changes: adding or removing a file regenerates the .S.
$$(shell mkdir -p $(O)/gen && printf '%s\n' $$($(1)_FILES) > $(O)/gen/$(1).list.new && \
	{ cmp -s $(O)/gen/$(1).list.new $(O)/gen/$(1).list && rm -f $(O)/gen/$(1).list.new || \
	  mv $(O)/gen/$(1).list.new $(O)/gen/$(1).list; })
$(O)/gen/$(1).S: $(O)/gen/$(1).list $$($(1)_FILES) scripts/embed-folder
	scripts/embed-folder $(1) $(2) > $$@.tmp && mv $$@.tmp $$@
$(O)/obj/$(1).o $(O)/asan/$(1).o: $(O)/gen/$(1).S
	@mkdir -p $$(dir $$@)
	$$(CC) -c $$< -o $$@
endef
$(foreach e,$(EMBEDS),$(eval $(call embed_rules,$(word 1,$(subst :, ,$(e))),$(word 2,$(subst :, ,$(e))))))
EMBED_OBJS = $(foreach e,$(EMBEDS),$(1)/$(word 1,$(subst :, ,$(e))).o)

$(O)/libselfe.a: $(call objs,$(O)/obj,$(LIB_SRCS)) $(call EMBED_OBJS,$(O)/obj)
	@rm -f $@
	ar rcs $@ $^

$(O)/selfe: $(call objs,$(O)/obj,$(CLI_SRCS)) $(O)/libselfe.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

# The TOML programs link only util + toml, so they build whatever state the rest is in.
TOML_SRCS := $(wildcard src/util/*.c src/toml/*.c)

$(O)/toml-decode: $(call objs,$(O)/obj,$(DEC_SRCS) $(TOML_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

# --- sanitizer build (unit tests, conformance runs) --------------------------------------------
$(O)/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(SANFLAGS) -MMD -MP -c $< -o $@

$(O)/asan/%.o: %.S
	@mkdir -p $(dir $@)
	$(CC) -Wa,-Isrc -c $< -o $@

# .incbin is invisible to -MMD.
$(O)/obj/src/config/default_config.o $(O)/asan/src/config/default_config.o: src/config/default_config.toml

$(O)/asan/libselfe.a: $(call objs,$(O)/asan,$(LIB_SRCS)) $(call EMBED_OBJS,$(O)/asan)
	@rm -f $@
	ar rcs $@ $^

$(O)/asan/selfe: $(call objs,$(O)/asan,$(CLI_SRCS)) $(O)/asan/libselfe.a
	$(CC) $(SANFLAGS) -o $@ $^ $(LIBS)

$(O)/asan/toml-decode: $(call objs,$(O)/asan,$(DEC_SRCS) $(TOML_SRCS))
	$(CC) $(SANFLAGS) -o $@ $^ $(LIBS)

# Runs a decoder over the toml-test suite and checks write/parse round trips in-process.
# Writes the libsel4 proof programs (tests/gen-proof/lib) for tests/gen-proof/*.sh.
PROOF_SRCS := $(wildcard tests/gen-proof/lib/*.c)
$(O)/asan/proof-emit: $(call objs,$(O)/asan,tests/gen-proof/emit/main.c $(PROOF_SRCS)) $(O)/asan/libselfe.a
	$(CC) $(SANFLAGS) -o $@ $^ $(LIBS)

$(O)/asan/toml-test-run: $(call objs,$(O)/asan,tests/toml/conformance_run.c $(TOML_SRCS))
	$(CC) $(SANFLAGS) -o $@ $^ $(LIBS)

# One unit-test binary per tests/<module>/ folder that has test_*.c files: every .c in it
# (but the conformance runner) plus the harness.
# A module's tests link only the folders it depends on (TEST_DEPS_<module>), else libselfe.a.
TEST_DEPS_util := src/util src/toml
TEST_DEPS_toml := src/util src/toml
TEST_DEPS_bf   := src/util src/gen/bf tests/gen-proof/lib src/gen/iface
TEST_DEPS_iface := src/util src/gen/iface
TEST_DEPS_kconfig := src/util src/gen/kconfig src/platform src/hwgen
TEST_DEPS_abi := src/util tools/abi-facts/lib
TEST_DEPS_snapshot-iface := src/util src/gen/iface src/gen/bf
# runtime/lib/*.c is the runtime's pure part (runtime/lib/sel4/ needs libsel4).
TEST_DEPS_runtime := runtime/lib runtime/lib/libgcc
TEST_DEPS_arc := src/util src/arc runtime/lib
TEST_DEPS_hwgen := src/util src/hwgen
# Test-only code a module's tests need besides (TEST_EXTRA_<module>).
TEST_EXTRA_gen-proof := $(PROOF_SRCS)
TEST_EXTRA_snapshot := tools/snapshot-options/options_write.c
define test_binary
$(O)/asan/tests/test_$(1): $(call objs,$(O)/asan,$(filter-out %/conformance_run.c,$(wildcard tests/$(1)/*.c)) tests/harness.c $(TEST_EXTRA_$(1))) $(if $(TEST_DEPS_$(1)),$(call objs,$(O)/asan,$(foreach d,$(TEST_DEPS_$(1)),$(wildcard $(d)/*.c))),$(O)/asan/libselfe.a)
	$$(CC) $$(SANFLAGS) -o $$@ $$^ $$(LIBS)
endef
$(foreach m,$(TEST_MODS),$(eval $(call test_binary,$(m))))
UNIT_TESTS := $(foreach m,$(TEST_MODS),$(O)/asan/tests/test_$(m))

# --- the runtime's pure parts, cross-compiled (run under qemu-user by tests/runtime/cross.sh) ---
# Static Linux programs: the runtime's host-testable code (runtime/lib/*.c) with its unit tests,
# built for each root-task arch whose cross compiler is installed.
CROSS_ARCHES   := aarch64 arm riscv64
CROSS_aarch64  := aarch64-linux-gnu-
CROSS_arm      := arm-linux-gnueabihf-
CROSS_riscv64  := riscv64-linux-gnu-
CROSS_RUNTIME_SRCS := $(wildcard tests/runtime/*.c) tests/harness.c $(wildcard runtime/lib/*.c runtime/lib/libgcc/*.c)
CROSS_TESTS := $(foreach a,$(CROSS_ARCHES),$(if $(shell command -v $(CROSS_$(a))gcc),$(O)/cross/$(a)/test_runtime))
define cross_test
$(O)/cross/$(1)/test_runtime: $(CROSS_RUNTIME_SRCS) $(wildcard tests/*.h runtime/include/selfe/*.h)
	@mkdir -p $$(dir $$@)
	$(CROSS_$(1))gcc -static -std=c11 -D_DEFAULT_SOURCE $$(WARN) -Itests -Iruntime/include -O2 -g -o $$@ $(CROSS_RUNTIME_SRCS)
endef
$(foreach a,$(CROSS_ARCHES),$(eval $(call cross_test,$(a))))

# --- fuzzing -------------------------------------------------------------------------------------
FUZZFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -g -O1 \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
$(O)/fuzz/fuzz-toml: tests/fuzz/fuzz_toml.c $(TOML_SRCS)
	@mkdir -p $(dir $@)
	$(CLANG) $(FUZZFLAGS) -o $@ $^

# One libFuzzer target per parser: tests/fuzz/fuzz_NAME.c linked with the folders it needs.
# Seed corpora live in tests/fuzz/corpus/NAME; `make check` replays them (tests/fuzz/replay.sh).
FUZZ_NAMES := toml config bf iface arc kconfig regex $(if $(wildcard src/hwgen/fdt.c),fdt hwgen)
FUZZ_DEPS_config  := src/util src/toml src/config src/platform
FUZZ_DEPS_bf      := src/util src/gen/bf
FUZZ_DEPS_iface   := src/util src/gen/iface
FUZZ_DEPS_arc     := runtime/lib
FUZZ_DEPS_kconfig := src/util src/gen/kconfig src/platform src/hwgen
FUZZ_DEPS_regex   := src/util
FUZZ_DEPS_fdt     := src/util
FUZZ_DEPS_hwgen   := src/util src/hwgen
FUZZ_EXTRA_config := src/config/default_config.S
FUZZ_EXTRA_fdt    := src/hwgen/fdt.c
FUZZ_TARGETS := $(foreach n,$(FUZZ_NAMES),$(O)/fuzz/fuzz-$(n))
define fuzz_target
$(O)/fuzz/fuzz-$(1): tests/fuzz/fuzz_$(1).c $(foreach d,$(FUZZ_DEPS_$(1)),$(wildcard $(d)/*.c)) $(FUZZ_EXTRA_$(1))
	@mkdir -p $$(dir $$@)
	$(CLANG) $(FUZZFLAGS) -Itools -Iruntime/include $(XML_CFLAGS) -Wa,-Isrc -o $$@ $$(filter %.c %.S,$$^) $(XML_LIBS)
endef
$(foreach n,$(filter-out toml,$(FUZZ_NAMES)),$(eval $(call fuzz_target,$(n))))
$(O)/fuzz/fuzz-config: src/config/default_config.toml

FUZZ_SECONDS ?= 60
fuzz-toml: $(O)/fuzz/fuzz-toml
	@mkdir -p $(O)/fuzz/corpus-toml
	$(O)/fuzz/fuzz-toml -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
		$(O)/fuzz/corpus-toml tests/fuzz/corpus/toml

# Every target for FUZZ_SECONDS each, or to FUZZ_RUNS executions each (`make fuzz
# FUZZ_RUNS=10000000`); new inputs go to build/fuzz/corpus-NAME (copy the interesting ones, and
# every crashing one once fixed, to tests/fuzz/corpus/NAME).  Inputs are up to 4096 bytes, the
# regex target's up to 512: matching costs text length times program length, and sel4.toml
# patterns and the QEMU lines they meet are short.
FUZZ_LIMIT = $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS) -max_total_time=0,-max_total_time=$(FUZZ_SECONDS))
fuzz: $(FUZZ_TARGETS)
	@for n in $(FUZZ_NAMES); do \
		mkdir -p $(O)/fuzz/corpus-$$n; \
		len=4096; [ $$n = regex ] && len=512; \
		start=$$(date +%s); \
		if ! $(O)/fuzz/fuzz-$$n $(FUZZ_LIMIT) -max_len=$$len -timeout=30 -rss_limit_mb=1024 \
			-print_final_stats=1 $(O)/fuzz/corpus-$$n tests/fuzz/corpus/$$n >$(O)/fuzz/fuzz-$$n.log 2>&1; then \
			tail -n 40 $(O)/fuzz/fuzz-$$n.log; echo "fuzz-$$n: FAILED (log: $(O)/fuzz/fuzz-$$n.log)"; exit 1; \
		fi; \
		echo "fuzz-$$n: $$(sed -n 's/^stat::number_of_executed_units: *//p' $(O)/fuzz/fuzz-$$n.log) runs in $$(($$(date +%s) - start)) s"; \
	done

# --- abi-facts: ABI facts of an include tree, through libclang ---------------------------------
# A test tool (tests/abi, tests/conformance): libclang stays out of libselfe.a and selfe.
LLVM_PREFIX ?= $(shell llvm-config-14 --prefix 2>/dev/null || echo /usr/lib/llvm-14)
LIBCLANG_CFLAGS := -I$(LLVM_PREFIX)/include -Itools/abi-facts
LIBCLANG_LIBS   := -L$(LLVM_PREFIX)/lib -lclang -Wl,-rpath,$(LLVM_PREFIX)/lib
ABI_FACTS_SRCS  := $(wildcard tools/abi-facts/*.c tools/abi-facts/lib/*.c)
$(O)/obj/tools/abi-facts/%.o $(O)/asan/tools/abi-facts/%.o $(O)/asan/tests/abi/%.o: BASEFLAGS += $(LIBCLANG_CFLAGS)
$(O)/asan/tests/test_abi: LIBS += $(LIBCLANG_LIBS)

$(O)/abi-facts: $(call objs,$(O)/obj,$(ABI_FACTS_SRCS) $(wildcard src/util/*.c))
	$(CC) $(CFLAGS) -o $@ $^ $(LIBCLANG_LIBS)

# --- snapshot-options: the snapshot's kernel option table from a seL4 tree ----------------------
# (snapshot/sel4-16.0.0/README.md: moving the snapshot to a new seL4 release)
all: $(O)/snapshot-options
$(O)/snapshot-options: $(call objs,$(O)/obj,tools/snapshot-options/main.c tools/snapshot-options/options_write.c) $(O)/libselfe.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

# --- the two commands ------------------------------------------------------------------------
deps:
	@scripts/install-deps

# The differential suites compare with seL4's own Python generators: their modules too.
check-deps:
	@scripts/install-deps --reference

check: check-deps
	@$(MAKE) --no-print-directory test-programs
	@scripts/check

test-programs: all $(CROSS_TESTS) $(O)/abi-facts $(O)/asan/selfe $(O)/asan/proof-emit $(O)/asan/toml-decode $(O)/asan/toml-test-run $(UNIT_TESTS) $(FUZZ_TARGETS)

demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/demo

# --- installing ------------------------------------------------------------------------------
# The binary is self-contained (the snapshot and the runtime are compiled in): it and its man
# page are all there is.  `make install PREFIX=$HOME/.local` puts selfe in ~/.local/bin.
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
install: $(O)/selfe
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)/man1"
	install -m 755 $(O)/selfe "$(DESTDIR)$(BINDIR)/selfe"
	install -m 644 docs/selfe.1 "$(DESTDIR)$(MANDIR)/man1/selfe.1"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/selfe" "$(DESTDIR)$(MANDIR)/man1/selfe.1"

clean:
	rm -rf $(O)

# The host commands under valgrind's memcheck: 0 errors, 0 bytes lost (minutes; run by hand).
check-valgrind: $(O)/selfe
	tests/valgrind/run.sh $(O)/selfe

.PHONY: all deps check-deps check test-programs demo clean fuzz-toml fuzz check-valgrind install uninstall
.DELETE_ON_ERROR:

-include $(shell find $(O) -name '*.d' 2>/dev/null)
