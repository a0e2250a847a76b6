# SPDX-License-Identifier: GPL-2.0
#
# vsoc: drivers for the vsoc IP family and the vsoc virtual board.
#
#   make [KDIR=...] [ARCH=... CROSS_COMPILE=...]   build the modules
#   make install                                  install them (modules_install)
#   make check                                    every test, on a fresh machine too
#   make check-static|check-kunit|check-harness|check-board|check-vdec|check-mmc|check-switch|check-dkms
#   make vm [CMD='...']                           shell (or one command) on the virtual board
#   make demo                                     boot the board, show the drivers working
#   make bench-vdec                               vsoc-vdec benchmark (not part of check)
#   make bench-mmc                                sdhci-vsoc benchmark (not part of check)
#   make bench-switch                             vsoc-switch benchmark (not part of check)

KDIR ?= /lib/modules/$(shell uname -r)/build
TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
GROUPS := static kunit harness board vdec mmc switch dkms

all: modules

modules modules_install clean:
	$(MAKE) -C $(KDIR) M=$(TOP) $@

install: modules_install

check:
	@$(TOP)/tests/check.sh $(GROUPS)

$(addprefix check-,$(GROUPS)):
	@$(TOP)/tests/check.sh $(patsubst check-%,%,$@)

# CMD reaches the board verbatim: $(value) keeps make from expanding it,
# and the environment carries it past make's recipe-line splitting and
# the shell's quoting.
vm: export VSOC_VM_CMD = $(value CMD)
vm:
	@$(TOP)/tests/board/vm.sh $(if $(value CMD),-c "$$VSOC_VM_CMD")

demo:
	@$(TOP)/tests/demo.sh

bench-vdec:
	@$(TOP)/tests/vdec/bench.sh

bench-mmc:
	@$(TOP)/tests/mmc/bench.sh

bench-switch:
	@$(TOP)/tests/switch/bench.sh

kernel:
	@$(TOP)/tests/board/kernel.sh

rootfs:
	@$(TOP)/tests/board/rootfs.sh

.PHONY: all modules modules_install clean install check vm demo bench-vdec bench-mmc bench-switch \
	kernel rootfs \
	$(addprefix check-,$(GROUPS))
