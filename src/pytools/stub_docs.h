/* SPDX-License-Identifier: BSD-2-Clause */
/* The doxygen comments of seL4's stub generator (see stub_docs.c). */
#ifndef SELFE_PYTOOLS_STUB_DOCS_H
#define SELFE_PYTOOLS_STUB_DOCS_H

#include <stdbool.h>

#include "gen/iface/iface.h"

/* Sets .doc of every method of `api`, loaded from `path`; 0, or -1 after reporting. */
int stub_docs_attach(struct arena *a, struct iface_api *api, const char *path, const char *sel4_arch, bool mcs, bool vtx64);

#endif
