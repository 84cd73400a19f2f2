/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel configuration's values, read once from where a build left them: a kernel build's
 * gen_config.json (keys without the CONFIG_ prefix; booleans true/false, the rest strings) or a
 * libsel4 folder's kernel/gen_config.h (seL4's layout of the same values: "#define CONFIG_X 1",
 * "#define CONFIG_X value", and "disabled: CONFIG_X" comments for booleans that are off).
 */
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"
#include "util/fs.h"

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

static void put(struct arena *a, struct json_value *obj, size_t *cap, const char *key, size_t klen,
		const struct json_value *v)
{
	size_t want = obj->count + 1;
	if (want > *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		struct json_value *items = arena_alloc(a, ncap * sizeof(*items));
		const char **keys = arena_alloc(a, ncap * sizeof(*keys));
		if (obj->count) {
			memcpy(items, obj->items, obj->count * sizeof(*items));
			memcpy(keys, obj->keys, obj->count * sizeof(*keys));
		}
		obj->items = items;
		obj->keys = keys;
		*cap = ncap;
	}
	obj->keys[obj->count] = arena_strndup(a, key, klen);
	obj->items[obj->count++] = *v;
}

/* The name after "CONFIG_" at p, its length in *n. */
static const char *config_name(const char *p, const char *end, size_t *n)
{
	if ((size_t)(end - p) < 7 || strncmp(p, "CONFIG_", 7))
		return NULL;
	p += 7;
	const char *s = p;
	while (p < end && (*p == '_' || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
		p++;
	*n = (size_t)(p - s);
	return *n ? s : NULL;
}

static const struct json_value *from_header(struct arena *a, const char *text, size_t len)
{
	struct json_value *obj = arena_alloc(a, sizeof(*obj));
	memset(obj, 0, sizeof(*obj));
	obj->kind = JSON_OBJECT;
	size_t cap = 0;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		size_t n;
		const char *name;
		struct json_value v = { 0 };
		if (!strncmp(p, "#define ", 8) && (name = config_name(p + 8, eol, &n))) {
			const char *val = name + n;
			while (val < eol && *val == ' ')
				val++;
			if (eol - val == 1 && *val == '1') {
				v.kind = JSON_BOOL;
				v.b = true;
			} else {
				v.kind = JSON_STRING;
				v.text = arena_strndup(a, val, (size_t)(eol - val));
				v.len = (size_t)(eol - val);
			}
			put(a, obj, &cap, name, n, &v);
		} else if (!strncmp(p, "/* disabled: ", 13) && (name = config_name(p + 13, eol, &n))) {
			v.kind = JSON_BOOL;
			put(a, obj, &cap, name, n, &v);
		}
		p = eol + 1;
	}
	return obj;
}

const struct json_value *kernel_config_read(struct arena *a, const char *path)
{
	size_t len;
	char *text = fs_read_file(path, &len);
	if (!text)
		return NULL;
	const struct json_value *v = ends_with(path, ".json") ? json_parse(a, path, text, len) : from_header(a, text, len);
	free(text);
	if (v && v->kind != JSON_OBJECT)
		return diag_error(&(struct loc){ path, 1, 1 }, "expected a JSON object of kernel options"), NULL;
	return v;
}

bool kernel_config_bool(const struct json_value *config, const char *name)
{
	const struct json_value *v = config ? json_get(config, name) : NULL;
	return v && v->kind == JSON_BOOL && v->b;
}

const char *kernel_config_string(const struct json_value *config, const char *name)
{
	const struct json_value *v = config ? json_get(config, name) : NULL;
	return v && (v->kind == JSON_STRING || v->kind == JSON_NUMBER) ? v->text : NULL;
}

const char *kernel_config_true_suffix(const struct json_value *config, const char *prefix)
{
	size_t n = strlen(prefix);
	for (size_t i = 0; config && config->kind == JSON_OBJECT && i < config->count; i++)
		if (!strncmp(config->keys[i], prefix, n) && config->items[i].kind == JSON_BOOL && config->items[i].b)
			return config->keys[i] + n;
	return NULL;
}

bool kernel_config_flag(void *config, const char *name)
{
	return kernel_config_bool(config, name);
}
