# Kestrel top-level targets. `make` builds the kernel; `make run` boots the demo;
# `make check` runs every test; `make bench` measures. The shared build rules live
# in Makefile.build.

# `make STARTER=vm` (or threads, userprog) compiles the starter kit's stand-ins for
# that assignment's solution code (utils/kit), in build-starter/ASSIGNMENT/, to try
# them quickly.
STARTER ?=
BUILD := $(if $(STARTER),build-starter/$(STARTER),build)

# Toolchain: i686-elf- if present, else Debian's i686-linux-gnu-, else the host gcc
# in 32-bit mode. Override with `make CROSS=prefix-`.
ifeq ($(origin CROSS),undefined)
  ifneq ($(shell command -v i686-elf-gcc 2>/dev/null),)
    CROSS := i686-elf-
  else ifneq ($(shell command -v i686-linux-gnu-gcc 2>/dev/null),)
    CROSS := i686-linux-gnu-
  else
    CROSS :=
  endif
endif
ifeq ($(CROSS),)
  CC := gcc -m32
  LD := ld -m elf_i386
  OBJCOPY := objcopy
  AR := ar
else
  CC := $(CROSS)gcc
  LD := $(CROSS)ld
  OBJCOPY := $(CROSS)objcopy
  AR := $(CROSS)ar
endif
HOSTCC := gcc

# The Python that runs utils/, resolved once: `python3` may be a version-manager
# shim (pyenv) that costs a tenth of a second on every start, and every test run
# starts Python. Sub-makes inherit it. PY runs a script without site-packages
# (only the standard library is used), which starts faster still.
ifeq ($(origin PYTHON),undefined)
  PYTHON := $(or $(shell python3 -c 'import sys; print(sys.executable)' 2>/dev/null),python3)
endif
export PYTHON
PY = $(PYTHON) -S

# The builds inside run/check/grade/bench use every CPU unless -j was given.
NPROC := $(shell nproc 2>/dev/null || echo 2)
BUILD_JOBS := $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC))
SUBMAKE = $(MAKE) --no-print-directory $(BUILD_JOBS)

# Tests to run: `make check TESTS=tests/threads/alarm-single` runs one.
TESTS ?=
JOBS ?=

.PHONY: all run check check-% check-unit check-kit grade grade-submission gradescope \
        kit unit bench fuzz gdb layout clean tools format web web-serve record replay \
        replay-gdb

all: $(BUILD)/kernel.elf

include Makefile.build

# Installs the QEMU, toolchain and debugger when missing (a fresh machine needs
# nothing else), then builds what the target needs in a fresh make, so toolchain
# detection sees what was just installed.
# GDB only for `make gdb`: run and check do not need it.
tools:
	@utils/setup --check $(SETUP_FLAGS) >/dev/null 2>&1 || utils/setup $(SETUP_FLAGS)
gdb replay-gdb: SETUP_FLAGS := --gdb

# A demo with the page-fault trace on: the program's memory forms one fault at a
# time on the diagnostic stream ([diag] lines) beside its output. DEMO=layout
# (the default) is the memory-layout lesson; DEMO=fork is copy-on-write seen.
DEMO ?= layout
DEMO_PROGRAM_layout := userprog/memory-layout
DEMO_PROGRAM_fork := vm/fork-cow
DEMO_PROGRAM = $(or $(DEMO_PROGRAM_$(DEMO)),$(error DEMO=$(DEMO): no such demo \
  (layout, fork)))
run: tools
	@$(SUBMAKE) all tests
	$(PY) utils/kestrel -T 60 --vm-trace -p $(BUILD)/tests/$(DEMO_PROGRAM) \
	  -a $(notdir $(DEMO_PROGRAM)) -- -q run $(notdir $(DEMO_PROGRAM))


check: tools
	@$(SUBMAKE) all tests unit-build
	@$(PY) utils/check $(if $(JOBS),-j $(JOBS)) $(TESTS)

check-%: tools
	@$(SUBMAKE) all tests unit-build
	@$(PY) utils/check $(if $(JOBS),-j $(JOBS)) tests/$*

# The host unit tests alone (also `make unit`).
check-unit unit: tools
	@$(SUBMAKE) unit-build
	@$(PY) utils/check $(if $(JOBS),-j $(JOBS)) unit

# Like check, in deterministic mode, without the tools' own tests, plus the points
# report (rubric: tests/SUITE/Rubric) in build/grade.txt.
grade: tools
	@$(SUBMAKE) all tests unit-build
	@$(PY) utils/check $(if $(JOBS),-j $(JOBS)) --deterministic --no-tooling \
	  --grade $(BUILD)/grade.txt $(TESTS)

# Grades a student's tree with this tree's tests, rubric and tools (utils/grade):
# `make grade-submission SUBMISSION=DIR` (GRADE_TESTS=DIR: other tests; results in
# build/grade-out). `make gradescope` writes the autograder to build/gradescope/.
grade-submission: tools
	@test -n "$(SUBMISSION)" || { echo "usage: make grade-submission SUBMISSION=DIR" >&2; exit 2; }
	@$(PY) utils/grade --submission $(SUBMISSION) $(if $(GRADE_TESTS),--tests $(GRADE_TESTS)) \
	  --output $(BUILD)/grade-out $(if $(JOBS),-j $(JOBS)) $(TESTS)

gradescope:
	@$(PY) utils/grade --gradescope $(BUILD)/gradescope

# A starter tree for an assignment, without its solution code (utils/kit --list):
# `make kit ASSIGNMENT=vm` writes build/kit-vm/ (KIT_DIR=DIR elsewhere).
# `make check-kit` builds every kit and checks that it builds, boots, passes what
# it must and fails its assignment's tests (KIT_FULL=1: every test, not a sample).
ASSIGNMENT ?= vm
kit:
	@$(PY) utils/kit $(ASSIGNMENT) $(or $(KIT_DIR),$(BUILD)/kit-$(ASSIGNMENT))

check-kit: tools
	@$(PY) utils/kit --self-test $(if $(KIT_FULL),--full) $(KITS)

# Puts every C file in the tree's one layout (.clang-format, utils/format);
# `make check` fails on a file this would change.
format:
	@utils/format

bench: tools
	@$(SUBMAKE) all tests
	@$(PY) utils/bench

# The system-call fuzzer (tests/fuzz/) for SEEDS seeds, each in its own boot, JOBS
# at a time, from FUZZ_START (default: a random base, printed); utils/fuzz lists
# each seed's outcome and how to replay a failing one. FUZZ_BATCHES, FUZZ_CALLS,
# FUZZ_PROFILE and FUZZ_VERBOSE=1 (log every call) change the runs.
SEEDS ?= 20
fuzz: tools
	@$(SUBMAKE) all tests
	@$(PY) utils/fuzz $(if $(JOBS),-j $(JOBS)) --seeds $(SEEDS) \
	  $(if $(FUZZ_START),--start $(FUZZ_START)) $(if $(FUZZ_BATCHES),--batches $(FUZZ_BATCHES)) \
	  $(if $(FUZZ_CALLS),--calls $(FUZZ_CALLS)) $(if $(FUZZ_PROFILE),--profile $(FUZZ_PROFILE)) \
	  $(if $(FUZZ_VERBOSE),--verbose)

# Boots halted with a GDB stub and prints the command to attach (gdb -x
# build/gdbinit: the kernel's and the program's symbols, the macros, the port).
# `make gdb PROG=SUITE/NAME` debugs user program NAME; `make gdb TEST=NAME` a
# kernel test; with neither, the memory-layout demo. The port is your own
# (20000 + uid % 10000, or the next free one); GDBPORT=N picks another.
gdb: tools
	@$(SUBMAKE) all tests
	$(PY) utils/kestrel --gdb$(if $(GDBPORT),=$(GDBPORT)) $(if $(TEST),-- -q run $(TEST),-p $(BUILD)/tests/$(or $(PROG),userprog/memory-layout) -a $(notdir $(or $(PROG),memory-layout)) -- -q run $(notdir $(or $(PROG),memory-layout)))

# Debugging backwards (QEMU's record/replay). `make record TEST=NAME` records a
# test as make check runs it (its spec's options, files and console input); `make
# record PROG=SUITE/NAME` a user program; with neither, the memory-layout demo. The
# recording goes to build/recordings/NAME, and build/recordings/last points at it.
# `make replay` replays the last recording (REC=DIR: another) and checks that it
# runs exactly as recorded; `make replay-gdb` halts the replay for GDB (gdb -x
# build/gdbinit), which can also run backwards (README, "Debugging backwards").
RECORDINGS := $(BUILD)/recordings
REC_NAME = $(notdir $(or $(TEST),$(PROG),memory-layout))
REC ?= $(RECORDINGS)/last
record: tools
	@$(SUBMAKE) all tests
	$(if $(TEST),@$(PY) utils/check --record $(RECORDINGS)/$(REC_NAME) $(TEST),$(PY) utils/kestrel --record=$(RECORDINGS)/$(REC_NAME) -p $(BUILD)/tests/$(or $(PROG),userprog/memory-layout) -a $(REC_NAME) -- -q run $(REC_NAME))

replay: tools
	$(PY) utils/kestrel --replay=$(REC)

replay-gdb: tools
	$(PY) utils/kestrel --replay=$(REC) --gdb$(if $(GDBPORT),=$(GDBPORT))

# A program's memory from both sides: on the host its `size` and program headers,
# in Kestrel its regions at exit (-mapsdump) with each segment beside the region it
# became, and a picture of the address space with its page faults
# (build/layout/NAME.svg). `make layout PROG=SUITE/NAME`; default the layout demo.
layout: tools
	@$(SUBMAKE) all tests
	@$(PY) utils/layout $(BUILD)/tests/$(or $(PROG),userprog/memory-layout)

# Kestrel in the browser: build/web/ is a static site (the page, v86, the kernel,
# the test programs' disks) that any static host can serve (utils/mkweb);
# `make web-serve` serves it on http://localhost:$(WEB_PORT)/ (WEB_PORT=N).
WEB_PORT ?= 8086
web: tools
	@$(SUBMAKE) all tests
	@$(PY) utils/mkweb --objcopy "$(OBJCOPY)"

web-serve: web
	@echo "Kestrel in the browser: http://localhost:$(WEB_PORT)/ (Ctrl-C stops)"
	@$(PYTHON) -m http.server --bind 127.0.0.1 --directory $(BUILD)/web $(WEB_PORT)

clean:
	rm -rf $(BUILD) build-starter
