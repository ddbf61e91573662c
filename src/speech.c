/*
 * speech: reading aloud with espeak-ng.  See speech.h.
 *
 * The only file that includes espeak-ng's header, and only for its declarations: the library itself is
 * opened with dlopen at the first use, and its functions taken from it one by one (speech_syms), so trin
 * is linked to nothing of it and pays nothing for it until a page is read aloud.
 *
 * Reading aloud on the screen uses espeak-ng's asynchronous playback: espeak-ng's own thread synthesizes
 * and plays while trin reads keys, and espeak_ng_Cancel cuts it off.  espeak-ng and the sound libraries
 * under it say what fails on standard error, which would be written over the screen: while speech is open
 * standard error is a pipe of ours that cannot block (a full pipe drops the rest), and a line in it that
 * is not trin's own means the sound device failed; the lines go on to a log that standard error was.  Rendering a WAV is synchronous, its samples written from espeak-ng's
 * callback.
 */
#include "speech.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "i18n.h"
#include "compat.h"
#include "util.h"

#if HAVE_ESPEAK_NG
#include <espeak-ng/espeak_ng.h>
#endif

/* The calm sentences of speech_trouble. */
static const char speech_no_lib[] = N_("Reading aloud is not available here; trin goes on without it.");
static const char *speech_why;	/* the msgid of the trouble not yet told */

#if HAVE_ESPEAK_NG

static const char speech_no_sound[] = N_("No sound can be played here; trin goes on without reading aloud.");
static const char speech_no_voice[] = N_("There is no voice for this language; trin goes on without reading aloud.");

/* A voice's language code from a language ("tr_TR.UTF-8" is "tr"; none is "en"), into code. */
static void speech_code(const char *lang, char code[16])
{
	size_t n = lang ? strcspn(lang, "_.@:") : 0;
	if (n == 0 || n >= 16)
		snprintf(code, 16, "en");
	else
		snprintf(code, 16, "%.*s", (int)n, lang);
}

/* The library's functions, taken from it when it is opened. */
static struct {
	void *lib;
	__typeof__(espeak_ng_InitializePath) *init_path;
	__typeof__(espeak_ng_Initialize) *init;
	__typeof__(espeak_ng_InitializeOutput) *init_output;
	__typeof__(espeak_ng_ClearErrorContext) *clear_context;
	__typeof__(espeak_ng_GetSampleRate) *sample_rate;
	__typeof__(espeak_ng_SetParameter) *set_parameter;
	__typeof__(espeak_ng_SetVoiceByName) *set_voice;
	__typeof__(espeak_ng_Synthesize) *synthesize;
	__typeof__(espeak_ng_Synchronize) *synchronize;
	__typeof__(espeak_ng_Cancel) *cancel;
	__typeof__(espeak_ng_Terminate) *terminate;
	__typeof__(espeak_ListVoices) *list_voices;
	__typeof__(espeak_SetSynthCallback) *set_callback;
} speech_fn;

/* The library's name as the dynamic linker finds it (Debian's libespeak-ng1). */
#define SPEECH_LIBRARY "libespeak-ng.so.1"

/* Open the library and take its functions; false when it or one of them is missing. */
static bool speech_load(void)
{
	if (speech_fn.lib)
		return true;
	const struct compat_sym syms[] = {
		{ "espeak_ng_InitializePath", (void **)&speech_fn.init_path },
		{ "espeak_ng_Initialize", (void **)&speech_fn.init },
		{ "espeak_ng_InitializeOutput", (void **)&speech_fn.init_output },
		{ "espeak_ng_ClearErrorContext", (void **)&speech_fn.clear_context },
		{ "espeak_ng_GetSampleRate", (void **)&speech_fn.sample_rate },
		{ "espeak_ng_SetParameter", (void **)&speech_fn.set_parameter },
		{ "espeak_ng_SetVoiceByName", (void **)&speech_fn.set_voice },
		{ "espeak_ng_Synthesize", (void **)&speech_fn.synthesize },
		{ "espeak_ng_Synchronize", (void **)&speech_fn.synchronize },
		{ "espeak_ng_Cancel", (void **)&speech_fn.cancel },
		{ "espeak_ng_Terminate", (void **)&speech_fn.terminate },
		{ "espeak_ListVoices", (void **)&speech_fn.list_voices },
		{ "espeak_SetSynthCallback", (void **)&speech_fn.set_callback },
	};
	speech_fn.lib = compat_open_library(SPEECH_LIBRARY, syms, ARRAY_LEN(syms));
	return speech_fn.lib != NULL;
}

/* Load the library and its data (espeak-ng-data); false when either is missing. */
static bool speech_init(void)
{
	if (!speech_load())
		return false;
	speech_fn.init_path(NULL);
	espeak_ng_ERROR_CONTEXT context = NULL;
	espeak_ng_STATUS st = speech_fn.init(&context);
	if (context)
		speech_fn.clear_context(&context);
	return st == ENS_OK;
}

/* Whether espeak-ng has a voice for language code, such as "da". */
static bool speech_has_voice(const char *code)
{
	const espeak_VOICE **voices = speech_fn.list_voices(NULL);
	for (size_t i = 0; voices && voices[i]; i++)	/* languages: a priority byte, a name, ... ended by an empty one */
		for (const char *l = voices[i]->languages; l && *l; l += strlen(l + 1) + 2)
			if (!strcmp(l + 1, code))
				return true;
	return false;
}

/* Set the voice of lang and its rate and volume; false when there is none for lang. */
static bool speech_set_voice(const char *lang, const struct speech_voice *voice)
{
	char code[16];
	speech_code(lang, code);
	if (!speech_has_voice(code) || speech_fn.set_voice(code) != ENS_OK)
		return false;
	speech_fn.set_parameter(espeakLINELENGTH, 1 << 20, 0);	/* each line a clause: a pause after each */
	speech_fn.set_parameter(espeakRATE, voice->rate, 0);
	speech_fn.set_parameter(espeakVOLUME, voice->volume, 0);
	return true;
}

/* Reading aloud on the sound device */

static enum { SPEECH_CLOSED, SPEECH_OPEN, SPEECH_BROKEN } speech_state;
static int speech_err_read = -1, speech_err_saved = -1;	/* the pipe standard error is, and what it was */

/* Make standard error a pipe of ours that never blocks a writer; false when it cannot be. */
static bool speech_take_stderr(void)
{
	int fd[2];
	if (pipe2(fd, O_CLOEXEC | O_NONBLOCK) != 0)
		return false;
	fflush(stderr);
	speech_err_saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	if (speech_err_saved < 0 || dup2(fd[1], STDERR_FILENO) < 0) {
		close(fd[0]);
		close(fd[1]);
		if (speech_err_saved >= 0)
			close(speech_err_saved);
		speech_err_saved = -1;
		return false;
	}
	close(fd[1]);
	speech_err_read = fd[0];
	return true;
}

static bool speech_complained(void);

static void speech_give_stderr(void)
{
	if (speech_err_saved < 0)
		return;
	fflush(stderr);
	speech_complained();	/* what is left goes on to a log */
	dup2(speech_err_saved, STDERR_FILENO);
	close(speech_err_saved);
	close(speech_err_read);
	speech_err_saved = speech_err_read = -1;
}

/* Open espeak-ng for playing, asynchronously; false, with why set, when it cannot be. */
static bool speech_open(void)
{
	if (!speech_init()) {
		speech_why = speech_no_lib;
		return false;
	}
	if (!speech_take_stderr() || speech_fn.init_output(ENOUTPUT_MODE_SPEAK_AUDIO, 0, NULL) != ENS_OK) {
		speech_give_stderr();
		speech_fn.terminate();
		speech_why = speech_no_sound;
		return false;
	}
	return true;
}

/* Whether a line written to standard error is trin's own (a diagnostic, a kiosk's note), not a sound library's. */
static bool speech_ours(const char *line)
{
	return strncmp(line, "trin", 4) == 0 || strstr(line, ": error: ") || strstr(line, ": warning: ") ||
	       strstr(line, ": note: ");
}

/*
 * Whether the sound libraries complained on standard error since last asked: the sound device failed.
 * Every line goes on to where standard error was when that is not the screen (a kiosk's journal keeps
 * trin's notes); trin's own lines are no complaint.
 */
static bool speech_complained(void)
{
	static char line[512];
	static size_t len;
	bool any = false, log = speech_err_saved >= 0 && !isatty(speech_err_saved);
	char buf[512];
	ssize_t n;
	while (speech_err_read >= 0 && ((n = read(speech_err_read, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))) {
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] != '\n' && len + 1 < sizeof line) {
				line[len++] = buf[i];
				continue;
			}
			line[len] = '\0';
			any |= !speech_ours(line);
			if (log)
				dprintf(speech_err_saved, "%s\n", line);
			len = 0;
		}
	}
	return any;
}

/* Whether speech still works: a sound device that failed makes it silent from now on, and says so. */
static bool speech_works(void)
{
	if (speech_state == SPEECH_OPEN && speech_complained()) {
		speech_fn.cancel();
		speech_state = SPEECH_BROKEN;
		speech_why = speech_no_sound;
	}
	return speech_state == SPEECH_OPEN;
}

void speech_say(const char *text, const char *lang, const struct speech_voice *voice)
{
	if (speech_state == SPEECH_CLOSED)
		speech_state = speech_open() ? SPEECH_OPEN : SPEECH_BROKEN;
	if (!speech_works())
		return;
	speech_fn.cancel();
	if (!speech_set_voice(lang, voice)) {
		speech_why = speech_no_voice;
		return;
	}
	speech_fn.synthesize(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
}

void speech_stop(void)
{
	if (speech_state == SPEECH_OPEN)
		speech_fn.cancel();
}

const char *speech_trouble(void)
{
	speech_works();
	const char *why = speech_why;
	speech_why = NULL;
	return why ? _(why) : NULL;
}

void speech_close(void)
{
	if (speech_state == SPEECH_OPEN) {
		speech_fn.cancel();
		speech_fn.terminate();
	}
	speech_give_stderr();
	speech_state = SPEECH_CLOSED;
	speech_why = NULL;
}

/* Rendering a WAV */

static FILE *speech_out;
static long speech_samples;

/* espeak-ng's callback: write the samples, little-endian; 1 stops the synthesis when writing failed. */
static int speech_write(short *wav, int n, espeak_EVENT *events)
{
	(void)events;
	for (int i = 0; wav && i < n; i++) {
		uint16_t s = (uint16_t)wav[i];
		putc(s & 0xff, speech_out);
		putc(s >> 8, speech_out);
	}
	speech_samples += n > 0 ? n : 0;
	return ferror(speech_out) ? 1 : 0;
}

/* v in n bytes, little-endian. */
static void speech_put(FILE *f, uint32_t v, int n)
{
	for (int i = 0; i < n; i++)
		putc((int)(v >> 8 * i & 0xff), f);
}

/* The 44 bytes of a WAV header for n 16-bit mono samples at rate. */
static void speech_wav_header(FILE *f, long n, int rate)
{
	uint32_t data = (uint32_t)n * 2;
	fputs("RIFF", f);
	speech_put(f, 36 + data, 4);
	fputs("WAVEfmt ", f);
	speech_put(f, 16, 4);	/* the format's size */
	speech_put(f, 1, 2);	/* PCM */
	speech_put(f, 1, 2);	/* mono */
	speech_put(f, (uint32_t)rate, 4);
	speech_put(f, (uint32_t)rate * 2, 4);	/* bytes a second */
	speech_put(f, 2, 2);	/* bytes a sample */
	speech_put(f, 16, 2);	/* bits a sample */
	fputs("data", f);
	speech_put(f, data, 4);
}

long speech_wav(const char *text, const char *lang, const struct speech_voice *voice, const char *path, char *why,
		size_t size)
{
	if (!speech_init()) {
		snprintf(why, size, "%s", _(speech_no_lib));
		return -1;
	}
	long n = -1;
	if (speech_fn.init_output(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL) != ENS_OK || !speech_set_voice(lang, voice)) {
		snprintf(why, size, "%s", _(speech_no_voice));
	} else if (!(speech_out = fopen(path, "wb"))) {
		snprintf(why, size, "%s", strerror(errno));
	} else {
		speech_samples = 0;
		speech_wav_header(speech_out, 0, speech_fn.sample_rate());
		speech_fn.set_callback(speech_write);
		speech_fn.synthesize(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
		speech_fn.synchronize();
		rewind(speech_out);
		speech_wav_header(speech_out, speech_samples, speech_fn.sample_rate());
		n = speech_samples;
		if (fclose(speech_out) != 0 || n == 0) {
			snprintf(why, size, "%s", n ? strerror(errno) : _(speech_no_voice));
			n = -1;
		}
	}
	speech_fn.terminate();
	return n;
}

#else	/* built without espeak-ng's header: never available */

void speech_say(const char *text, const char *lang, const struct speech_voice *voice)
{
	(void)text, (void)lang, (void)voice;
	speech_why = speech_no_lib;
}

void speech_stop(void)
{
}

const char *speech_trouble(void)
{
	const char *why = speech_why;
	speech_why = NULL;
	return why ? _(why) : NULL;
}

void speech_close(void)
{
}

long speech_wav(const char *text, const char *lang, const struct speech_voice *voice, const char *path, char *why,
		size_t size)
{
	(void)text, (void)lang, (void)voice, (void)path;
	snprintf(why, size, "%s", _(speech_no_lib));
	return -1;
}

#endif
