#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
#
# Independent checks of selfe's hardware generator outputs against a device tree blob, with
# dtc as the only reader of the blob (no pyfdt, nothing of selfe's):
#   - memory: the JSON "memory" regions cover exactly the memory nodes' ranges minus the no-map
#     reserved ranges, from the header's PHYS_BASE_RAW up;
#   - devices: every kernel frame's .paddr is page aligned and lies in a reg range (translated
#     through the parents' ranges) of a node /chosen seL4,kernel-devices names;
#   - the JSON "devices" regions overlap no memory and end below the address-space top.
# usage: dtcheck.py DTB DEVICES_GEN_H PLATFORM_GEN_JSON ADDRSPACE_MAX PAGE_BITS
# Prints nothing and exits 0 when every check holds; else one line per failure, exit 1.
import json
import re
import subprocess
import sys


class Node:
    def __init__(self, name, parent):
        self.name, self.parent, self.props, self.children = name, parent, {}, []
        self.path = '/' if parent is None else (parent.path.rstrip('/') + '/' + name)


def parse_dts(text):
    root, cur, by_path = None, None, {}
    for raw in text.splitlines():
        line = raw.strip()
        m = re.match(r'^(?:[\w,.+-]+:\s*)*([\w,.@+-]+|/)\s*\{$', line)
        if m:
            cur = Node('' if m.group(1) == '/' else m.group(1), cur)
            if cur.parent:
                cur.parent.children.append(cur)
            else:
                root = cur
            by_path[cur.path] = cur
        elif line == '};':
            cur = cur.parent
        elif line.endswith(';') and cur is not None:
            m = re.match(r'^([^=\s]+)\s*(?:=\s*(.*))?;$', line)
            if m:
                cur.props[m.group(1)] = m.group(2)
    return root, by_path


def cells(value):
    if value is None or not value.startswith('<'):
        return None
    return [int(x, 16) for x in re.findall(r'0x[0-9a-fA-F]+', value)]


def strings(value):
    if value is None or not value.startswith('"'):
        return []
    return [s for s in re.findall(r'"((?:[^"\\]|\\.)*)"', value)][0].split('\\0') if value.count('"') == 2 else \
        re.findall(r'"([^"]*)"', value)


def cell_count(node, name, default):
    v = cells(node.props.get(name)) if node else None
    return v[0] if v else default


def number(cs, n):
    v = 0
    for _ in range(n):
        v = (v << 32) | cs.pop(0)
    return v


def translate(bus, addr):
    # up through every parent bus that has a non-empty ranges
    while bus is not None and bus.parent is not None:
        rng = cells(bus.props.get('ranges'))
        if rng:
            ca, pa, sz = cell_count(bus, '#address-cells', 2), cell_count(bus.parent, '#address-cells', 2), \
                cell_count(bus, '#size-cells', 1)
            while rng:
                c, p, l = number(rng, ca), number(rng, pa), number(rng, sz)
                if c <= addr < c + l:
                    addr = addr - c + p
                    break
        bus = bus.parent
    return addr


def regs(node):
    cs = cells(node.props.get('reg')) or []
    ac, sc = cell_count(node.parent, '#address-cells', 2), cell_count(node.parent, '#size-cells', 1)
    out = []
    while cs:
        b, s = number(cs, ac), number(cs, sc)
        out.append((translate(node.parent, b), s))
    return out


def subtract(ranges, cut):
    out = []
    for b, e in ranges:
        if e <= cut[0] or b >= cut[1]:
            out.append((b, e))
            continue
        if b < cut[0]:
            out.append((b, cut[0]))
        if cut[1] < e:
            out.append((cut[1], e))
    return out


def union(ranges):
    out = []
    for b, e in sorted(r for r in ranges if r[1] > r[0]):
        if out and b <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((b, e))
    return out


def main():
    dtb, header, js, top, page_bits = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    dts = subprocess.run(['dtc', '-q', '-I', 'dtb', '-O', 'dts', dtb], capture_output=True, text=True, check=True).stdout
    root, by_path = parse_dts(dts)
    text = open(header).read()
    data = json.load(open(js))
    bad = []

    mem = []
    for node in by_path.values():
        if strings(node.props.get('device_type')) == ['memory']:
            mem += [(b, b + s) for b, s in regs(node)]
    want = union(mem)
    res = by_path.get('/reserved-memory')
    for child in (res.children if res else []):
        if 'no-map' in child.props and 'reg' in child.props:
            for b, s in regs(child):
                want = subtract(want, (b, b + s))
    phys_base = int(re.search(r'#define PHYS_BASE_RAW (0x[0-9a-f]+)', text).group(1), 16)
    want = union(subtract(want, (0, phys_base)))
    got = union((r['start'], r['end']) for r in data['memory'])
    if got != want:
        bad.append('memory %s, but the device tree says %s' % (
            [(hex(b), hex(e)) for b, e in got], [(hex(b), hex(e)) for b, e in want]))

    chosen = by_path.get('/chosen')
    aliases = by_path.get('/aliases')
    kdev = []
    for p in strings(chosen.props.get('seL4,kernel-devices')) if chosen else []:
        if not p.startswith('/'):
            p = strings(aliases.props.get(p.split(':')[0]))[0]
        kdev.append(by_path[p])
    page = 1 << page_bits
    spans = [((b // page) * page, b + s) for n in kdev for b, s in regs(n)]
    for m in re.finditer(r'\.paddr = (0x[0-9a-f]+)', text):
        a = int(m.group(1), 16)
        if a % page or not any(lo <= a < hi for lo, hi in spans):
            bad.append('kernel frame at %s is not page aligned inside a kernel device\'s reg' % hex(a))

    for r in data['devices']:
        if r['end'] > top or any(r['start'] < e and b < r['end'] for b, e in got):
            bad.append('device region %s..%s overlaps memory or passes the top %s' % (hex(r['start']), hex(r['end']), hex(top)))
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
