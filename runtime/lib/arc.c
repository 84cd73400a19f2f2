/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The selfe-arc reader.  Every number in the archive is untrusted: sizes are compared before
 * anything is added, in 64-bit arithmetic that cannot wrap, so a corrupt header or entry is an
 * error code and never a read outside the archive (also where size_t is 32 bits).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "selfe/arc.h"

/* Entry fields, from the start of an entry. */
#define ENTRY_NAME_LEN 0
#define ENTRY_NAME 1
#define ENTRY_OFFSET (1 + SELFE_ARC_NAME_MAX)
#define ENTRY_LENGTH (ENTRY_OFFSET + 8)

/* Little-endian reads byte by byte: the archive may sit at any alignment. */
static uint32_t read_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t read_u64(const unsigned char *p)
{
	return (uint64_t)read_u32(p) | (uint64_t)read_u32(p + 4) << 32;
}

struct entry {
	const char *name;
	size_t name_len;
	const unsigned char *data;
	size_t len;
};

/* Reads and checks entry i, which lies inside the directory (selfe_arc_open made sure). */
static int entry_read(const struct selfe_arc *arc, size_t i, struct entry *e)
{
	const unsigned char *p = arc->base + SELFE_ARC_HEADER_SIZE + i * SELFE_ARC_ENTRY_SIZE;
	size_t name_len = p[ENTRY_NAME_LEN];
	if (name_len == 0)
		return SELFE_ARC_ERR_NAME;
	for (size_t k = 0; k < name_len; k++)
		if (p[ENTRY_NAME + k] == 0)
			return SELFE_ARC_ERR_NAME;

	uint64_t offset = read_u64(p + ENTRY_OFFSET);
	uint64_t length = read_u64(p + ENTRY_LENGTH);
	/* data_start <= size, so room cannot underflow; compare before adding anything. */
	uint64_t room = (uint64_t)arc->size - arc->data_start;
	if (offset > room || length > room - offset)
		return SELFE_ARC_ERR_BOUNDS;

	e->name = (const char *)p + ENTRY_NAME;
	e->name_len = name_len;
	e->data = arc->base + arc->data_start + (size_t)offset;
	e->len = (size_t)length;
	return SELFE_ARC_OK;
}

static int open_checked(struct selfe_arc *arc, const unsigned char *base, size_t size)
{
	if (!base && size)
		return SELFE_ARC_ERR_ARGUMENT;
	if (size < SELFE_ARC_HEADER_SIZE)
		return SELFE_ARC_ERR_TRUNCATED;
	for (size_t k = 0; k < 8; k++)
		if (base[k] != (unsigned char)SELFE_ARC_MAGIC[k])
			return SELFE_ARC_ERR_MAGIC;
	if (base[8] != SELFE_ARC_VERSION)
		return SELFE_ARC_ERR_VERSION;
	uint32_t data_start = read_u32(base + 9);
	uint32_t count = read_u32(base + 13);
	if (data_start > size || data_start < SELFE_ARC_HEADER_SIZE)
		return SELFE_ARC_ERR_DATA_START;
	/* The directory must end by data start; divide rather than multiply, which could wrap. */
	if (count > (data_start - SELFE_ARC_HEADER_SIZE) / SELFE_ARC_ENTRY_SIZE)
		return SELFE_ARC_ERR_COUNT;

	arc->base = base;
	arc->size = size;
	arc->data_start = data_start;
	arc->count = count;
	for (size_t i = 0; i < count; i++) {
		struct entry e;
		int status = entry_read(arc, i, &e);
		if (status)
			return status;
	}
	return SELFE_ARC_OK;
}

int selfe_arc_open(struct selfe_arc *arc, const void *base, size_t size)
{
	if (!arc)
		return SELFE_ARC_ERR_ARGUMENT;
	int status = open_checked(arc, base, size);
	if (status)
		*arc = (struct selfe_arc){ 0 };
	return status;
}

size_t selfe_arc_count(const struct selfe_arc *arc)
{
	return arc ? arc->count : 0;
}

int selfe_arc_entry(const struct selfe_arc *arc, size_t i, const char **name, size_t *name_len,
		    const void **data, size_t *len)
{
	if (!arc)
		return SELFE_ARC_ERR_ARGUMENT;
	if (i >= arc->count)
		return SELFE_ARC_ERR_INDEX;
	struct entry e;
	int status = entry_read(arc, i, &e);
	if (status)
		return status;
	if (name)
		*name = e.name;
	if (name_len)
		*name_len = e.name_len;
	if (data)
		*data = e.data;
	if (len)
		*len = e.len;
	return SELFE_ARC_OK;
}

static bool name_equals(const struct entry *e, const char *name)
{
	size_t k = 0;
	for (; k < e->name_len; k++)
		if (name[k] != e->name[k]) /* also stops at name's NUL: entry names hold none */
			return false;
	return name[k] == '\0';
}

int selfe_arc_find(const struct selfe_arc *arc, const char *name, const void **data, size_t *len)
{
	if (!arc || !name)
		return SELFE_ARC_ERR_ARGUMENT;
	for (size_t i = 0; i < arc->count; i++) {
		struct entry e;
		int status = entry_read(arc, i, &e);
		if (status)
			return status;
		if (name_equals(&e, name)) {
			if (data)
				*data = e.data;
			if (len)
				*len = e.len;
			return SELFE_ARC_OK;
		}
	}
	return SELFE_ARC_ERR_NOT_FOUND;
}

const char *selfe_arc_strerror(int status)
{
	switch (status) {
	case SELFE_ARC_OK: return "success";
	case SELFE_ARC_ERR_ARGUMENT: return "null argument";
	case SELFE_ARC_ERR_TRUNCATED: return "archive shorter than its header";
	case SELFE_ARC_ERR_MAGIC: return "not a selfe-arc archive (bad magic)";
	case SELFE_ARC_ERR_VERSION: return "unsupported archive version";
	case SELFE_ARC_ERR_DATA_START: return "data start outside the archive or inside the header";
	case SELFE_ARC_ERR_COUNT: return "file count too large for the directory";
	case SELFE_ARC_ERR_NAME: return "empty name or NUL byte in a name";
	case SELFE_ARC_ERR_BOUNDS: return "file data outside the archive";
	case SELFE_ARC_ERR_NOT_FOUND: return "no such file in the archive";
	case SELFE_ARC_ERR_INDEX: return "entry index out of range";
	}
	return "unknown selfe-arc status";
}
