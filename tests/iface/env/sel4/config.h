/* SPDX-License-Identifier: BSD-2-Clause */
/* Test environment for generated stubs: configuration (set by the test's -D flags). */
#pragma once
