/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The memory and string functions a freestanding C program still needs: compilers emit calls
 * to memcpy, memmove, memset and memcmp on their own (structure copies, zeroing), and libsel4's
 * seL4_DebugNameThread calls strcpy.  The runtime defines the C names (runtime/lib/sel4/
 * string_symbols.c); the work is done by the selfe_rt_ versions, which the host unit tests call
 * without colliding with the host's C library.
 */
#ifndef SELFE_RT_STRING_H
#define SELFE_RT_STRING_H

#include <stddef.h>

void *selfe_rt_memcpy(void *restrict dst, const void *restrict src, size_t n);
void *selfe_rt_memmove(void *dst, const void *src, size_t n);
void *selfe_rt_memset(void *dst, int c, size_t n);
int selfe_rt_memcmp(const void *a, const void *b, size_t n);
size_t selfe_rt_strlen(const char *s);
/* Compares at most n characters; 0 when they agree (strncmp). */
int selfe_rt_strncmp(const char *a, const char *b, size_t n);
int selfe_rt_strcmp(const char *a, const char *b);
/* Copies s, its NUL included, to dst, which must have room (libsel4 calls it with the IPC
 * buffer as dst). */
char *selfe_rt_strcpy(char *restrict dst, const char *restrict src);

/* The C names, as the compiler and libsel4 expect them. */
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *restrict dst, const char *restrict src);

#endif
