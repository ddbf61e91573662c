/*
 * date: calendar arithmetic on "YYYY-MM-DD" dates, by a day count since 0001-01-01 (day 0).
 *
 * The count follows Howard Hinnant's days_from_civil, shifted so the year starts in March and the leap day
 * ends it.  Depends on util (which dates are real) only.
 */
#include "date.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

#define DATE_MAX_DAY 3652058	/* 9999-12-31 */

/* The year, month and day of a real date written "YYYY-MM-DD"; false if it is not one. */
static bool date_split(const char *iso, int *y, int *m, int *d)
{
	if (!util_date_iso(iso))
		return false;
	return sscanf(iso, "%4d-%2d-%2d", y, m, d) == 3;
}

/* Write a real date as "YYYY-MM-DD" into out. */
static void date_put(int y, int m, int d, char out[DATE_ISO_SIZE])
{
	snprintf(out, DATE_ISO_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

/* The day count of a real date. */
static int64_t date_count(int y, int m, int d)
{
	int64_t yy = y - (m <= 2);
	int64_t era = yy / 400, yoe = yy % 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 306;	/* 0001-01-01 is day 0 */
}

/* Write the date of day count n (0 to DATE_MAX_DAY) into out. */
static void date_write(int64_t n, char out[DATE_ISO_SIZE])
{
	n += 306;
	int64_t era = n / 146097, doe = n % 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	int y = (int)(yoe + era * 400 + (m <= 2));
	date_put(y, m, d, out);
}

bool date_add_days(const char *iso, int64_t days, char out[DATE_ISO_SIZE])
{
	int y, m, d;
	if (!date_split(iso, &y, &m, &d) || days < -DATE_MAX_DAY || days > DATE_MAX_DAY)
		return false;
	int64_t n = date_count(y, m, d) + days;
	if (n < 0 || n > DATE_MAX_DAY)
		return false;
	date_write(n, out);
	return true;
}

bool date_add_months(const char *iso, int64_t months, char out[DATE_ISO_SIZE])
{
	int y, m, d;
	if (!date_split(iso, &y, &m, &d) || months < -12 * 10000 || months > 12 * 10000)
		return false;
	int64_t total = (int64_t)y * 12 + (m - 1) + months;
	if (total < 12 || total >= 12 * 10000)
		return false;
	int ny = (int)(total / 12), nm = (int)(total % 12) + 1;
	while (!util_date_real(ny, nm, d))
		d--;	/* the last day of a shorter month */
	date_put(ny, nm, d, out);
	return true;
}

bool date_days_between(const char *a, const char *b, int64_t *out)
{
	int ya, ma, da, yb, mb, db;
	if (!date_split(a, &ya, &ma, &da) || !date_split(b, &yb, &mb, &db))
		return false;
	*out = date_count(yb, mb, db) - date_count(ya, ma, da);
	return true;
}

bool date_parse(const char *in, char out[DATE_ISO_SIZE])
{
	int y, m, d, n = 0;
	char sep1, sep2;
	if (in[strspn(in, "0123456789-./")])
		return false;	/* sscanf would take signs and spaces inside: "+1-+2-2000", "27- 2-2025" */
	if (sscanf(in, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 && !in[n] && y >= 1000) {
		/* ISO */
	} else if (sscanf(in, "%2d%c%2d%c%4d%n", &d, &sep1, &m, &sep2, &y, &n) == 5 && !in[n] && sep1 == sep2 &&
		   (sep1 == '-' || sep1 == '.' || sep1 == '/') && y >= 1000) {
		/* day first, as written in Denmark */
	} else {
		return false;
	}
	if (!util_date_real(y, m, d))
		return false;
	date_put(y, m, d, out);
	return true;
}
