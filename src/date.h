/*
 * date: calendar arithmetic on dates written "YYYY-MM-DD", for the expression language's date functions.
 *
 * Pure: no clock, no time zone, no locale.  Dates are of the proleptic Gregorian calendar, years 1 to
 * 9999; a result outside them is no date (false).  Results are written into a caller's buffer of
 * DATE_ISO_SIZE bytes.
 */
#ifndef TRIN_DATE_H
#define TRIN_DATE_H

#include <stdbool.h>
#include <stdint.h>

#define DATE_ISO_SIZE 11	/* "YYYY-MM-DD" and its NUL */

/* iso plus days (negative: earlier) into out; false when iso is no real date or the result is out of range. */
bool date_add_days(const char *iso, int64_t days, char out[DATE_ISO_SIZE]);
/*
 * iso plus months (negative: earlier) into out, the day kept but cut to the last of a shorter month:
 * 2025-01-31 plus one month is 2025-02-28, 2024-02-29 plus 12 months is 2025-02-28.  False as above.
 */
bool date_add_months(const char *iso, int64_t months, char out[DATE_ISO_SIZE]);
/* The days from a to b (negative when b is earlier) in *out; false when either is no real date. */
bool date_days_between(const char *a, const char *b, int64_t *out);
/*
 * A date as people write it, "YYYY-MM-DD" or day first ("1-2-2030", "01.02.2030", "1/2/2030": one or two
 * digits for day and month, a four-digit year, the same separator twice), as "YYYY-MM-DD" in out; false
 * when in is not a real date written so.
 */
bool date_parse(const char *in, char out[DATE_ISO_SIZE]);

#endif
