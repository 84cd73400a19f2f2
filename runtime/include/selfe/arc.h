/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * selfe-arc: named data files packed into one archive (`selfe arc pack`) and read in place by a
 * root task.  The layout is the original selfe-arc's version 1, all integers little-endian:
 *
 *     header (17 bytes)    magic "selfearc" (8), version u8 = 1, data start u32, file count u32
 *     directory            file count entries of 272 bytes: name length u8, name (255 bytes,
 *                          zero padded), offset u64 (from data start), length u64
 *     data                 from data start (a multiple of 4 KiB): each file's bytes
 *
 * The reader trusts nothing in the archive: selfe_arc_open checks the header and every entry
 * against the archive's size (with overflow-safe arithmetic), so a corrupt archive yields an
 * error code and never a read outside [base, base + size).  Nothing is copied: names and data
 * point into the archive, which must outlive the struct.  Names are not NUL-terminated.
 */
#ifndef SELFE_RT_ARC_H
#define SELFE_RT_ARC_H

#include <stddef.h>
#include <stdint.h>

#define SELFE_ARC_MAGIC "selfearc"
#define SELFE_ARC_VERSION 1
#define SELFE_ARC_HEADER_SIZE 17
#define SELFE_ARC_ENTRY_SIZE 272
#define SELFE_ARC_NAME_MAX 255
#define SELFE_ARC_ALIGN 4096

/* Results: 0 for success, a negative code otherwise (selfe_arc_strerror names it). */
enum selfe_arc_status {
	SELFE_ARC_OK = 0,
	SELFE_ARC_ERR_ARGUMENT = -1,   /* a null pointer where one is not allowed */
	SELFE_ARC_ERR_TRUNCATED = -2,  /* shorter than the 17-byte header */
	SELFE_ARC_ERR_MAGIC = -3,      /* does not start with "selfearc" */
	SELFE_ARC_ERR_VERSION = -4,    /* a version other than 1 */
	SELFE_ARC_ERR_DATA_START = -5, /* data start past the end, or inside the directory */
	SELFE_ARC_ERR_COUNT = -6,      /* the directory does not fit before data start */
	SELFE_ARC_ERR_NAME = -7,       /* an entry's name is empty or holds a NUL byte */
	SELFE_ARC_ERR_BOUNDS = -8,     /* an entry's data lies (partly) outside the archive */
	SELFE_ARC_ERR_NOT_FOUND = -9,  /* no file has that name */
	SELFE_ARC_ERR_INDEX = -10,     /* entry index >= selfe_arc_count() */
};

struct selfe_arc {
	const unsigned char *base; /* the archive, size bytes */
	size_t size;
	size_t count;      /* entries, all checked by selfe_arc_open */
	size_t data_start; /* offset of the data area */
};

/*
 * Checks the archive at base (size bytes; base may be NULL when size is 0, which is a
 * truncated archive) and fills *arc.  On error *arc is an empty archive: count 0.
 */
int selfe_arc_open(struct selfe_arc *arc, const void *base, size_t size);

/* The number of files. */
size_t selfe_arc_count(const struct selfe_arc *arc);

/*
 * Entry i (0-based, in archive order): its name (name_len bytes, not NUL-terminated) and data.
 * Any output pointer may be NULL.  SELFE_ARC_ERR_INDEX when i is out of range.
 */
int selfe_arc_entry(const struct selfe_arc *arc, size_t i, const char **name, size_t *name_len,
		    const void **data, size_t *len);

/* The file called `name` (a C string): its data and length.  SELFE_ARC_ERR_NOT_FOUND if none. */
int selfe_arc_find(const struct selfe_arc *arc, const char *name, const void **data, size_t *len);

/* A short lowercase description of a status code. */
const char *selfe_arc_strerror(int status);

/*
 * The archive linked into the root task: the bytes from _selfe_arc_start to _selfe_arc_end
 * (`selfe build` puts the [app] files there).  Both symbols are weak: when the program has no
 * archive they are absent and the default archive is empty (count 0, every find NOT_FOUND).
 */
extern const unsigned char _selfe_arc_start[] __attribute__((weak));
extern const unsigned char _selfe_arc_end[] __attribute__((weak));

/* Opens the default archive into *arc (selfe_arc_open's result). */
int selfe_arc_default(struct selfe_arc *arc);
/* selfe_arc_find on the default archive. */
int selfe_arc_find_default(const char *name, const void **data, size_t *len);

#endif
