/* SPDX-License-Identifier: BSD-2-Clause */
/* Entry point to the build's configuration: every CONFIG_ value libsel4 tests comes from here. */
#pragma once

#include <autoconf.h>
