/* SPDX-License-Identifier: BSD-2-Clause */
/* What the kernel hands the root task at boot: initial cap slots, the boot info frame, its extra blobs. */
#pragma once

#include <sel4/config.h>
#include <sel4/macros.h>
#include <sel4/sel4_arch/constants.h>

/* Fixed slots of the root task's CNode; a slot stays empty when the feature is absent. */
enum seL4_RootCNodeCapSlots {
	seL4_CapNull = 0,
	seL4_CapInitThreadTCB = 1,
	seL4_CapInitThreadCNode = 2,
	seL4_CapInitThreadVSpace = 3,
	seL4_CapIRQControl = 4,
	seL4_CapASIDControl = 5,
	seL4_CapInitThreadASIDPool = 6,
	seL4_CapIOPortControl = 7, /* x86 */
	seL4_CapIOSpace = 8, /* with an IOMMU */
	seL4_CapBootInfoFrame = 9,
	seL4_CapInitThreadIPCBuffer = 10,
	seL4_CapDomain = 11,
	seL4_CapSMMUSIDControl = 12, /* ARM with an SMMU */
	seL4_CapSMMUCBControl = 13, /* ARM with an SMMU */
	seL4_CapInitThreadSC = 14, /* MCS */
	seL4_CapSMC = 15, /* ARM with SMC calls allowed */
	seL4_NumInitialCaps = 16
};

/* The older name of the root VSpace slot. */
#define seL4_CapInitThreadPD seL4_CapInitThreadVSpace

typedef seL4_Word seL4_SlotPos;

/* Slots [start, end) of the root CNode. */
typedef struct seL4_SlotRegion {
	seL4_SlotPos start;
	seL4_SlotPos end;
} seL4_SlotRegion;

/* One untyped cap of the boot info: where it starts, log2 of its size, whether it is device memory. */
typedef struct seL4_UntypedDesc {
	seL4_Word paddr;
	seL4_Uint8 sizeBits;
	seL4_Uint8 isDevice;
	seL4_Uint8 padding[sizeof(seL4_Word) - 2 * sizeof(seL4_Uint8)];
} seL4_UntypedDesc;

SEL4_COMPILE_ASSERT(invalid_seL4_UntypedDesc, sizeof(seL4_UntypedDesc) == 2 * sizeof(seL4_Word));

/*
 * The boot info frame. untypedList stays the last member so that other languages can describe
 * the structure as a fixed header followed by an array.
 */
typedef struct seL4_BootInfo {
	seL4_Word extraLen; /* bytes of extra boot info after this frame */
	seL4_NodeId nodeID;
	seL4_Word numNodes;
	seL4_Word numIOPTLevels; /* 0 without an IOMMU */
	seL4_IPCBuffer *ipcBuffer;
	seL4_SlotRegion empty;
	seL4_SlotRegion sharedFrames;
	seL4_SlotRegion userImageFrames;
	seL4_SlotRegion userImagePaging;
	seL4_SlotRegion ioSpaceCaps;
	seL4_SlotRegion extraBIPages;
	seL4_Word initThreadCNodeSizeBits;
	seL4_Domain initThreadDomain;
#ifdef CONFIG_KERNEL_MCS
	seL4_SlotRegion schedcontrol; /* one SchedControl cap per node */
#endif
	seL4_SlotRegion untyped;
	seL4_UntypedDesc untypedList[CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS];
} seL4_BootInfo;

/* The boot info occupies one small page. */
#define seL4_BootInfoFrameBits seL4_PageBits
#define seL4_BootInfoFrameSize LIBSEL4_BIT(seL4_BootInfoFrameBits)

SEL4_COMPILE_ASSERT(invalid_seL4_BootInfoFrameSize, sizeof(seL4_BootInfo) <= seL4_BootInfoFrameSize)

/* Kinds of blob in the extra boot info; each starts with a seL4_BootInfoHeader. */
typedef enum {
	SEL4_BOOTINFO_HEADER_PADDING = 0,
	SEL4_BOOTINFO_HEADER_X86_VBE = 1,
	SEL4_BOOTINFO_HEADER_X86_MBMMAP = 2,
	SEL4_BOOTINFO_HEADER_X86_ACPI_RSDP = 3,
	SEL4_BOOTINFO_HEADER_X86_FRAMEBUFFER = 4,
	SEL4_BOOTINFO_HEADER_X86_TSC_FREQ = 5, /* in MHz */
	SEL4_BOOTINFO_HEADER_FDT = 6,
	SEL4_BOOTINFO_HEADER_NUM,
	SEL4_FORCE_LONG_ENUM(seL4_BootInfoID)
} seL4_BootInfoID;

/* Opens each blob: its kind and its length in bytes, this header included. */
typedef struct seL4_BootInfoHeader {
	seL4_Word id;
	seL4_Word len;
} seL4_BootInfoHeader;

SEL4_COMPILE_ASSERT(invalid_seL4_BootInfoHeader, sizeof(seL4_BootInfoHeader) == 2 * sizeof(seL4_Word));
