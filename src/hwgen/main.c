/* SPDX-License-Identifier: BSD-2-Clause */
#include "hwgen/hwgen.h"
#include "util/diag.h"

int hwgen_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	diag_error(NULL, "hardware-gen: not implemented yet");
	return 2;
}
