#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
#
# A stand-in for the kernel's tools/hardware_gen.py, used by test_diff.c only when the Python
# module pyfdt (which the real generator imports, and which Debian does not package) is missing,
# so that the kernel's own CMake configure can still run for ARM and RISC-V platforms.  Passed as
# -DHARDWARE_GEN_PATH=..., it accepts the generator's command line and writes only its
# compat-strings output: for each node listed in /chosen seL4,kernel-devices (a path, or an alias
# resolved through /aliases), the first compatible string that has a device rule in the
# hardware.yml given by --hardware-config; de-duplicated, sorted, ';'-joined with a trailing ';'.
# It reads the blob with dtc's fdtget and is independent of selfe's C implementation.
import argparse
import subprocess
import sys

import yaml


def strings(dtb, path, prop):
    r = subprocess.run(['fdtget', '-t', 's', dtb, path, prop], capture_output=True, text=True)
    return r.stdout.split() if r.returncode == 0 else None


def main():
    p = argparse.ArgumentParser(allow_abbrev=False)
    p.add_argument('--compat-strings', action='store_true')
    p.add_argument('--dtb', required=True)
    p.add_argument('--hardware-config', required=True)
    p.add_argument('--compat-strings-out', required=True)
    args, _ = p.parse_known_args()
    with open(args.hardware_config) as f:
        rules = {c for dev in yaml.safe_load(f)['devices'] for c in dev['compatible']}
    found = set()
    for path in strings(args.dtb, '/chosen', 'seL4,kernel-devices') or []:
        if not path.startswith('/'):
            path = strings(args.dtb, '/aliases', path.split(':')[0])[0]
        compat = strings(args.dtb, path, 'compatible')
        if not compat:
            sys.exit('compat_strings.py: %s has no compatible strings' % path)
        match = [c for c in compat if c in rules]
        if not match:
            sys.exit('compat_strings.py: no hardware rule for %s' % path)
        found.add(match[0])
    with open(args.compat_strings_out, 'w') as f:
        f.write(';'.join(sorted(found)) + ';\n')


main()
