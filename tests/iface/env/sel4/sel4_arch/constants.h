/* SPDX-License-Identifier: BSD-2-Clause */
/* Test environment for generated stubs: no constants needed. */
#pragma once
