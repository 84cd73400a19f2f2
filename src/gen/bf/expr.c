/* SPDX-License-Identifier: BSD-2-Clause */
/* Evaluation of .bf integer expressions (sizes, tag values, masks, base parameters). */
#include <string.h>

#include "bf_internal.h"

int bf_eval(const struct bf_expr *e, const struct bf_consts *consts, long long *out)
{
	long long l, r;
	switch (e->kind) {
	case BF_EXPR_INT:
		*out = e->value;
		return 0;
	case BF_EXPR_NAME:
		if (consts && !strcmp(e->name, "word_size")) {
			*out = consts->word_size;
			return 0;
		}
		if (consts && !strcmp(e->name, "canonical_size")) {
			*out = consts->canonical_size;
			return 0;
		}
		diag_error(&e->at, "unknown constant '%s'", e->name);
		if (consts)
			diag_note(&e->at, "a size may use integers, 'word_size' and 'canonical_size'");
		else
			diag_note(&e->at, "only numbers may be used here");
		return -1;
	case BF_EXPR_NEG:
		if (bf_eval(e->lhs, consts, &l) < 0)
			return -1;
		if (__builtin_sub_overflow(0LL, l, out))
			return diag_error(&e->at, "value out of range");
		return 0;
	case BF_EXPR_BINARY:
		break;
	}
	if (bf_eval(e->lhs, consts, &l) < 0 || bf_eval(e->rhs, consts, &r) < 0)
		return -1;
	bool overflow = false;
	switch (e->op) {
	case '+':
		overflow = __builtin_add_overflow(l, r, out);
		break;
	case '-':
		overflow = __builtin_sub_overflow(l, r, out);
		break;
	case '*':
		overflow = __builtin_mul_overflow(l, r, out);
		break;
	default: {
		if (r == 0)
			return diag_error(&e->at, "division by zero");
		if (l == -0x7fffffffffffffffLL - 1 && r == -1)
			return diag_error(&e->at, "value out of range");
		/* Floor division; the remainder takes the divisor's sign. */
		long long q = l / r, m = l % r;
		if (m != 0 && ((m < 0) != (r < 0))) {
			q -= 1;
			m += r;
		}
		*out = e->op == '/' ? q : m;
	}
	}
	if (overflow)
		return diag_error(&e->at, "value out of range");
	return 0;
}
