/*
 * ui-line: the plain line mode, for screen readers, braille displays, serial lines, pipes and TERM=dumb.
 * Each step is printed as plain wrapped lines and one line is read back: no cursor addressing, no colour,
 * no escape sequence, no byte below 0x20 but '\n'.  The same engine, validation and messages as the full
 * screen, in the same words.
 */
#ifndef TRIN_UI_LINE_H
#define TRIN_UI_LINE_H

#include <stddef.h>
#include <stdio.h>

#include "ui.h"

/*
 * Run the wizards in files in line mode, reading lines from in and printing to out.  With one file and
 * menu false, that wizard; otherwise a numbered menu first, to which each finished wizard returns.  The
 * exit statuses are those of ui_curses_main: 0 finished, 1 stopped (or end of input) before an end, 3 a
 * wizard did not load, 4 the output file could not be written.
 */
int ui_line_main(char **files, size_t nfiles, int menu, const struct ui_options *opts, FILE *in, FILE *out);

#endif
