/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Layout and validation: evaluates field sizes against each block's base, places fields from
 * the most significant bit down, and checks blocks and tagged unions the way seL4's generator
 * does (plus the faults it would only crash on), reporting every fault found.
 */
#include <string.h>

#include "bf_internal.h"

static const struct bf_block *find_block(const struct bf_file *f, const char *name)
{
	for (size_t i = 0; i < f->nblocks; i++)
		if (!strcmp(f->blocks[i]->name, name))
			return f->blocks[i];
	return NULL;
}

static const struct bf_union *find_union(const struct bf_file *f, const char *name)
{
	for (size_t i = 0; i < f->nunions; i++)
		if (!strcmp(f->unions[i]->name, name))
			return f->unions[i];
	return NULL;
}

static const struct bf_field *find_field(const struct bf_block *b, const char *name)
{
	for (size_t i = 0; i < b->nfields; i++)
		if (b->fields[i].name && !strcmp(b->fields[i].name, name))
			return &b->fields[i];
	return NULL;
}

/* Names share one namespace: generated functions of a block and a union would collide. */
static int check_names(const struct bf_file *f)
{
	int rc = 0;
	for (size_t i = 0; i < f->nblocks; i++)
		for (size_t j = 0; j < i; j++)
			if (!strcmp(f->blocks[i]->name, f->blocks[j]->name)) {
				rc = diag_error(&f->blocks[i]->at, "block '%s' is defined twice", f->blocks[i]->name);
				diag_note(&f->blocks[j]->at, "first defined here");
				break;
			}
	for (size_t i = 0; i < f->nunions; i++) {
		const struct bf_union *u = f->unions[i];
		for (size_t j = 0; j < i; j++)
			if (!strcmp(u->name, f->unions[j]->name)) {
				rc = diag_error(&u->at, "tagged union '%s' is defined twice", u->name);
				diag_note(&f->unions[j]->at, "first defined here");
				break;
			}
		const struct bf_block *b = find_block(f, u->name);
		if (b) {
			rc = diag_error(&u->at, "tagged union '%s' has the name of a block", u->name);
			diag_note(&b->at, "the block is defined here");
		}
	}
	return rc;
}

static int layout_block(struct arena *a, struct bf_block *b)
{
	const struct bf_base *base = b->base;
	struct bf_consts consts = { base->size, base->bits };
	int rc = 0;
	unsigned long long total = 0;
	for (size_t i = 0; i < b->nfields; i++) {
		struct bf_field *fl = &b->fields[i];
		long long size;
		if (bf_eval(fl->size_expr, &consts, &size) < 0) {
			rc = -1;
			continue;
		}
		if (fl->name && size <= 0) {
			rc = diag_error(&fl->at, "field '%s' of block '%s' has size %lld", fl->name, b->name, size);
			diag_note(&fl->at, "a field needs at least one bit");
			continue;
		}
		if (!fl->name && size < 0) {
			rc = diag_error(&fl->at, "padding in block '%s' has negative size %lld", b->name, size);
			continue;
		}
		if (size > 0x10000000) {
			rc = diag_error(&fl->at, "size %lld is too large", size);
			continue;
		}
		fl->size = (unsigned)size;
		total += (unsigned long long)size;
	}
	if (rc < 0)
		return rc;
	if (total > 0x10000000)
		return diag_error(&b->at, "block '%s' is too large (%llu bits)", b->name, total);
	b->size = (unsigned)total;
	unsigned offset = b->size;
	size_t cap = 0;
	for (size_t i = 0; i < b->nfields; i++) {
		struct bf_field *fl = &b->fields[i];
		offset -= fl->size;
		fl->offset = offset;
		if (!fl->name)
			continue;
		for (size_t j = 0; j < i; j++)
			if (b->fields[j].name && !strcmp(b->fields[j].name, fl->name)) {
				rc = diag_error(&fl->at, "block '%s' has two fields named '%s'", b->name, fl->name);
				diag_note(&b->fields[j].at, "the first one is here");
				break;
			}
		if (!b->has_order) {
			b->params = arena_grow(a, b->params, &cap, b->nparams + 1, sizeof(*b->params));
			b->params[b->nparams++] = fl->name;
		}
	}
	if (b->has_order) {
		for (size_t i = 0; i < b->norder; i++) {
			if (!find_field(b, b->order[i]))
				rc = diag_error(&b->order_at[i], "'%s' in the parameter order of block '%s' is not one of its fields", b->order[i], b->name);
			for (size_t j = 0; j < i; j++)
				if (!strcmp(b->order[i], b->order[j])) {
					rc = diag_error(&b->order_at[i], "'%s' is listed twice in the parameter order of block '%s'", b->order[i], b->name);
					break;
				}
		}
		for (size_t i = 0; i < b->nfields; i++) {
			const struct bf_field *fl = &b->fields[i];
			bool listed = false;
			for (size_t j = 0; j < b->norder && fl->name && !listed; j++)
				listed = !strcmp(b->order[j], fl->name);
			if (fl->name && !listed)
				rc = diag_error(&fl->at, "field '%s' is missing from the parameter order of block '%s'", fl->name, b->name);
		}
		b->params = b->order;
		b->nparams = b->norder;
	}
	if (b->size % base->size) {
		rc = diag_error(&b->at, "block '%s' has %u bits, not a multiple of the base size %u", b->name, b->size, base->size);
		diag_note(&b->at, "pad it to %u bits", (b->size / base->size + 1) * base->size);
	}
	b->nwords = b->size / base->size;
	for (size_t i = 0; i < b->nfields; i++) {
		const struct bf_field *fl = &b->fields[i];
		if (!fl->name)
			continue;
		if (fl->offset / base->size != (fl->offset + fl->size - 1) / base->size)
			rc = diag_error(&fl->at, "field '%s' of block '%s' crosses a word boundary (bits %u to %u, base %u)",
					fl->name, b->name, fl->offset, fl->offset + fl->size - 1, base->size);
		else if (fl->high && fl->size > base->bits && fl->size < base->size)
			rc = diag_error(&fl->at, "high field '%s' of block '%s' has %u bits, more than the canonical size %u",
					fl->name, b->name, fl->size, base->bits);
	}
	b->laid_out = rc == 0;
	return rc;
}

static unsigned long long low_bits(unsigned long long n)
{
	return n >= 64 ? ~0ULL : (1ULL << n) - 1;
}

/* The tag field of a variant (`name` is the tag or one slice). */
static const struct bf_field *tag_field(const struct bf_union *u, const struct bf_tag *t, const char *name)
{
	const struct bf_field *fl = find_field(t->block, name);
	if (!fl) {
		diag_error(&t->at, "block '%s' in tagged union '%s' has no tag field '%s'", t->block->name, u->name, name);
		diag_note(&t->block->at, "the block is defined here");
	}
	return fl;
}

/* Every width (or slice) of the tag must sit in the same word. */
static int tag_in_one_word(struct bf_union *u)
{
	unsigned W = u->base->size;
	u->tag_index = u->parts[0].offset / W;
	for (size_t k = 1; k < u->nparts; k++)
		if (u->parts[k].offset / W != u->tag_index)
			return diag_error(&u->at, "the tag of tagged union '%s' is in word %u for %u-bit tags but in word %u for %u-bit tags",
					  u->name, u->parts[k].offset / W, u->parts[k].width, u->tag_index, u->parts[0].width);
	return 0;
}

/* Variable-width tags: one part per width, with the class masks that tell the widths apart. */
static int make_classes(struct arena *a, struct bf_union *u)
{
	int rc = 0;
	size_t cap = 0;
	/* widths used by the variants, ascending; a width's offset is that of its last variant */
	for (size_t i = 0; i < u->ntags; i++) {
		const struct bf_field *fl = find_field(u->tags[i].block, u->tagname);
		size_t k = 0;
		while (k < u->nparts && u->parts[k].width < fl->size)
			k++;
		if (k < u->nparts && u->parts[k].width == fl->size) {
			u->parts[k].offset = fl->offset;
			continue;
		}
		u->parts = arena_grow(a, u->parts, &cap, u->nparts + 1, sizeof(*u->parts));
		memmove(&u->parts[k + 1], &u->parts[k], (u->nparts - k) * sizeof(*u->parts));
		u->parts[k] = (struct bf_tag_part){ fl->size, fl->offset, 0 };
		u->nparts++;
	}
	u->class_offset = u->parts[0].offset;
	for (size_t k = 1; k < u->nparts; k++)
		if (u->parts[k].offset < u->class_offset)
			u->class_offset = u->parts[k].offset;
	/* Checked here already so that class masks, relative to the class offset, fit a word. */
	if (tag_in_one_word(u) < 0)
		return -1;

	bool *have = arena_alloc(a, u->nparts * sizeof(*have));
	for (size_t m = 0; m < u->nmasks; m++) {
		const struct bf_mask *mk = &u->masks[m];
		size_t k = 0;
		while (k < u->nparts && u->parts[k].width != (unsigned long long)mk->width)
			k++;
		for (size_t j = 0; j < m; j++)
			if (u->masks[j].width == mk->width) {
				rc = diag_error(&mk->at, "tagged union '%s' has two masks for %lld-bit tags", u->name, mk->width);
				break;
			}
		if (k == u->nparts) {
			rc = diag_error(&mk->at, "mask for %lld-bit tags in tagged union '%s', but no variant's '%s' has %lld bits",
					mk->width, u->name, u->tagname, mk->width);
			continue;
		}
		if (mk->mask < 0 || (unsigned long long)mk->mask > low_bits(u->parts[k].width)) {
			rc = diag_error(&mk->at, "mask 0x%llx does not fit in a %u-bit tag", (unsigned long long)mk->mask, u->parts[k].width);
			continue;
		}
		have[k] = true;
		u->parts[k].classmask = (unsigned long long)mk->mask << (u->parts[k].offset - u->class_offset);
	}
	if (rc < 0)
		return rc;
	if (u->nmasks == 0) {
		if (u->nparts > 1) {
			diag_error(&u->at, "the variants of tagged union '%s' have '%s' fields of %u and %u bits, and no masks tell them apart",
				   u->name, u->tagname, u->parts[0].width, u->parts[1].width);
			diag_note(&u->at, "declare 'mask WIDTH CLASSMASK' for each width, or give every '%s' the same size", u->tagname);
			return -1;
		}
		return 0;
	}
	for (size_t k = 0; k < u->nparts; k++)
		if (!have[k])
			rc = diag_error(&u->at, "tagged union '%s' has no mask for its %u-bit '%s' fields", u->name, u->parts[k].width, u->tagname);
	if (rc < 0)
		return rc;
	if (u->nparts > 1 && u->parts[0].classmask == 0)
		return diag_error(&u->at, "the mask for the narrowest (%u-bit) tags of tagged union '%s' is zero", u->parts[0].width, u->name);
	for (size_t k = 1; k + 1 < u->nparts; k++)
		if (u->parts[k - 1].classmask == u->parts[k].classmask)
			return diag_error(&u->at, "tagged union '%s' has the same mask for %u-bit and %u-bit tags",
					  u->name, u->parts[k - 1].width, u->parts[k].width);
	for (size_t k = 1; k < u->nparts; k++)
		if ((u->parts[k].classmask & u->parts[k - 1].classmask) != u->parts[k - 1].classmask)
			return diag_error(&u->at, "in tagged union '%s' the mask for %u-bit tags does not include the mask for %u-bit tags",
					  u->name, u->parts[k].width, u->parts[k - 1].width);
	return 0;
}

/* A variant's value must fit its width, match every narrower class mask, and (unless it is the
 * widest) not match its own. */
static int check_value_in_class(const struct bf_union *u, const struct bf_tag *t, unsigned width)
{
	size_t k = 0;
	while (u->parts[k].width != width)
		k++;
	unsigned long long v = t->value;
	if ((long long)t->values[0] < 0 || v > low_bits(width)) {
		diag_error(&t->at, "tag value %lld of '%s' in tagged union '%s' does not fit its %u-bit '%s' field",
			   t->values[0], t->name, u->name, width, u->tagname);
		return -1;
	}
	unsigned long long cv = v << (u->parts[k].offset - u->class_offset);
	for (size_t j = 0; j < k; j++)
		if ((cv & u->parts[j].classmask) != u->parts[j].classmask)
			return diag_error(&t->at, "tag value %llu of '%s' (%u bits) in tagged union '%s' does not match the mask for %u-bit tags",
					  v, t->name, width, u->name, u->parts[j].width);
	if (k + 1 < u->nparts && (cv & u->parts[k].classmask) == u->parts[k].classmask)
		return diag_error(&t->at, "tag value %llu of '%s' in tagged union '%s' matches the mask for %u-bit tags, so it would read as a wider tag",
				  v, t->name, u->name, width);
	return 0;
}

static int resolve_values(struct bf_union *u)
{
	int rc = 0;
	unsigned total = 0;
	for (size_t s = 0; s < u->nparts && u->sliced; s++)
		total += u->parts[s].width;
	for (size_t i = 0; i < u->ntags; i++) {
		struct bf_tag *t = &u->tags[i];
		if (!u->sliced) {
			if (t->nvalues != 1) {
				rc = diag_error(&t->at, "tag '%s' of tagged union '%s' has %zu values; the tag is one field", t->name, u->name, t->nvalues);
				continue;
			}
			t->value = (unsigned long long)t->values[0];
		} else if (t->nvalues == 1) {
			/* The slices' values already packed, first slice lowest. */
			if (t->values[0] < 0 || (unsigned long long)t->values[0] > low_bits(total)) {
				rc = diag_error(&t->at, "tag value %lld of '%s' does not fit the %u bits of the slices of '%s'",
						t->values[0], t->name, total, u->tagname);
				continue;
			}
			t->value = (unsigned long long)t->values[0];
		} else if (t->nvalues != u->nparts) {
			rc = diag_error(&t->at, "tag '%s' of tagged union '%s' has %zu values for %zu tag slices", t->name, u->name, t->nvalues, u->nparts);
			continue;
		} else {
			unsigned long long packed = 0;
			unsigned pos = 0;
			for (size_t s = 0; s < u->nparts; s++) {
				if (t->values[s] < 0 || (unsigned long long)t->values[s] > low_bits(u->parts[s].width)) {
					rc = diag_error(&t->at, "value %lld for slice '%s' of tag '%s' does not fit in %u bits",
							t->values[s], u->slices[s], t->name, u->parts[s].width);
					break;
				}
				packed |= (unsigned long long)t->values[s] << pos;
				pos += u->parts[s].width;
			}
			t->value = packed;
		}
		for (size_t j = 0; j < i; j++) {
			if (!strcmp(u->tags[j].name, t->name)) {
				rc = diag_error(&t->at, "tagged union '%s' lists '%s' twice", u->name, t->name);
				break;
			}
			if (u->tags[j].value == t->value) {
				rc = diag_error(&t->at, "tags '%s' and '%s' of tagged union '%s' have the same value %llu",
						u->tags[j].name, t->name, u->name, t->value);
				break;
			}
		}
	}
	return rc;
}

static int layout_union(struct arena *a, const struct bf_file *f, struct bf_union *u)
{
	int rc = 0;
	if (u->ntags == 0)
		return diag_error(&u->at, "tagged union '%s' has no tags", u->name);
	if (u->nslices == 1 && strcmp(u->slices[0], u->tagname)) {
		diag_error(&u->slices_at[0], "tagged union '%s' has a single tag slice '%s'", u->name, u->slices[0]);
		diag_note(&u->slices_at[0], "name the tag field '%s' directly, without a slice list", u->slices[0]);
		return -1;
	}
	u->sliced = u->nslices > 1;
	if (u->sliced && u->nmasks)
		return diag_error(&u->masks[0].at, "tagged union '%s' has both tag slices and masks", u->name);
	for (size_t s = 0; s < u->nslices; s++)
		for (size_t j = 0; j < s; j++)
			if (!strcmp(u->slices[s], u->slices[j]))
				return diag_error(&u->slices_at[s], "tag slice '%s' is listed twice", u->slices[s]);
	for (size_t i = 0; i < u->ntags; i++) {
		struct bf_tag *t = &u->tags[i];
		t->block = (struct bf_block *)find_block(f, t->name);
		if (!t->block) {
			const struct bf_union *other = find_union(f, t->name);
			if (other)
				rc = diag_error(&t->at, "tag '%s' of tagged union '%s' names a tagged union, not a block", t->name, u->name);
			else
				rc = diag_error(&t->at, "tag '%s' of tagged union '%s' names no block", t->name, u->name);
			continue;
		}
		if (!t->block->laid_out)
			rc = -1; /* its layout failed; already reported */
		else if (u->sliced) {
			for (size_t s = 0; s < u->nslices; s++)
				if (!tag_field(u, t, u->slices[s]))
					rc = -1;
		} else if (!tag_field(u, t, u->tagname)) {
			rc = -1;
		}
	}
	if (rc < 0)
		return rc;

	if (u->sliced) {
		/* Slices are placed as in the first variant; the others are checked against it. */
		u->parts = arena_alloc(a, u->nslices * sizeof(*u->parts));
		u->nparts = u->nslices;
		for (size_t s = 0; s < u->nslices; s++) {
			const struct bf_field *fl = find_field(u->tags[0].block, u->slices[s]);
			u->parts[s] = (struct bf_tag_part){ fl->size, fl->offset, 0 };
		}
	} else if (make_classes(a, u) < 0) {
		return -1;
	}
	if (resolve_values(u) < 0)
		return -1;

	const struct bf_block *first = u->tags[0].block;
	for (size_t i = 0; i < u->ntags; i++) {
		struct bf_tag *t = &u->tags[i];
		const struct bf_block *b = t->block;
		if (b->base->size != u->base->size) {
			rc = diag_error(&t->at, "block '%s' has base %u but tagged union '%s' has base %u",
					b->name, b->base->size, u->name, u->base->size);
			continue;
		}
		if (b->size != first->size) {
			rc = diag_error(&t->at, "block '%s' has %u bits but '%s', the first variant of tagged union '%s', has %u",
					b->name, b->size, first->name, u->name, first->size);
			continue;
		}
		size_t nnames = u->sliced ? u->nslices : 1;
		for (size_t s = 0; s < nnames; s++) {
			const char *name = u->sliced ? u->slices[s] : u->tagname;
			const struct bf_field *fl = find_field(b, name);
			const struct bf_tag_part *part = &u->parts[s];
			if (!u->sliced)
				for (part = u->parts; part->width != fl->size; part++)
					;
			if (fl->offset != part->offset) {
				rc = diag_error(&fl->at, "tag field '%s' of block '%s' is at bit %u, but at bit %u in other variants of tagged union '%s'",
						name, b->name, fl->offset, part->offset, u->name);
				diag_note(&t->at, "'%s' is a variant here", b->name);
			} else if (u->sliced && fl->size != part->width) {
				rc = diag_error(&fl->at, "tag slice '%s' of block '%s' has %u bits, but %u in '%s'",
						name, b->name, fl->size, part->width, first->name);
				diag_note(&t->at, "'%s' is a variant here", b->name);
			} else if (!u->sliced && check_value_in_class(u, t, fl->size) < 0) {
				rc = -1;
			} else if (fl->high) {
				rc = diag_error(&fl->at, "tag field '%s' of block '%s' is a high field", name, b->name);
			}
		}
		t->block->tagged = true;
	}
	if (rc < 0)
		return rc;
	u->size = first->size;
	u->nwords = u->size / u->base->size;
	if (u->sliced && tag_in_one_word(u) < 0)
		return -1;
	if (u->sliced) {
		u->tag_mask = 0;
		for (size_t k = 0; k < u->nparts; k++)
			u->tag_mask |= low_bits(u->parts[k].width) << (u->parts[k].offset % u->base->size);
	}
	return 0;
}

int bf_layout(struct arena *a, struct bf_file *f)
{
	int rc = check_names(f);
	for (size_t i = 0; i < f->nblocks; i++)
		if (layout_block(a, f->blocks[i]) < 0)
			rc = -1;
	for (size_t i = 0; i < f->nunions; i++)
		if (layout_union(a, f, f->unions[i]) < 0)
			rc = -1;
	return rc;
}
