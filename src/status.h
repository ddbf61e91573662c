/*
 * status: the exit statuses of trin, as trin(1) documents them, by name.  Kept apart from cmd.h so that a
 * frontend can give them without the command line's declarations.
 */
#ifndef TRIN_STATUS_H
#define TRIN_STATUS_H

enum {
	EXIT_OK = 0,
	EXIT_INCOMPLETE = 1,	/* a walk did not reach an end (stopped, or input ended), or a test failed */
	EXIT_USAGE = 2,		/* the command line is wrong */
	EXIT_INVALID = 3,	/* a wizard has errors */
	EXIT_INPUT = 4,		/* a file or the terminal could not be used (answers, --output, stats, standard output) */
	EXIT_SIGNAL = 128,	/* plus the number of the signal that ended a kiosk at once: 129 for SIGHUP */
};

#endif
