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

#include "engine.h"
#include "i18n.h"
#include "model.h"
#include "text.h"
#include "util.h"

/* Drawing */

static void ui_put(int y, int x, const char *s, size_t n, attr_t attr)
{
	if (!n)
		return;
	attron(attr);
	mvaddnstr(y, x, s, (int)n);
	attroff(attr);
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
 * Draw a line of the page at y, x; glossary terms underlined and bold.  An item's head ("> (*) 2.") is
 * drawn in the focus's attribute when the focus is on it: its marks say where the focus is, the attribute
 * makes it stand out, and a move redraws the two heads, not the two whole rows.
 */
static void ui_draw_row(struct screen *u, const struct page_line *r, int y, int x)
{
	const struct page_block *b = &u->page->blocks[r->block];
	attr_t attr = ui_attr(b) | ui_attr_text;
	struct page_line label;
	if (r->head) {
		size_t head = r->head;
		while (head > 1 && r->s[head - 1] == ' ')	/* its gap before the label is not highlighted */
			head--;
		ui_put(y, x + r->indent, r->s, head, b->focus ? ui_attr_selected | ui_attr_text : attr);
		label = (struct page_line){ r->s + head, r->len - head, r->indent + text_width(r->s, head), r->block, 0 };
		r = &label;
	}
	if (!b->terms || !u->page->seen || !u->w || !u->w->nglossary) {
		ui_put(y, x + r->indent, r->s, r->len, attr);
		return;
	}
	bool *mark = xcalloc(r->len + 1, sizeof *mark);
	glossary_terms_find(&u->gl, r->s, r->len, mark, u->page->seen);
	int cx = x + r->indent;
	for (size_t i = 0; i < r->len;) {
		size_t j = i + 1;
		while (j < r->len && mark[j] == mark[i])
			j++;
		ui_put(y, cx, r->s + i, j - i, attr | (mark[i] ? A_UNDERLINE | A_BOLD : 0));
		cx += text_width(r->s + i, j - i);
		i = j;
	}
	free(mark);
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
	mvaddstr(y, x, "[ ");
	ui_put(y, x + 2, f->buf + f->hscroll, end - f->hscroll, A_UNDERLINE);
	attron(A_UNDERLINE);
	for (int i = used; i < inner; i++)
		mvaddch(y, x + 2 + i, ' ');
	attroff(A_UNDERLINE);
	mvaddstr(y, x + 2 + inner, " ]");
	return x + 2 + text_width(f->buf + f->hscroll, f->cur - f->hscroll);
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
		ui_put((int)i, 1 < u->cols ? 1 : 0, msg + lines[i].start, lines[i].len, A_BOLD);
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
		ui_put(0, x, top + lines[0].start, lines[0].len, A_BOLD);
		free(lines);
	}
	if (progress)
		mvaddstr(0, x + width - pw, progress);
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
		mvaddstr(u->rows - nfoot + i, x, foot[i]);
	mvhline(u->rows - nfoot - 1, x, ACS_HLINE, width);
	for (int i = 0; m && i < msg_rows; i++)
		ui_put(u->rows - nfoot - 1 - msg_rows + i, x + (i ? 2 : 0), m + mlines[i].start, mlines[i].len,
		       ui_attr_error);
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
			ui_draw_row(u, r, top_row + i, x);
		}
	}
	if (u->scroll > 0)
		mvaddch(top_row, x + width - 1, ACS_UARROW);
	if (u->scroll + u->height < nbody)
		mvaddch(top_row + u->height - 1, x + width - 1, ACS_DARROW);
	leaveok(stdscr, cursor_y < 0);	/* no field: the cursor is hidden, and left where drawing ends */
	if (cursor_y >= 0) {
		curs_set(1);
		move(cursor_y, cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}
