/*
 * speech-text: what reading a page aloud says, as text, in reading order.  No synthesizer here: the text
 * is the seam the tests check, and what speech.h hands to espeak-ng.
 */
#ifndef TRIN_SPEECH_TEXT_H
#define TRIN_SPEECH_TEXT_H

#include "page.h"

/*
 * The text of page p to read aloud, a line per block in reading order: the heading, the text, each item
 * with its number ("1: A new key", a ticked one said so), what is typed in the field (typed, or NULL to
 * say nothing of it), the hints, the review's rows and answers, the next steps, an overlay's words and
 * explanations, and the message last.  Lines in the helper's second language are left out (the voice
 * speaks one).  Glossary terms are plain words in it, as on the screen.  Malloc'd: free it wiped
 * (xfree_wiped), it may hold answers.
 */
char *speech_text(const struct page *p, const char *typed);

#endif
