/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A small regular-expression engine that runs in bounded time and memory on any input.
 *
 * Patterns compile to a program for a Pike VM (a Thompson-NFA simulation that carries group
 * positions): matching costs O(program size x text length) time and O(program size) memory,
 * whatever the pattern, and the program size is capped (RX_MAX_PROGRAM instructions), so no
 * pattern can take the machine down the way a backtracking or DFA-building matcher can.
 *
 * Syntax: the POSIX extended (ERE) subset
 *   literals, '\' before a punctuation character for that character literally
 *   .            any character
 *   [...] [^...] bracket expressions: characters, ranges a-z, classes [:alpha:] [:digit:]
 *                [:alnum:] [:upper:] [:lower:] [:space:] [:blank:] [:punct:] [:print:]
 *                [:graph:] [:cntrl:] [:xdigit:]; ']' first is literal; '\' is literal inside
 *   ^ $          start / end of the text
 *   ( )          group (also numbered for captures, 1..9)
 *   |            alternation
 *   * + ?        repetition; {m} {m,} {m,n} bounded repetition, m, n <= RX_MAX_REPEAT
 *   '{' not followed by a bound is a literal '{'
 * Refused with an error naming the offset: back-references (\1), escapes of letters or digits
 * (\w, \d, ...), [= =] and [. .], unbalanced parentheses or brackets, a repetition of nothing,
 * nesting deeper than RX_MAX_DEPTH, a program larger than RX_MAX_PROGRAM.
 *
 * Among matches starting at the leftmost position, the one a backtracking matcher would prefer
 * wins (greedy repetition, left alternative first), as in CMake's and Perl's engines.
 */
#ifndef SELFE_REGEX_H
#define SELFE_REGEX_H

#include <stdbool.h>
#include <stddef.h>

#define RX_MAX_PROGRAM 4000 /* instructions */
#define RX_MAX_REPEAT 255   /* largest m or n in {m,n} (POSIX RE_DUP_MAX) */
#define RX_MAX_DEPTH 64     /* nesting of groups */
#define RX_MAX_GROUPS 10    /* group 0 (whole match) and 1..9 */

struct rx;

struct rx_error {
	size_t offset;   /* byte offset in the pattern */
	char msg[96];    /* what is wrong there */
};

struct rx_span {
	long start, end; /* -1, -1 when the group took no part in the match */
};

/* Compile `pattern`.  Returns the program, or NULL with *err filled in. */
struct rx *rx_compile(const char *pattern, struct rx_error *err);
void rx_free(struct rx *re);

/*
 * Search text[0..len) for the leftmost match.  `notbol`: the text does not start a line
 * ('^' cannot match at 0).  With ngroups > 0, groups[0..ngroups) receive group positions
 * (group 0 is the whole match).  Returns whether there is a match.
 */
bool rx_search(const struct rx *re, const char *text, size_t len, bool notbol, struct rx_span *groups,
	       size_t ngroups);

#endif
