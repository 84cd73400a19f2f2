/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The archive linked into the root task.  _selfe_arc_start/_selfe_arc_end are weak references:
 * a program linked without an archive resolves them to null, and then has an empty archive.
 */
#include <stddef.h>
#include <stdint.h>

#include "selfe/arc.h"

int selfe_arc_default(struct selfe_arc *arc)
{
	const unsigned char *start = _selfe_arc_start, *end = _selfe_arc_end;
	if (!arc)
		return SELFE_ARC_ERR_ARGUMENT;
	if (!start || !end || (uintptr_t)end <= (uintptr_t)start) {
		*arc = (struct selfe_arc){ 0 };
		return SELFE_ARC_OK;
	}
	return selfe_arc_open(arc, start, (size_t)((uintptr_t)end - (uintptr_t)start));
}

int selfe_arc_find_default(const char *name, const void **data, size_t *len)
{
	struct selfe_arc arc;
	int status = selfe_arc_default(&arc);
	if (status)
		return status;
	return selfe_arc_find(&arc, name, data, len);
}
