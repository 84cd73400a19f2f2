/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hardware generator on small blobs built here (a minimal writer of the blob format), and
 * its rules reader on small YAML texts: every damaged input gets its own exact message, never a
 * crash; good inputs give the expected memory, frames and interrupts.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "hwgen/emit.h"
#include "hwgen/fdt.h"
#include "hwgen/irq.h"
#include "hwgen/model.h"
#include "hwgen/rules.h"
#include "util/diag.h"

/* --- a blob writer: tokens, then names; header filled in by blob_finish ----------------------- */
struct blob {
	unsigned char s[8192], names[1024];
	size_t n, nn;
	unsigned char out[16384];
	size_t len;
};

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void tok(struct blob *b, uint32_t v)
{
	put32(b->s + b->n, v);
	b->n += 4;
}

static void begin(struct blob *b, const char *name)
{
	tok(b, 1);
	size_t l = strlen(name) + 1;
	memcpy(b->s + b->n, name, l);
	b->n = (b->n + l + 3) & ~(size_t)3;
}

static void end(struct blob *b)
{
	tok(b, 2);
}

static void prop_raw(struct blob *b, const char *name, const void *data, size_t len)
{
	tok(b, 3);
	tok(b, (uint32_t)len);
	tok(b, (uint32_t)b->nn);
	memcpy(b->names + b->nn, name, strlen(name) + 1);
	b->nn += strlen(name) + 1;
	memcpy(b->s + b->n, data, len);
	b->n = (b->n + len + 3) & ~(size_t)3;
}

/* prop_cells(b, name, count, cells...) */
static void prop_cells(struct blob *b, const char *name, int count, ...)
{
	unsigned char d[256];
	va_list ap;
	va_start(ap, count);
	for (int i = 0; i < count; i++)
		put32(d + 4 * i, va_arg(ap, uint32_t));
	va_end(ap);
	prop_raw(b, name, d, 4 * (size_t)count);
}

/* a string list, given as one C string with '|' between the strings */
static void prop_strs(struct blob *b, const char *name, const char *list)
{
	char d[512];
	size_t l = strlen(list) + 1;
	memcpy(d, list, l);
	for (size_t i = 0; i < l; i++)
		if (d[i] == '|')
			d[i] = '\0';
	prop_raw(b, name, d, l);
}

static void blob_finish(struct blob *b)
{
	tok(b, 9);
	size_t off_struct = 40 + 16; /* header, then an empty memory reservation map */
	size_t off_strings = off_struct + b->n;
	b->len = off_strings + b->nn;
	memset(b->out, 0, sizeof(b->out));
	put32(b->out, 0xd00dfeed);
	put32(b->out + 4, (uint32_t)b->len);
	put32(b->out + 8, (uint32_t)off_struct);
	put32(b->out + 12, (uint32_t)off_strings);
	put32(b->out + 16, 40);
	put32(b->out + 20, 17);
	put32(b->out + 24, 16);
	put32(b->out + 32, (uint32_t)b->nn);
	put32(b->out + 36, (uint32_t)b->n);
	memcpy(b->out + off_struct, b->s, b->n);
	memcpy(b->out + off_strings, b->names, b->nn);
}

/* --- a small platform: memory, a reserved range, a GIC, a UART, the timer ---------------------- */
static const char *const rules_text = "devices:\n"
				      "  - compatible:\n"
				      "      - arm,gic-400\n"
				      "    regions:\n"
				      "      - index: 0\n"
				      "        kernel: GIC_V2_DISTRIBUTOR_PPTR\n"
				      "        kernel_size: 0x1000\n"
				      "    interrupts:\n"
				      "      INTERRUPT_VGIC_MAINTENANCE: 0\n"
				      "  - compatible:\n"
				      "      - arm,pl011\n"
				      "    regions:\n"
				      "      - index: 0\n"
				      "        kernel: UART_PPTR\n"
				      "        macro: CONFIG_PRINTING\n"
				      "        user: true\n"
				      "  - compatible:\n"
				      "      - arm,armv7-timer\n"
				      "    interrupts:\n"
				      "      KERNEL_TIMER_IRQ:\n"
				      "        sel_macro: CONFIG_ARM_HYPERVISOR_SUPPORT\n"
				      "        index: 1\n"
				      "        undef_index: 0\n";

enum variant { GOOD, REG_BAD, NO_MEM_REG, BAD_PATH, IRQ_LOOP, NO_RANGES };

static void platform(struct blob *b, enum variant v)
{
	memset(b, 0, sizeof(*b));
	begin(b, "");
	prop_cells(b, "#address-cells", 1, 1);
	prop_cells(b, "#size-cells", 1, 1);
	begin(b, "chosen");
	prop_strs(b, "seL4,kernel-devices",
		  v == BAD_PATH ? "serial0|/soc/nothing@0" : "serial0|/soc/gic@1000|/timer");
	end(b);
	begin(b, "aliases");
	prop_strs(b, "serial0", "/soc/uart@9000000");
	end(b);
	begin(b, "memory@40000000");
	prop_strs(b, "device_type", "memory");
	if (v != NO_MEM_REG)
		prop_cells(b, "reg", 2, 0x40000000, 0x20000000);
	end(b);
	begin(b, "reserved-memory");
	prop_cells(b, "#address-cells", 1, 1);
	prop_cells(b, "#size-cells", 1, 1);
	prop_raw(b, "ranges", "", 0);
	begin(b, "fw@5ff00000");
	prop_cells(b, "reg", 2, 0x5ff00000, 0x100000);
	prop_raw(b, "no-map", "", 0);
	end(b);
	end(b);
	begin(b, "soc");
	prop_cells(b, "#address-cells", 1, 1);
	prop_cells(b, "#size-cells", 1, 1);
	if (v != NO_RANGES)
		prop_raw(b, "ranges", "", 0);
	prop_cells(b, "interrupt-parent", 1, v == IRQ_LOOP ? 2 : 1);
	begin(b, "gic@1000");
	prop_strs(b, "compatible", "arm,gic-400");
	prop_raw(b, "interrupt-controller", "", 0);
	prop_cells(b, "#interrupt-cells", 1, 3);
	prop_cells(b, "phandle", 1, 1);
	prop_cells(b, "interrupts", 3, 1, 9, 4);
	if (v == REG_BAD)
		prop_cells(b, "reg", 3, 0x1000, 0x1000, 0x2000);
	else
		prop_cells(b, "reg", 4, 0x1000, 0x1000, 0x2000, 0x1000);
	end(b);
	begin(b, "gpc@3000");
	/* a pass-through controller whose own parent is itself: a phandle loop */
	prop_strs(b, "compatible", "fsl,imx6q-gpc");
	prop_raw(b, "interrupt-controller", "", 0);
	prop_cells(b, "#interrupt-cells", 1, 3);
	prop_cells(b, "phandle", 1, 2);
	prop_cells(b, "interrupt-parent", 1, 2);
	end(b);
	begin(b, "uart@9000000");
	prop_strs(b, "compatible", "arm,pl011|arm,primecell");
	prop_cells(b, "reg", 2, 0x9000000, 0x1000);
	end(b);
	end(b);
	begin(b, "timer");
	prop_strs(b, "compatible", "arm,armv7-timer");
	prop_cells(b, "interrupt-parent", 1, 1);
	prop_cells(b, "interrupts", 6, 1, 14, 4, 1, 10, 4);
	end(b);
	end(b);
	blob_finish(b);
}

/* Run the C header, compat and JSON passes on a blob; the diagnostics land in `errs`. */
static int generate(const unsigned char *blob, size_t len, struct sb *errs, struct sb *header, struct sb *json)
{
	struct arena *a = arena_new();
	struct fdt t;
	struct hw_rules rules;
	struct hw_cfg cfg;
	struct hw_flags flags = { 0 };
	diag_capture(errs);
	int rc = fdt_read(&t, a, "t.dtb", blob, len);
	if (!rc)
		rc = hw_rules_read(a, "hardware.yml", rules_text, &rules);
	if (!rc)
		rc = hw_cfg_init(&cfg, "aarch64", (uint64_t)1 << 40);
	struct hw_model m = { a, &t, &rules, &cfg, NULL, 0 };
	if (!rc) {
		irq_find_controllers(&t);
		rc = hw_devices_list(&m, "seL4,kernel-devices", &m.kdevs, &m.nkdevs);
	}
	if (!rc)
		rc = hw_emit_c_header(&m, header);
	if (!rc)
		rc = hw_emit_json(&m, &flags, json);
	diag_capture(NULL);
	arena_free(a);
	return rc;
}

static void expect_blob_error(const unsigned char *blob, size_t len, const char *message)
{
	struct sb errs = SB_INIT, h = SB_INIT, j = SB_INIT;
	CHECK_INT_EQ(generate(blob, len, &errs, &h, &j), -1);
	CHECK_STR_CONTAINS(sb_str(&errs), message);
	sb_release(&errs);
	sb_release(&h);
	sb_release(&j);
}

TEST(good_platform)
{
	struct blob b;
	platform(&b, GOOD);
	struct sb errs = SB_INIT, h = SB_INIT, j = SB_INIT;
	CHECK_INT_EQ(generate(b.out, b.len, &errs, &h, &j), 0);
	CHECK_STR_EQ(sb_str(&errs), "");
	/* memory minus the firmware's no-map range; the device space is what is left below 2^40 */
	CHECK_STR_EQ(sb_str(&j), "{\"devices\": [{\"start\": 0, \"end\": 4096}, {\"start\": 8192, \"end\": 1073741824}, "
				 "{\"start\": 1609564160, \"end\": 1099511627776}], \"memory\": [{\"start\": 1073741824, \"end\": 1609564160}]}");
	CHECK_STR_CONTAINS(sb_str(&h), "#define PHYS_BASE_RAW 0x40000000\n");
	/* GIC SPI 9 -> 41 for the GIC itself; timer PPIs 14 and 10 -> 30 and 26 */
	CHECK_STR_CONTAINS(sb_str(&h), "/* INTERRUPT_VGIC_MAINTENANCE generated from /soc/gic@1000 */\n#define INTERRUPT_VGIC_MAINTENANCE 25\n");
	CHECK_STR_CONTAINS(sb_str(&h), "#ifdef CONFIG_ARM_HYPERVISOR_SUPPORT\n#define KERNEL_TIMER_IRQ 26\n#else\n#define KERNEL_TIMER_IRQ 30\n");
	CHECK_STR_CONTAINS(sb_str(&h), "#define UART_PPTR (KDEV_BASE + 0x0)\n#define GIC_V2_DISTRIBUTOR_PPTR (KDEV_BASE + 0x1000)\n");
	CHECK_STR_CONTAINS(sb_str(&h), "    #ifdef CONFIG_PRINTING\n    /* /soc/uart@9000000 */\n    {\n        .paddr = 0x9000000,\n");
	CHECK_STR_CONTAINS(sb_str(&h), "    /* /memory@40000000 */\n    {\n        .start = 0x40000000,\n        .end   = 0x5ff00000\n    },\n");
	sb_release(&errs);
	sb_release(&h);
	sb_release(&j);
}

TEST(truncated_blob)
{
	struct blob b;
	platform(&b, GOOD);
	expect_blob_error(b.out, 20, "t.dtb: error: offset 0x14: truncated blob: shorter than the 40-byte header");
	expect_blob_error(b.out, b.len - 1, "t.dtb: error: offset 0x");
	expect_blob_error(b.out, b.len - 1, "truncated blob: the header says it is longer than the file");
}

TEST(truncated_structure_block)
{
	struct blob b;
	platform(&b, GOOD);
	/* the header claims a structure block that ends before the END token */
	put32(b.out + 36, 64);
	expect_blob_error(b.out, b.len, "t.dtb: error: offset 0x6c: property value runs past the structure block");
}

TEST(bad_magic)
{
	struct blob b;
	platform(&b, GOOD);
	b.out[0] = 0;
	expect_blob_error(b.out, b.len, "t.dtb: error: offset 0x0: bad magic: not a device tree blob (expected 0xd00dfeed)");
}

TEST(bad_name_offset)
{
	struct blob b;
	platform(&b, GOOD);
	/* the first property of the root: its name offset points past the strings block */
	put32(b.out + 56 + 8 + 8, 0x7fffffff);
	expect_blob_error(b.out, b.len, "t.dtb: error: offset 0x40: property name offset outside the strings block");
}

TEST(reg_not_multiple_of_cells)
{
	struct blob b;
	platform(&b, REG_BAD);
	expect_blob_error(b.out, b.len,
			  "t.dtb: error: property 'reg' of node /soc/gic@1000 has 3 cells, not a multiple of #address-cells + #size-cells = 2");
}

TEST(memory_without_reg)
{
	struct blob b;
	platform(&b, NO_MEM_REG);
	expect_blob_error(b.out, b.len, "t.dtb: error: memory node /memory@40000000 has no 'reg' property");
}

TEST(kernel_device_path_missing)
{
	struct blob b;
	platform(&b, BAD_PATH);
	expect_blob_error(b.out, b.len,
			  "t.dtb: error: /chosen seL4,kernel-devices names /soc/nothing@0, which does not exist in the device tree");
}

TEST(phandle_loop)
{
	struct blob b;
	platform(&b, IRQ_LOOP);
	expect_blob_error(b.out, b.len, "t.dtb: error: interrupt parents of node /soc/gic@1000 form a loop (through /soc/gpc@3000)");
}

TEST(bus_without_ranges)
{
	struct blob b;
	platform(&b, NO_RANGES);
	expect_blob_error(b.out, b.len, "t.dtb: error: cannot translate an address through node /soc: it has no 'ranges'");
}

/* Every truncation of a good blob is refused with a message or read whole: never a crash
 * (ASan watches the reads). */
TEST(every_truncation_is_bounded)
{
	struct blob b;
	platform(&b, GOOD);
	for (size_t len = 0; len < b.len; len++) {
		unsigned char *copy = malloc(len ? len : 1);
		memcpy(copy, b.out, len);
		struct sb errs = SB_INIT, h = SB_INIT, j = SB_INIT;
		CHECK_INT_EQ(generate(copy, len, &errs, &h, &j), -1);
		CHECK_STR_CONTAINS(sb_str(&errs), "t.dtb: error: ");
		sb_release(&errs);
		sb_release(&h);
		sb_release(&j);
		free(copy);
	}
}

/* Every single-byte corruption of the header and the structure block: a message or a result,
 * never a crash. */
TEST(every_byte_flip_is_bounded)
{
	struct blob b;
	platform(&b, GOOD);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char *copy = malloc(b.len);
		memcpy(copy, b.out, b.len);
		copy[i] ^= 0xa5;
		struct sb errs = SB_INIT, h = SB_INIT, j = SB_INIT;
		int rc = generate(copy, b.len, &errs, &h, &j);
		CHECK(rc == 0 || strstr(sb_str(&errs), "error: "));
		sb_release(&errs);
		sb_release(&h);
		sb_release(&j);
		free(copy);
	}
}

static void expect_rules_error(const char *text, const char *message)
{
	struct arena *a = arena_new();
	struct hw_rules r;
	struct sb errs = SB_INIT;
	diag_capture(&errs);
	CHECK_INT_EQ(hw_rules_read(a, "hardware.yml", text, &r), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&errs), message);
	sb_release(&errs);
	arena_free(a);
}

TEST(rules_reader_errors)
{
	expect_rules_error("devices:\n  - compatible: [a, b]\n", "hardware.yml:2:17: error: YAML feature outside the subset");
	expect_rules_error("devices:\n\t- compatible:\n", "hardware.yml:2:1: error: tab in indentation");
	expect_rules_error("devices:\n  - compatible:\n      - a\n    regions:\n      - index: 0755\n        kernel: X\n",
			   "hardware.yml:5:16: error: integer with a leading zero (octal in YAML 1.1)");
	expect_rules_error("devices:\n  - compatible:\n      - a\n    colour: red\n", "hardware.yml:4:1: error: unknown key 'colour'");
	expect_rules_error("devices:\n  - compatible:\n      - a\n    regions:\n      - index: 0\n",
			   "hardware.yml:5:9: error: a region needs 'index' and 'kernel'");
	expect_rules_error("devices:\n  - compatible:\n      - a\n    regions:\n      - index: 0\n        kernel: X\n        user: yes\n",
			   "hardware.yml:7:15: error: ambiguous scalar (a boolean in YAML 1.1)");
	expect_rules_error("devices:\n  - compatible:\n      - a\n    interrupts:\n      IRQ:\n        sel_macro: M\n        index: 1\n",
			   "hardware.yml:6:9: error: 'sel_macro' and 'undef_index' go together");
	expect_rules_error("devices:\n  - compatible:\n      - a\n   regions:\n", "hardware.yml:4:4: error: ");
	expect_rules_error("devices:\n  - compatible:\n      - a\n      - a\n", "hardware.yml:4:9: error: compatible string listed twice in one rule");
	expect_rules_error("devices: &x\n", "hardware.yml:1:10: error: YAML feature outside the subset");
	expect_rules_error("devices:\n  - compatible:\n      - a\n    compatible:\n      - b\n", "hardware.yml:4:5: error: duplicate key");
}

TEST(rules_reader_reads_the_shapes)
{
	struct arena *a = arena_new();
	struct hw_rules r;
	CHECK_INT_EQ(hw_rules_read(a, "hardware.yml", rules_text, &r), 0);
	CHECK_INT_EQ(r.n, 3);
	const struct hw_rule *gic = hw_rules_find(&r, "arm,gic-400");
	CHECK(gic && gic->nregions == 1 && gic->regions[0].has_kernel_size && gic->regions[0].kernel_size == 0x1000);
	const struct hw_rule *uart = hw_rules_find(&r, "arm,pl011");
	CHECK(uart && uart->regions[0].user && !strcmp(uart->regions[0].macro, "CONFIG_PRINTING"));
	const struct hw_rule *timer = hw_rules_find(&r, "arm,armv7-timer");
	CHECK(timer && timer->nirqs == 1 && timer->irqs[0].kind == HW_IRQ_SELECT && timer->irqs[0].undef_index == 0);
	CHECK(!hw_rules_find(&r, "arm,primecell"));
	arena_free(a);
}
