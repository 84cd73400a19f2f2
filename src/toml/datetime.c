/* SPDX-License-Identifier: BSD-2-Clause */
/* RFC 3339 date-times as TOML has them: offset and local date-times, local dates and times. */
#include "toml_internal.h"

static bool dt_error(struct toml_parser *p, size_t off, const char *tok, size_t len, const char *what, const char *why)
{
	return toml_fail(p, off, "invalid %s '%.*s' (%s)", what, (int)len, tok, why);
}

/* n digits at tok[j]; -1 when they are not all there. */
static int num(const char *tok, size_t len, size_t j, size_t n)
{
	int v = 0;
	if (j + n > len)
		return -1;
	for (size_t k = 0; k < n; k++) {
		char c = tok[j + k];
		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	return v;
}

static int days_in_month(int year, int month)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		return 29;
	return dim[month - 1];
}

/* full-date = 4DIGIT "-" 2DIGIT "-" 2DIGIT
 * partial-time = 2DIGIT ":" 2DIGIT ":" 2DIGIT [ "." 1*DIGIT ]
 * date-time = full-date ( "T" / "t" / " " ) partial-time [ "Z" / "z" / ( "+" / "-" ) 2DIGIT ":" 2DIGIT ] */
bool toml_parse_datetime(struct toml_parser *p, size_t off, const char *tok, size_t len, struct toml_value *out)
{
	struct toml_datetime dt = { 0 };
	size_t j = 0;
	bool has_date = len >= 5 && tok[4] == '-';
	const char *what = has_date ? (len > 10 ? "date-time" : "date") : "time";
	if (has_date) {
		dt.year = num(tok, len, 0, 4);
		dt.month = num(tok, len, 5, 2);
		dt.day = num(tok, len, 8, 2);
		if (dt.year < 0 || dt.month < 0 || dt.day < 0 || tok[7] != '-' || (len > 10 && num(tok, len, 10, 1) >= 0))
			return dt_error(p, off, tok, len, what, "expected YYYY-MM-DD");
		if (dt.month < 1 || dt.month > 12)
			return dt_error(p, off, tok, len, what, "month out of range");
		if (dt.day < 1 || dt.day > days_in_month(dt.year, dt.month))
			return dt_error(p, off, tok, len, what, "day out of range");
		j = 10;
		if (j == len) {
			out->kind = TOML_DATE_LOCAL;
			out->u.dt = dt;
			return true;
		}
		if (tok[j] != 'T' && tok[j] != 't' && tok[j] != ' ')
			return dt_error(p, off, tok, len, what, "expected 'T' between date and time");
		j++;
	}
	dt.hour = num(tok, len, j, 2);
	dt.minute = num(tok, len, j + 3, 2);
	dt.second = num(tok, len, j + 6, 2);
	if (dt.hour < 0 || dt.minute < 0 || dt.second < 0 || tok[j + 2] != ':' || tok[j + 5] != ':')
		return dt_error(p, off, tok, len, what, "expected HH:MM:SS");
	if (dt.hour > 23)
		return dt_error(p, off, tok, len, what, "hour out of range");
	if (dt.minute > 59)
		return dt_error(p, off, tok, len, what, "minute out of range");
	if (dt.second > 59)
		return dt_error(p, off, tok, len, what, "second out of range");
	j += 8;
	if (j < len && tok[j] == '.') {
		j++;
		size_t nd = 0;
		uint32_t ns = 0;
		while (j < len && tok[j] >= '0' && tok[j] <= '9') {
			/* Digits past nanoseconds are dropped (truncation, not rounding). */
			if (nd < 9)
				ns = ns * 10 + (uint32_t)(tok[j] - '0');
			nd++;
			j++;
		}
		if (nd == 0)
			return dt_error(p, off, tok, len, what, "expected digits after '.'");
		for (; nd < 9; nd++)
			ns *= 10;
		dt.nanosecond = ns;
	}
	if (!has_date) {
		if (j != len)
			return dt_error(p, off, tok, len, what, "unexpected characters after the time");
		out->kind = TOML_TIME_LOCAL;
		out->u.dt = dt;
		return true;
	}
	out->kind = TOML_DATETIME_LOCAL;
	if (j < len && (tok[j] == 'Z' || tok[j] == 'z')) {
		out->kind = TOML_DATETIME;
		j++;
	} else if (j < len && (tok[j] == '+' || tok[j] == '-')) {
		int oh = num(tok, len, j + 1, 2), om = num(tok, len, j + 4, 2);
		if (oh < 0 || om < 0 || tok[j + 3] != ':')
			return dt_error(p, off, tok, len, what, "expected offset as +HH:MM");
		if (oh > 23 || om > 59)
			return dt_error(p, off, tok, len, what, "offset out of range");
		dt.offset_minutes = (tok[j] == '-' ? -1 : 1) * (oh * 60 + om);
		out->kind = TOML_DATETIME;
		j += 6;
	}
	if (j != len)
		return dt_error(p, off, tok, len, what, "unexpected characters after the time");
	out->u.dt = dt;
	return true;
}
