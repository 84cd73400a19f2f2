/* SPDX-License-Identifier: BSD-2-Clause */
/* A boot image for a built kernel and root task (image.h: image_build). */
#include <stdlib.h>
#include <string.h>

#include "image/image.h"
#include "ldr/image.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/json_read.h"
#include "util/path.h"

static const struct json_value *option(const struct json_value *cfg, const char *key)
{
	return cfg && cfg->kind == JSON_OBJECT ? json_get(cfg, key) : NULL;
}

static bool option_true(const struct json_value *cfg, const char *key)
{
	const struct json_value *v = option(cfg, key);
	return v && v->kind == JSON_BOOL && v->b;
}

/* MAX_NUM_NODES is a string in gen_config.json ("4"). */
static int num_nodes(const struct json_value *cfg, const char *path, uint32_t *out)
{
	const struct json_value *v = option(cfg, "MAX_NUM_NODES");
	*out = 1;
	if (!v)
		return 0;
	if (v->kind != JSON_STRING)
		return diag_error(&(struct loc){ path, 1, 1 }, "MAX_NUM_NODES is not a string");
	char *end;
	long n = strtol(v->text, &end, 10);
	if (end == v->text || *end || n < 1 || n > 64)
		return diag_error(&(struct loc){ path, 1, 1 }, "MAX_NUM_NODES '%s' is not a core count", v->text);
	*out = (uint32_t)n;
	return 0;
}

int image_build(struct arena *a, const struct image_request *req)
{
	size_t len;
	char *text = fs_read_file(req->gen_config_json, &len);
	if (!text)
		return -1;
	const struct json_value *cfg = json_parse(a, req->gen_config_json, text, len);
	free(text);
	if (!cfg)
		return -1;
	uint32_t nodes, flags = 0, pa_bits = 0;
	if (num_nodes(cfg, req->gen_config_json, &nodes))
		return -1;
	if (option_true(cfg, "ARM_HYPERVISOR_SUPPORT") && !strcmp(req->sel4_arch, "aarch64"))
		flags |= LDR_F_HYP;
	if (!strcmp(req->sel4_arch, "aarch64"))
		pa_bits = option_true(cfg, "ARM_PA_SIZE_BITS_44") ? 44 : 40;
	const char *loader = image_loader_build(a, req->sel4_arch, req->cross_prefix, req->work);
	if (!loader)
		return -1;
	const char *dtb = req->kernel_dtb && path_is_file(req->kernel_dtb) ? req->kernel_dtb : NULL;
	char *dir = path_dirname(req->out);
	int rc = fs_mkdirs(dir);
	free(dir);
	if (rc)
		return -1;
	return image_write(loader, req->kernel_elf, req->root_task, dtb, nodes, flags, pa_bits, req->out);
}
