/*
 * github.c - GitHub Actions workflow commands, for `check`: one line per
 * diagnostic, which the runner turns into an annotation on the file and
 * line of a pull request:
 *
 *   ::error file=dialogues/s/round-02.json,line=12,col=11,title=date::"2016-02-30" is not a valid date
 *
 * Escaping follows the runner (@actions/core's command.ts): in the message,
 * '%', CR and LF become %25, %0D and %0A; in a property value, ':' and ','
 * also become %3A and %2C.  Other control characters (ESC, BEL, C1: a
 * job log is shown on terminals too) become '?' (dd_text_add_safe).  A
 * clean check prints nothing.
 */
#include <string.h>

#include "dialdiff/render.h"
#include "dialdiff/text.h"
#include "internal.h"

static void escape(dd_buf *out, const char *s, int property)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '%': dd_buf_adds(out, "%25"); break;
		case '\r': dd_buf_adds(out, "%0D"); break;
		case '\n': dd_buf_adds(out, "%0A"); break;
		case ':':
			dd_buf_adds(out, property ? "%3A" : ":");
			break;
		case ',':
			dd_buf_adds(out, property ? "%2C" : ",");
			break;
		default: {
			char one[5] = { *s, 0, 0, 0, 0 };

			/* a C1 control is two bytes in UTF-8 */
			if ((unsigned char)*s == 0xc2 && s[1])
				one[1] = *++s;
			dd_text_add_safe(out, one);
		}
		}
	}
}

static int github_check(dd_buf *out, const dd_check_result *c,
			const dd_render_opts *o)
{
	const dd_diags *dl = c->diags;
	size_t i;

	(void)o;
	for (i = 0; i < dl->count; i++) {
		const dd_diag *d = &dl->items[i];

		dd_buf_adds(out, d->severity == DD_SEV_ERROR ? "::error" :
							       "::warning");
		dd_buf_adds(out, " file=");
		escape(out, d->file, 1);
		if (d->line > 0)
			dd_buf_addf(out, ",line=%d", d->line);
		if (d->line > 0 && d->column > 0)
			dd_buf_addf(out, ",col=%d", d->column);
		dd_buf_adds(out, ",title=");
		escape(out, d->rule, 1);
		dd_buf_adds(out, "::");
		escape(out, d->message, 0);
		dd_buf_addc(out, '\n');
	}
	return dd_buf_oom(out) ? -1 : 0;
}

const dd_renderer dd_render_github = {
	.name = "github",
	.check = github_check,
};
