-- SPDX-License-Identifier: BSD-2-Clause
-- selfe transcription of seL4 16.0.0 interface facts: 32-bit bitfields shared with the kernel

base 32

block seL4_MessageInfo {
    field label 20
    field capsUnwrapped 3
    field extraCaps 2
    field length 7
}

block seL4_CapRights {
    padding 28
    field capAllowGrantReply 1
    field capAllowGrant 1
    field capAllowRead 1
    field capAllowWrite 1
}

block seL4_CNode_CapData {
    padding 6
    field guard 18
    field guardSize 5
    padding 3
}
