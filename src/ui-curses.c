/*
 * ui-curses: the full screen's drawing.  See ui-curses.h; the terminal and signals are in ui-curses-term.c,
 * the walk, menu, kiosk and --watch in ui-curses-loop.c; what the keys do in screen.c and keys.c.
 *
 * What a screen shows is a page (page.h), built and laid out in the core: this file draws its lines, with
 * the attributes of each block's role (ui_attr), the text field, the top line, the message and the footer.
 * Each frame is drawn whole into curses' virtual screen and refreshed; curses sends the terminal only the
 * cells that changed, so a key costs a few bytes, and the screen is never cleared per key.  The body is
 * scrolled so the focus stays visible.
 */
#include "ui-curses-int.h"

#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <uniwidth.h>
#include <unistr.h>

#include "bidi.h"
#include "engine.h"
#include "i18n.h"
#include "model.h"
#include "text.h"
#include "util.h"

/* Drawing */

/* Whether the frame being drawn is laid out right to left (ui_draw decides, bidi.h lays out each line). */
static bool ui_rtl;

static void ui_put(int y, int x, const char *s, size_t n, attr_t attr)
{
	if (!n)
		return;
	attron(attr);
	mvaddnstr(y, x, s, (int)n);
	attroff(attr);
}

/* How a byte of a line is drawn, beside its role's attribute. */
enum ui_look {
	UI_PLAIN,
	UI_TERM,	/* a glossary term: underlined and bold */
	UI_FOCUS,	/* the head of the item at the focus ("> (*) 2."): the focus's attribute */
};

/* The attribute of look on a line whose role draws in attr. */
static attr_t ui_look_attr(attr_t attr, unsigned char look)
{
	return look == UI_TERM ? attr | A_UNDERLINE | A_BOLD : look == UI_FOCUS ? ui_attr_selected | ui_attr_text : attr;
}

/* The visual line l from cell x: its runs of one look (by the logical byte each shows; none: plain) in attr. */
static void ui_put_visual(int y, int x, const struct bidi_line *l, attr_t attr, const unsigned char *look)
{
	for (size_t i = 0; i < l->n;) {
		unsigned char m = look ? look[l->from[i]] : UI_PLAIN;
		size_t j = i + 1;
		while (j < l->n && (look ? look[l->from[j]] : UI_PLAIN) == m)
			j++;
		size_t len;
		uint8_t *run = u32_to_u8(l->cp + i, j - i, NULL, &len);
		if (run) {
			ui_put(y, x, (const char *)run, len, ui_look_attr(attr, m));
			x += text_width((const char *)run, len);
			free(run);
		}
		i = j;
	}
}

/* The cell of the i-th character of l laid out from cell x. */
static int ui_visual_cell(const struct bidi_line *l, int x, size_t i)
{
	for (size_t k = 0; k < i; k++) {
		int cw = uc_width(l->cp[k], "UTF-8");
		x += cw > 0 ? cw : 0;
	}
	return x;
}

/*
 * The n bytes of s on row y of a column of width cells at x, indent cells from the side a line starts
 * at: the left, or the right when the frame is right to left.  In visual order when rtl (a line of a
 * language written right to left), when the frame is right to left, or when the line holds a letter of
 * such a language (bidi_has_rtl).  Each byte in its look (enum ui_look; none: plain).
 */
static void ui_put_line(int y, int x, int width, int indent, const char *s, size_t n, attr_t attr,
			const unsigned char *look, bool rtl)
{
	struct bidi_line l = { 0 };
	if ((rtl || ui_rtl || bidi_has_rtl(s, n)) && n && bidi_visual(s, n, rtl, &l)) {
		int w = ui_visual_cell(&l, 0, l.n);	/* its width */
		ui_put_visual(y, ui_rtl ? x + width - indent - w : x + indent, &l, attr, look);
		bidi_line_free(&l);
		return;
	}
	if (ui_rtl)	/* not laid out (not UTF-8): still on the right */
		indent = width - indent - text_width(s, n);
	x += indent;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && (!look || look[j] == look[i]))
			j++;
		ui_put(y, x, s + i, j - i, ui_look_attr(attr, look ? look[i] : UI_PLAIN));
		x += text_width(s + i, j - i);
		i = j;
	}
}

/* How each role looks (the theme says in what); marks carry the meaning, attributes only add to them. */
static attr_t ui_attr(const struct page_block *b)
{
	switch (b->role) {
	case PAGE_HEADING:
	case PAGE_NOTICE:
	case PAGE_DROPPED_HEAD:
	case PAGE_TERM:
		return A_BOLD;
	case PAGE_SECOND:
	case PAGE_ITEM_SECOND:
	case PAGE_NOTE:
		return ui_attr_guide;
	case PAGE_NOTE_HEAD:
		return ui_attr_guide | A_BOLD;
	case PAGE_ITEM:
	case PAGE_ROW:
	case PAGE_CONTINUE:
		return ui_attr_text;	/* the focus: its head stands out (ui_draw_row) */
	case PAGE_ANSWER:
		return b->focus ? A_BOLD : 0;
	case PAGE_BLANK:
	case PAGE_TEXT:
	case PAGE_FIELD:
	case PAGE_HINT:
	case PAGE_DROPPED:
	case PAGE_TODO_HEAD:
	case PAGE_TODO:
	case PAGE_EXPLAIN:
	case PAGE_ROLE_COUNT:
		break;
	}
	return 0;
}

/*
 * Draw a line of the page on row y of the body at x, width; glossary terms underlined and bold.  An item's
 * head ("> (*) 2.") is drawn in the focus's attribute when the focus is on it: its marks say where the
 * focus is, the attribute makes it stand out, and a move redraws the two heads, not the two whole rows.
 */
static void ui_draw_row(struct screen *u, const struct page_line *r, int y, int x, int width)
{
	const struct page_block *b = &u->page->blocks[r->block];
	attr_t attr = ui_attr(b) | ui_attr_text;
	bool terms = b->terms && u->page->seen && u->w && u->w->nglossary, head = r->head && b->focus;
	unsigned char *look = NULL;
	if (terms || head) {
		look = xcalloc(r->len + 1, sizeof *look);
		if (terms) {
			bool *mark = xcalloc(r->len + 1, sizeof *mark);
			glossary_terms_find(&u->gl, r->s, r->len, mark, u->page->seen);
			for (size_t i = 0; i < r->len; i++)
				look[i] = mark[i] ? UI_TERM : UI_PLAIN;
			free(mark);
		}
		size_t end = r->head;
		while (head && end > 1 && r->s[end - 1] == ' ')	/* its gap before the label is not highlighted */
			end--;
		for (size_t i = 0; head && i < end; i++)
			look[i] = UI_FOCUS;
	}
	bool second = u->opts->second_lang && (b->role == PAGE_SECOND || b->role == PAGE_ITEM_SECOND ||
					      b->role == PAGE_NOTE || b->role == PAGE_NOTE_HEAD);
	ui_put_line(y, x, width, r->indent, r->s, r->len, attr, look, second ? bidi_lang_rtl(u->opts->second_lang) : ui_rtl);
	free(look);
}

/*
 * The cell the cursor goes to in a field's visible part laid out as l from cell x, used cells wide, the
 * cursor at byte cur of the part: on the character after it, as in a left-to-right field; at the end,
 * beside the last character on the side its run reads towards; in an empty field, at the right end.
 */
static int ui_field_cursor_rtl(const struct bidi_line *l, int x, int used, size_t cur)
{
	size_t last = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (l->from[i] == cur)
			return ui_visual_cell(l, x, i);
		if (l->from[i] > l->from[last])
			last = i;
	}
	if (!l->n)
		return x + used;
	int cx = ui_visual_cell(l, x, last), cw = uc_width(l->cp[last], "UTF-8");
	return l->rtl[last] ? cx - 1 : cx + (cw > 0 ? cw : 0);
}

/* The text field on row y: the part of the buffer around the cursor (field_view), and where the cursor goes. */
static int ui_draw_field(struct screen *u, int y, int x, int width)
{
	int inner = width - 4;
	if (inner < 4)
		inner = 4;
	size_t end;
	int used = field_view(&u->pick.field, inner, &end);
	const struct field *f = &u->pick.field;
	const char *shown = f->buf + f->hscroll;
	mvaddstr(y, x, "[ ");
	attron(A_UNDERLINE);
	for (int i = 0; i < inner; i++)
		mvaddch(y, x + 2 + i, ' ');
	attroff(A_UNDERLINE);
	mvaddstr(y, x + 2 + inner, " ]");
	struct bidi_line l = { 0 };
	if (ui_rtl && bidi_visual(shown, end - f->hscroll, true, &l)) {
		ui_put_visual(y, x + 2 + inner - used, &l, A_UNDERLINE, NULL);
		int cx = ui_field_cursor_rtl(&l, x + 2 + inner - used, used, f->cur - f->hscroll);
		bidi_line_free(&l);
		return cx;
	}
	ui_put(y, x + 2, shown, end - f->hscroll, A_UNDERLINE);
	return x + 2 + text_width(shown, f->cur - f->hscroll);
}

/* The window is too small for the frame: say so, and nothing else. */
static void ui_draw_too_small(struct screen *u)
{
	char msg[256];
	snprintf(msg, sizeof msg, _("Please make the window larger: at least %d columns and %d lines."),
		 PAGE_MIN_COLS, PAGE_MIN_ROWS);
	struct text_line *lines;
	size_t n = text_wrap(msg, u->cols > 2 ? u->cols - 2 : 1, &lines);
	for (size_t i = 0; i < n && (int)i < u->rows; i++)
		ui_put_line((int)i, 0, u->cols, 1 < u->cols ? 1 : 0, msg + lines[i].start, lines[i].len, A_BOLD, NULL, ui_rtl);
	free(lines);
	curs_set(0);
	refresh();
}

/*
 * The frame around the body at x, width: the top line (the wizard's title and the progress) and a rule,
 * and at the bottom the message in words, a rule and the footer.  Returns the lines left for the body.
 */
static int ui_draw_chrome(struct screen *u, int x, int width, const char *top, const char *progress, const char *message)
{
	int pw = progress ? text_width(progress, strlen(progress)) : 0;
	if (top) {
		struct text_line *lines;
		text_wrap(top, width - pw - 2 > 8 ? width - pw - 2 : 8, &lines);
		ui_put_line(0, x, width, 0, top + lines[0].start, lines[0].len, A_BOLD, NULL, ui_rtl);
		free(lines);
	}
	if (progress)
		ui_put_line(0, x, width, width - pw, progress, strlen(progress), 0, NULL, ui_rtl);
	mvhline(1, x, ACS_HLINE, width);
	char *m = NULL;
	struct text_line *mlines = NULL;
	int msg_rows = 1;
	if (message) {
		m = xmalloc(strlen(message) + 3);
		sprintf(m, "! %s", message);
		size_t n = text_wrap(m, width, &mlines);
		msg_rows = n > PAGE_MSG_LINES ? PAGE_MSG_LINES : (int)n;
	}
	char foot[PAGE_FOOT_LINES][512];
	int nfoot;
	int height = page_frame(u->page, u->foot, u->nfoot, u->rows, width, msg_rows, foot, &nfoot);
	for (int i = 0; i < nfoot; i++)
		ui_put_line(u->rows - nfoot + i, x, width, 0, foot[i], strlen(foot[i]), 0, NULL, ui_rtl);
	mvhline(u->rows - nfoot - 1, x, ACS_HLINE, width);
	for (int i = 0; m && i < msg_rows; i++)
		ui_put_line(u->rows - nfoot - 1 - msg_rows + i, x, width, i ? 2 : 0, m + mlines[i].start, mlines[i].len,
			    ui_attr_error, NULL, ui_rtl);
	free(mlines);
	free(m);
	return height;
}

/*
 * Draw the frame: a top line (left and right), the body's lines scrolled to keep the focus in view, the
 * message in words, and the footer.
 */
void ui_draw(struct screen *u, const char *top, const char *progress, const char *message)
{
	getmaxyx(stdscr, u->rows, u->cols);
	ui_rtl = bidi_screen_rtl(u->w ? u->w->language : NULL);
	ui_explicit_bidi(ui_rtl);
	erase();
	if (u->rows < PAGE_MIN_ROWS || u->cols < PAGE_MIN_COLS) {
		ui_draw_too_small(u);
		return;
	}
	int width = page_width(u->cols), x = (u->cols - width) / 2, top_row = 2;
	u->height = ui_draw_chrome(u, x, width, top, progress, message);
	u->scroll = page_scroll(u->page, u->scroll, u->height, u->follow);
	int nbody = (int)u->page->nlines, cursor_y = -1, cursor_x = -1;
	for (int i = 0; i < u->height && u->scroll + i < nbody; i++) {
		const struct page_line *r = &u->page->lines[u->scroll + i];
		if (u->page->blocks[r->block].role == PAGE_FIELD) {
			cursor_x = ui_draw_field(u, top_row + i, x + r->indent, width - r->indent);
			cursor_y = top_row + i;
		} else {
			ui_draw_row(u, r, top_row + i, x, width);
		}
	}
	int arrows = ui_rtl ? x : x + width - 1;	/* at the end of the lines' side */
	if (u->scroll > 0)
		mvaddch(top_row, arrows, ACS_UARROW);
	if (u->scroll + u->height < nbody)
		mvaddch(top_row + u->height - 1, arrows, ACS_DARROW);
	leaveok(stdscr, cursor_y < 0);	/* no field: the cursor is hidden, and left where drawing ends */
	if (cursor_y >= 0) {
		curs_set(1);
		move(cursor_y, cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}
