/* SPDX-License-Identifier: BSD-2-Clause */
/* Exception IPC needs no RISC-V specific definitions; the file exists because it always has. */
#pragma once
