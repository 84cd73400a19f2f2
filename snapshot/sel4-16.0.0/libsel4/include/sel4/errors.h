/* SPDX-License-Identifier: BSD-2-Clause */
/* The error codes an invocation returns in its reply's label. */
#pragma once

typedef enum {
	seL4_NoError = 0,
	seL4_InvalidArgument = 1,
	seL4_InvalidCapability = 2,
	seL4_IllegalOperation = 3,
	seL4_RangeError = 4,
	seL4_AlignmentError = 5,
	seL4_FailedLookup = 6,
	seL4_TruncatedMessage = 7,
	seL4_DeleteFirst = 8,
	seL4_RevokeFirst = 9,
	seL4_NotEnoughMemory = 10,
	seL4_NumErrors /* how many codes there are; keep it last */
} seL4_Error;
