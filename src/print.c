/*
 * print: the summary printed through CUPS.  See print.h.
 *
 * The only file that includes libcups's header, and only for its declarations: the library is opened with
 * dlopen at the first print and its functions taken from it one by one (print_load).  The summary is
 * written into memory (open_memstream) and sent to the server as the job's one document, so no copy of it
 * is on any disk of trin's; the buffer is wiped when sent.  Before the job the queue is asked for its state,
 * so a queue that is missing, stopped or out of paper is said as such instead of a job that waits forever.
 * Every wait on the server has a bound (PRINT_TIMEOUT_MS), and libcups never asks for a password (it would
 * ask on the terminal, under the screen).
 */
#include "print.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "summary.h"
#include "compat.h"
#include "util.h"

#if HAVE_CUPS
#include <cups/cups.h>
#endif

#define PRINT_TIMEOUT_MS 5000	/* the longest trin waits for the print server, for each answer */

bool print_queue_ok(const char *queue)
{
	size_t n = strlen(queue);
	if (n == 0 || n > PRINT_QUEUE_MAX)
		return false;
	return strspn(queue, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") == n;
}

bool print_paper_named(const char *name, enum print_paper *paper)
{
	if (strcmp(name, "a4") == 0)
		*paper = PRINT_A4;
	else if (strcmp(name, "receipt") == 0)
		*paper = PRINT_RECEIPT;
	else
		return false;
	return true;
}

/* Columns of the summary on each paper: 72 at CUPS's 10 characters an inch on A4, 36 at 13 on 80 mm. */
static int print_width(enum print_paper paper)
{
	return paper == PRINT_RECEIPT ? 36 : SUMMARY_WIDTH;
}

/* The calm sentences a print ends with. */
static const char print_no_lib[] = N_("Printing is not available here. Please ask at the desk.");

#if HAVE_CUPS

static const char print_done[] = N_("Your summary is being printed. Please take it from the printer.");
static const char print_no_server[] = N_("The printer cannot be reached just now. Please ask at the desk.");
static const char print_no_queue[] = N_("The printer was not found. Please ask at the desk.");
static const char print_off[] = N_("The printer is switched off just now. Please ask at the desk.");
static const char print_no_paper[] = N_("The printer is out of paper. Please ask at the desk.");
static const char print_failed[] = N_("The summary could not be printed. Please ask at the desk.");

/* The library's functions, taken from it when it is opened. */
static struct {
	void *lib;
	__typeof__(cupsServer) *server;
	__typeof__(ippPort) *port;
	__typeof__(cupsEncryption) *encryption;
	__typeof__(cupsSetPasswordCB2) *set_password_cb;
	__typeof__(httpConnect2) *connect;
	__typeof__(httpSetTimeout) *set_timeout;
	__typeof__(httpClose) *close;
	__typeof__(httpAssembleURIf) *assemble_uri;
	__typeof__(ippNewRequest) *new_request;
	__typeof__(ippAddString) *add_string;
	__typeof__(ippDelete) *delete_ipp;
	__typeof__(ippFindAttribute) *find_attribute;
	__typeof__(ippGetInteger) *get_integer;
	__typeof__(ippGetBoolean) *get_boolean;
	__typeof__(ippGetCount) *get_count;
	__typeof__(ippGetString) *get_string;
	__typeof__(cupsDoRequest) *do_request;
	__typeof__(cupsLastError) *last_error;
	__typeof__(cupsCreateJob) *create_job;
	__typeof__(cupsStartDocument) *start_document;
	__typeof__(cupsWriteRequestData) *write_data;
	__typeof__(cupsFinishDocument) *finish_document;
} print_fn;

/* The library's name as the dynamic linker finds it (Debian's libcups2). */
#define PRINT_LIBRARY "libcups.so.2"

/* Open the library and take its functions; false when it or one of them is missing. */
static bool print_load(void)
{
	if (print_fn.lib)
		return true;
	const struct compat_sym syms[] = {
		{ "cupsServer", (void **)&print_fn.server },
		{ "ippPort", (void **)&print_fn.port },
		{ "cupsEncryption", (void **)&print_fn.encryption },
		{ "cupsSetPasswordCB2", (void **)&print_fn.set_password_cb },
		{ "httpConnect2", (void **)&print_fn.connect },
		{ "httpSetTimeout", (void **)&print_fn.set_timeout },
		{ "httpClose", (void **)&print_fn.close },
		{ "httpAssembleURIf", (void **)&print_fn.assemble_uri },
		{ "ippNewRequest", (void **)&print_fn.new_request },
		{ "ippAddString", (void **)&print_fn.add_string },
		{ "ippDelete", (void **)&print_fn.delete_ipp },
		{ "ippFindAttribute", (void **)&print_fn.find_attribute },
		{ "ippGetInteger", (void **)&print_fn.get_integer },
		{ "ippGetBoolean", (void **)&print_fn.get_boolean },
		{ "ippGetCount", (void **)&print_fn.get_count },
		{ "ippGetString", (void **)&print_fn.get_string },
		{ "cupsDoRequest", (void **)&print_fn.do_request },
		{ "cupsLastError", (void **)&print_fn.last_error },
		{ "cupsCreateJob", (void **)&print_fn.create_job },
		{ "cupsStartDocument", (void **)&print_fn.start_document },
		{ "cupsWriteRequestData", (void **)&print_fn.write_data },
		{ "cupsFinishDocument", (void **)&print_fn.finish_document },
	};
	print_fn.lib = compat_open_library(PRINT_LIBRARY, syms, ARRAY_LEN(syms));
	return print_fn.lib != NULL;
}

/* No password is ever asked for: libcups's own asks on the terminal. */
static const char *print_no_password(const char *prompt, http_t *http, const char *method, const char *resource,
				     void *data)
{
	(void)prompt, (void)http, (void)method, (void)resource, (void)data;
	return NULL;
}

/* An answer that did not come in time: give up (libcups asks each time its wait runs out). */
static int print_give_up(http_t *http, void *data)
{
	(void)http, (void)data;
	return 0;
}

/* Whether attribute a of the printer holds a keyword that starts with prefix. */
static bool print_reason(ipp_attribute_t *a, const char *prefix)
{
	for (int i = 0; a && i < print_fn.get_count(a); i++) {
		const char *r = print_fn.get_string(a, i, NULL);
		if (r && !strncmp(r, prefix, strlen(prefix)))
			return true;
	}
	return false;
}

/* The queue's state asked of the server: NULL when it can print, else the sentence that says why not. */
static const char *print_state(http_t *http, const char *queue)
{
	char uri[HTTP_MAX_URI];
	print_fn.assemble_uri(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", NULL, "localhost", 0, "/printers/%s", queue);
	ipp_t *req = print_fn.new_request(IPP_OP_GET_PRINTER_ATTRIBUTES);
	print_fn.add_string(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
	ipp_t *resp = print_fn.do_request(http, req, "/");	/* frees req */
	ipp_status_t st = print_fn.last_error();
	const char *why = NULL;
	if (st == IPP_STATUS_ERROR_NOT_FOUND)
		why = print_no_queue;
	else if (!resp || st > IPP_STATUS_OK_EVENTS_COMPLETE)
		why = st == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || !resp ? print_no_server : print_failed;
	else {
		ipp_attribute_t *state = print_fn.find_attribute(resp, "printer-state", IPP_TAG_ENUM);
		ipp_attribute_t *accepts = print_fn.find_attribute(resp, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
		ipp_attribute_t *reasons = print_fn.find_attribute(resp, "printer-state-reasons", IPP_TAG_KEYWORD);
		if (print_reason(reasons, "media-empty") || print_reason(reasons, "media-needed"))
			why = print_no_paper;
		else if ((state && print_fn.get_integer(state, 0) == IPP_PSTATE_STOPPED) ||
			 (accepts && !print_fn.get_boolean(accepts, 0)) || print_reason(reasons, "offline"))
			why = print_off;
	}
	print_fn.delete_ipp(resp);
	return why;
}

/* Send the text (n bytes) to queue as one job of plain text; NULL when sent, else why not. */
static const char *print_send(http_t *http, const char *queue, enum print_paper paper, const char *text, size_t n)
{
	/* the text filter's page: A4, or a roll 80 mm wide with small margins and smaller letters */
	static cups_option_t a4[] = { { (char *)"media", (char *)"A4" } };
	static cups_option_t roll[] = { { (char *)"media", (char *)"Custom.80x297mm" }, { (char *)"cpi", (char *)"13" },
					{ (char *)"lpi", (char *)"8" }, { (char *)"page-left", (char *)"10" },
					{ (char *)"page-right", (char *)"10" } };
	bool receipt = paper == PRINT_RECEIPT;
	int job = print_fn.create_job(http, queue, "trin summary", receipt ? (int)ARRAY_LEN(roll) : (int)ARRAY_LEN(a4),
				      receipt ? roll : a4);
	if (job <= 0)
		return print_fn.last_error() == IPP_STATUS_ERROR_NOT_FOUND ? print_no_queue : print_failed;
	if (print_fn.start_document(http, queue, job, "summary", CUPS_FORMAT_TEXT, 1) != HTTP_STATUS_CONTINUE)
		return print_failed;
	http_status_t wrote = print_fn.write_data(http, text, n);
	ipp_status_t done = print_fn.finish_document(http, queue);	/* ends the request even after a failed write */
	return wrote == HTTP_STATUS_CONTINUE && done <= IPP_STATUS_OK_EVENTS_COMPLETE ? NULL : print_failed;
}

/* Print text (n bytes) on queue: NULL when it went to the printer, else the sentence that says why not. */
static const char *print_text(const char *queue, enum print_paper paper, const char *text, size_t n)
{
	if (!print_load())
		return print_no_lib;
	print_fn.set_password_cb(print_no_password, NULL);
	http_t *http = print_fn.connect(print_fn.server(), print_fn.port(), NULL, AF_UNSPEC, print_fn.encryption(), 1,
					PRINT_TIMEOUT_MS, NULL);
	if (!http)
		return print_no_server;
	print_fn.set_timeout(http, PRINT_TIMEOUT_MS / 1000.0, print_give_up, NULL);
	const char *why = print_state(http, queue);
	if (!why)
		why = print_send(http, queue, paper, text, n);
	print_fn.close(http);
	return why;
}

bool print_summary(const char *queue, enum print_paper paper, const struct wizard *w, struct engine *e,
		   time_t when, char *msg, size_t size)
{
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	const char *why = print_failed;
	if (f) {
		summary_write_width(f, w, e, when, print_width(paper));
		if (fclose(f) == 0)
			why = print_queue_ok(queue) ? print_text(queue, paper, text, n) : print_no_queue;
	}
	xfree_wiped(text);
	snprintf(msg, size, "%s", _(why ? why : print_done));
	return !why;
}

#else

bool print_summary(const char *queue, enum print_paper paper, const struct wizard *w, struct engine *e,
		   time_t when, char *msg, size_t size)
{
	(void)queue, (void)paper, (void)w, (void)e, (void)when;
	snprintf(msg, size, "%s", _(print_no_lib));
	return false;
}

#endif
