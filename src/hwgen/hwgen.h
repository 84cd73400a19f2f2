/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * selfe's hardware generator: the kernel's tools/hardware_gen.py in C.  From a platform's
 * device tree blob and the kernel's hardware rules (tools/hardware.yml) it writes the kernel's
 * compatible-strings list, devices_gen.h, platform_gen.yaml, platform_gen.json and the
 * elfloader header, byte for byte as the Python does.
 */
#ifndef SELFE_HWGEN_H
#define SELFE_HWGEN_H

/*
 * hardware_gen.py's command line (argv[0] is the script or command name):
 *   --dtb F --hardware-config F --hardware-schema F --sel4arch A [--addrspace-max N]
 *   [--kernel-config-flags K=V...]... [--enable-profiling]
 *   [--c-header --header-out F] [--compat-strings --compat-strings-out F]
 *   [--elfloader --elfloader-out F] [--json --json-out F] [--yaml --yaml-out F]
 * 0 on success, 2 after reporting why not.
 */
int hwgen_main(int argc, char **argv);

struct sb;
/*
 * The compatible strings of the kernel's devices ("a;b;\n", sorted, once each; ";\n" for none)
 * in the blob `dtb` under the rules file `rules`: what --compat-strings writes, and the one
 * device-tree fact the kernel's configure reads back (it chooses driver sources and timer
 * options).  Appended to `out`.  0, or -1 after reporting.
 */
int hwgen_compat_strings(const char *dtb, const char *rules, struct sb *out);

#endif
