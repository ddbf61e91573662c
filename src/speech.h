/*
 * speech: reading text aloud with espeak-ng, the one module that knows it.  The library is loaded at the
 * first use (dlopen), so trin without speech loads and maps nothing of it; a trin built without its
 * header (libespeak-ng-dev) has speech that is never available.
 *
 * Two ways: speech_say plays a text on the sound device asynchronously (espeak-ng's own thread: the call
 * returns at once, speech_stop cuts it off), for the full screen; speech_wav renders a text synchronously
 * into a WAV file, for authors and tests.  Nothing here ever stops trin: a missing library, voice or sound
 * device is one calm sentence (speech_trouble), and trin goes on silently.
 */
#ifndef TRIN_SPEECH_H
#define TRIN_SPEECH_H

#include <stdbool.h>
#include <stddef.h>

#define SPEECH_RATE_MIN 80	/* words a minute */
#define SPEECH_RATE_MAX 450
#define SPEECH_RATE_DEFAULT 160
#define SPEECH_VOLUME_MAX 200	/* percent */
#define SPEECH_VOLUME_DEFAULT 100

/* How fast (words a minute) and how loud (percent) the voice speaks. */
struct speech_voice {
	int rate, volume;
};

/*
 * Read text aloud in the voice of language lang ("da", "tr_TR"), cutting off what was being read: played
 * asynchronously, the call returning at once.  The first call loads espeak-ng and opens the sound device;
 * when that fails, or lang has no voice, nothing is heard and speech_trouble says why.
 */
void speech_say(const char *text, const char *lang, const struct speech_voice *voice);
/* Stop reading aloud at once; nothing when nothing is read. */
void speech_stop(void);
/*
 * Why reading aloud did not work since the last call, as one calm sentence for the screen, once; NULL
 * when it works.  Also notices a sound device that failed while reading (espeak-ng says so on its
 * standard error, which is taken while speech is open, so nothing is written over the screen).
 */
const char *speech_trouble(void);
/* Stop, and close the sound device and espeak-ng; standard error is given back. */
void speech_close(void);

/*
 * Render text in lang's voice into a WAV file at path (16-bit mono), synchronously.  The number of
 * samples written, or -1 with why (of size bytes) saying what failed.
 */
long speech_wav(const char *text, const char *lang, const struct speech_voice *voice, const char *path, char *why,
		size_t size);

#endif
