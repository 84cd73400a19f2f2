/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libFuzzer target: a device tree blob through selfe's hardware generator (reader, memory,
 * kernel devices, interrupts, all five outputs) with a fixed set of rules.  Any input must end
 * in outputs or in an error message; crashes and sanitizer reports are the bugs.
 */
#include <stdint.h>
#include <stdlib.h>

#include "hwgen/emit.h"
#include "hwgen/irq.h"
#include "util/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char rules[] = "devices:\n"
			    "  - compatible:\n      - arm,gic-400\n      - arm,gic-v3\n"
			    "    regions:\n      - index: 0\n        kernel: GICD_PPTR\n        kernel_size: 0x10000\n"
			    "      - index: 1\n        kernel: GICR_PPTR\n        macro: CONFIG_X\n"
			    "    interrupts:\n      INTERRUPT_VGIC_MAINTENANCE: 0\n"
			    "  - compatible:\n      - arm,pl011\n      - ns16550a\n"
			    "    regions:\n      - index: 0\n        kernel: UART_PPTR\n        user: true\n"
			    "  - compatible:\n      - arm,armv8-timer\n"
			    "    interrupts:\n      KERNEL_TIMER_IRQ:\n        sel_macro: CONFIG_H\n        index: 3\n"
			    "        undef_index: 2\n      INTERRUPT_VTIMER_EVENT: 2\n"
			    "  - compatible:\n      - arm,cortex-a9-pmu\n    interrupts:\n      KERNEL_PMU_IRQ: boot-cpu\n"
			    "  - compatible:\n      - arm,psci-1.0\n      - riscv,plic0\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The rules are read once (the model only reads them): each input costs its own work. */
	static struct hw_rules r;
	static struct arena *rules_arena;
	if (!rules_arena && (!(rules_arena = arena_new()) || hw_rules_read(rules_arena, "rules", rules, &r)))
		abort();
	struct sb errs = SB_INIT, out = SB_INIT;
	diag_capture(&errs);
	struct arena *a = arena_new();
	struct fdt t;
	struct hw_cfg cfg;
	struct hw_flags flags = { 0 };
	if (hw_cfg_init(&cfg, size % 2 ? "aarch32" : "riscv64", 1ull << 40))
		abort();
	if (fdt_read(&t, a, "fuzz.dtb", data, size) == 0) {
		irq_find_controllers(&t);
		struct hw_model m = { a, &t, &r, &cfg, NULL, 0 };
		if (hw_devices_list(&m, "seL4,kernel-devices", &m.kdevs, &m.nkdevs) == 0) {
			int rc = hw_emit_c_header(&m, &out);
			rc |= hw_emit_compat(&m, &out);
			rc |= hw_emit_json(&m, &flags, &out);
			rc |= hw_emit_yaml(&m, &flags, &out);
			rc |= hw_emit_elfloader(&m, &out);
			if (rc && errs.len == 0)
				abort(); /* a failure must say why */
		}
	}
	arena_free(a);
	diag_capture(NULL);
	sb_release(&errs);
	sb_release(&out);
	return 0;
}
