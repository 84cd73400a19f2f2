/* SPDX-License-Identifier: BSD-2-Clause */
/* OUT/.selfe/files: one line per file,
 * "KIND HASH SIZE MTIME_SEC MTIME_NSEC INODE DEVICE CTIME_SEC CTIME_NSEC NAME". */
#include "manifest.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/fs.h"
#include "util/hash.h"

void file_id_of(struct file_id *id, const struct stat *st)
{
	id->size = (long long)st->st_size;
	id->mtime_sec = (long long)st->st_mtim.tv_sec;
	id->mtime_nsec = (long long)st->st_mtim.tv_nsec;
	id->ino = (long long)st->st_ino;
	id->dev = (long long)st->st_dev;
	id->ctime_sec = (long long)st->st_ctim.tv_sec;
	id->ctime_nsec = (long long)st->st_ctim.tv_nsec;
}

bool file_id_equal(const struct file_id *x, const struct file_id *y)
{
	return x->size == y->size && x->mtime_sec == y->mtime_sec && x->mtime_nsec == y->mtime_nsec && x->ino == y->ino &&
	       x->dev == y->dev && x->ctime_sec == y->ctime_sec && x->ctime_nsec == y->ctime_nsec;
}

/* Eight bytes per step (a multiply and a shift-xor mixing each word in): the headers are
 * hashed on every run that cannot take their hash from the manifest, and the byte-wise FNV of
 * util/hash.h is several times slower.  Only compared on this machine, so byte order does not
 * matter. */
uint64_t content_hash(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = HASH_INIT ^ ((uint64_t)len * 0x9e3779b97f4a7c15ull);
	size_t left = len;
	for (; left >= 8; p += 8, left -= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	uint64_t tail = 0;
	memcpy(&tail, p, left);
	h = (h ^ tail ^ ((uint64_t)left << 56)) * 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 29);
}

void manifest_init(struct manifest *m, struct arena *a)
{
	memset(m, 0, sizeof(*m));
	m->a = a;
}

static struct manifest_entry *find(struct manifest *m, char kind, const char *name)
{
	for (size_t k = 0; k < m->count; k++) {
		size_t i = (m->hint + k) % m->count;
		if (m->entries[i].kind == kind && !strcmp(m->entries[i].name, name)) {
			m->hint = i + 1;
			return &m->entries[i];
		}
	}
	return NULL;
}

const struct manifest_entry *manifest_find(struct manifest *m, char kind, const char *name)
{
	return find(m, kind, name);
}

static struct manifest_entry *append(struct manifest *m, char kind, const char *name)
{
	m->entries = arena_grow(m->a, m->entries, &m->cap, m->count + 1, sizeof(*m->entries));
	struct manifest_entry *e = &m->entries[m->count++];
	e->kind = kind;
	e->name = name;
	return e;
}

void manifest_put(struct manifest *m, char kind, const char *name, uint64_t hash, const struct file_id *id)
{
	struct manifest_entry *e = find(m, kind, name);
	if (!e)
		e = append(m, kind, arena_strdup(m->a, name));
	e->hash = hash;
	e->id = *id;
}

void manifest_format(const struct manifest *m, struct sb *out)
{
	for (size_t i = 0; i < m->count; i++) {
		const struct manifest_entry *e = &m->entries[i];
		sb_addf(out, "%c %016" PRIx64 " %lld %lld %lld %lld %lld %lld %lld %s\n", e->kind, e->hash, e->id.size, e->id.mtime_sec,
			e->id.mtime_nsec, e->id.ino, e->id.dev, e->id.ctime_sec, e->id.ctime_nsec, e->name);
	}
}

static bool number(const char **p, const char *end, int base, unsigned long long *v)
{
	if (*p >= end || **p == ' ' || **p == '\n')
		return false;
	char *stop;
	errno = 0;
	*v = strtoull(*p, &stop, base);
	if (errno || stop == *p || stop >= end || *stop != ' ')
		return false;
	*p = stop + 1;
	return true;
}

bool manifest_parse(struct manifest *m, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl || nl - p < 3 || (p[0] != 'T' && p[0] != 'O') || p[1] != ' ')
			goto bad;
		char kind = p[0];
		p += 2;
		unsigned long long v[8];
		for (size_t i = 0; i < 8; i++)
			if (!number(&p, nl, i == 0 ? 16 : 10, &v[i]))
				goto bad;
		if (p >= nl)
			goto bad;
		struct file_id id = { (long long)v[1], (long long)v[2], (long long)v[3], (long long)v[4],
				      (long long)v[5], (long long)v[6], (long long)v[7] };
		/* Names are unique in what manifest_format wrote: appended without a search. */
		struct manifest_entry *e = append(m, kind, arena_strndup(m->a, p, (size_t)(nl - p)));
		e->hash = (uint64_t)v[0];
		e->id = id;
		p = nl + 1;
	}
	return true;
bad:
	m->count = 0;
	m->hint = 0;
	return false;
}

void manifest_load(struct manifest *m, const char *path)
{
	if (access(path, F_OK) != 0)
		return;
	size_t len;
	char *text = fs_read_file(path, &len);
	if (text)
		manifest_parse(m, text, len);
	free(text);
}
