/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What a run read, so that the next run can tell, without doing the work again, that nothing it
 * depends on has changed (selfe gen's up-to-date check).  A recorder is handed down to the code
 * that reads files; every function accepts NULL (nothing recorded), so call sites need no test.
 *
 * Each input is a path and the identity it had when it was read: size, modification and change
 * times in nanoseconds, inode, device, type.  A file's bytes are taken as unchanged while its
 * identity is (what make and ninja assume; the change time also moves on `touch -d`, chmod or a
 * new link).  A folder's identity changes when an entry is added, removed or renamed, so a
 * listing or an existence test is recorded as a folder: the tested path's nearest existing
 * parent.  An environment variable is recorded with a hash of its value.  Anything the recorder
 * cannot follow (a program run by the configuration files) makes the record opaque: it is then
 * never taken as current.
 */
#ifndef SELFE_DEPS_H
#define SELFE_DEPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "util/arena.h"
#include "util/sb.h"

struct deps_id {
	long long size, mtime_sec, mtime_nsec, ctime_sec, ctime_nsec, ino, dev, mode;
};

struct deps_entry {
	char kind;        /* 'F' file or folder (by path), 'E' environment variable (hash of its value), 'O' output */
	const char *name; /* path, variable name, or path below OUT */
	struct deps_id id;
	uint64_t hash; /* 'E': of the value ("unset" hashes differently from every value) */
	bool absent;   /* 'F': did not exist */
};

struct deps {
	struct arena *a;
	struct deps_entry *e;
	size_t n, cap;
	uint64_t key;       /* everything that is not a file: request, options, configuration */
	const char *opaque; /* why the record cannot be trusted, or NULL */
	struct timespec start; /* when the run began: inputs changed near it are not trusted */
};

void deps_init(struct deps *d, struct arena *a);
void deps_id_of(struct deps_id *id, const struct stat *st);
bool deps_id_equal(const struct deps_id *x, const struct deps_id *y);

/* A file whose bytes were read (or a folder whose listing was), by path, stat'ed now. */
void deps_file(struct deps *d, const char *path);
/* The same, with the stat the caller already has. */
void deps_file_stat(struct deps *d, const char *path, const struct stat *st);
/* The existence or type of `path` was tested: its nearest existing parent folder is recorded. */
void deps_probe(struct deps *d, const char *path);
/* getenv(name) was consulted. */
void deps_env(struct deps *d, const char *name);
/* The program `name` as a PATH lookup finds it: $PATH, every folder searched (a program put into
 * an earlier one would be found instead) and the program itself. */
void deps_program(struct deps *d, const char *name);
/* A string that is part of what the outputs are made from. */
void deps_key(struct deps *d, const char *s);
/* Something that cannot be followed happened (`why` for -v). */
void deps_opaque(struct deps *d, const char *why);
/* An output below OUT (`rel`) with its identity. */
void deps_output(struct deps *d, const char *rel, const struct stat *st);

/* Every file below `out` but those in its folder `skip` (a name), as outputs, in walk order. */
int deps_outputs(struct deps *d, const char *out, const char *skip);
/* The record's text; -1 (and `why` set) when it must not be written: opaque, or an input that
 * changed later than DEPS_TRUST_AFTER seconds before the run began (time stamps are coarse: a
 * change right after it was read could have kept them).  Written a clock tick after the newest
 * output, so the next run can trust them. */
#define DEPS_TRUST_AFTER 2
int deps_format(struct deps *d, struct sb *out, const char **why);

/*
 * Whether the record at `path` still describes the world: same key, every input with the same
 * identity, every environment variable with the same value, and `out`'s files (all but those
 * below OUT/`skip`) exactly those recorded with the same identities, each changed before the
 * record was written.  False with `why` set (for -v) otherwise.
 */
bool deps_current(struct arena *a, const char *path, uint64_t key, const char *out, const char *skip, const char **why);

#endif
