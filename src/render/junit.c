/*
 * junit.c - JUnit XML, for `check`: the report format CI systems read
 * (GitLab's artifacts:reports:junit, Jenkins, Azure).  One testsuite; one
 * testcase per file checked, named by its path; one <failure> per error
 * (type = the rule id), warnings in the testcase's <system-out> (as
 * failures too when the check is strict).
 *
 * Everything from the data is XML-escaped: & < > " ' as entities; in
 * attributes also tab, CR and LF as character references (so that
 * attribute normalization keeps them); characters XML 1.0 forbids (C0
 * controls but tab, CR, LF; U+FFFE, U+FFFF) and bytes that are not UTF-8
 * become U+FFFD.
 */
#include <string.h>

#include "dialdiff/render.h"
#include "internal.h"

#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

static void xml_escape(dd_buf *out, const char *s, int attribute)
{
	dd_buf tmp = DD_BUF_INIT;
	const unsigned char *p = (const unsigned char *)dd_rnd_utf8(&tmp, s);

	for (; *p; p++) {
		switch (*p) {
		case '&': dd_buf_adds(out, "&amp;"); break;
		case '<': dd_buf_adds(out, "&lt;"); break;
		case '>': dd_buf_adds(out, "&gt;"); break;
		case '"': dd_buf_adds(out, attribute ? "&quot;" : "\""); break;
		case '\'': dd_buf_adds(out, attribute ? "&apos;" : "'"); break;
		case '\t': dd_buf_adds(out, attribute ? "&#9;" : "\t"); break;
		case '\n': dd_buf_adds(out, attribute ? "&#10;" : "\n"); break;
		case '\r': dd_buf_adds(out, "&#13;"); break;
		default:
			if (*p < 0x20)
				dd_buf_adds(out, REPLACEMENT);
			else if (p[0] == 0xef && p[1] == 0xbf &&
				 (p[2] == 0xbe || p[2] == 0xbf)) {
				dd_buf_adds(out, REPLACEMENT);	/* U+FFFE, U+FFFF */
				p += 2;
			} else
				dd_buf_addc(out, (char)*p);
		}
	}
	if (dd_buf_oom(&tmp))
		out->oom = 1;
	dd_buf_release(&tmp);
}

/* "file:line:col: severity: message [rule]" */
static void diag_line(dd_buf *out, const dd_diag *d)
{
	xml_escape(out, d->file, 0);
	if (d->line > 0)
		dd_buf_addf(out, ":%d", d->line);
	if (d->line > 0 && d->column > 0)
		dd_buf_addf(out, ":%d", d->column);
	dd_buf_adds(out, ": ");
	dd_buf_adds(out, dd_severity_name(d->severity));
	dd_buf_adds(out, ": ");
	xml_escape(out, d->message, 0);
	dd_buf_adds(out, " [");
	xml_escape(out, d->rule, 0);
	dd_buf_addc(out, ']');
}

static int fails(const dd_diag *d, int strict)
{
	return d->severity == DD_SEV_ERROR || strict;
}

static void failure(dd_buf *out, const dd_diag *d)
{
	dd_buf_adds(out, "      <failure type=\"");
	xml_escape(out, d->rule, 1);
	dd_buf_adds(out, "\" message=\"");
	if (d->line > 0)
		dd_buf_addf(out, "line %d: ", d->line);
	xml_escape(out, d->message, 1);
	dd_buf_adds(out, "\">");
	diag_line(out, d);
	dd_buf_adds(out, "</failure>\n");
}

static int junit_check(dd_buf *out, const dd_check_result *c,
		       const dd_render_opts *o)
{
	const dd_diags *dl = c->diags;
	size_t i, j, failing = 0;

	(void)o;
	/* a testcase fails when it has a failure */
	for (i = 0; i < c->nfiles; i++)
		for (j = 0; j < dl->count; j++)
			if (!strcmp(dl->items[j].file, c->files[i]) &&
			    fails(&dl->items[j], c->strict)) {
				failing++;
				break;
			}
	dd_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	dd_buf_addf(out, "<testsuites name=\"dialdiff check\" tests=\"%zu\" "
		    "failures=\"%zu\" errors=\"0\">\n", c->nfiles, failing);
	dd_buf_addf(out, "  <testsuite name=\"dialdiff check\" tests=\"%zu\" "
		    "failures=\"%zu\" errors=\"0\" skipped=\"0\">\n",
		    c->nfiles, failing);
	for (i = 0; i < c->nfiles; i++) {
		const char *f = c->files[i];
		size_t nout = 0;

		dd_buf_adds(out, "    <testcase classname=\"dialdiff.check\" name=\"");
		xml_escape(out, f, 1);
		dd_buf_adds(out, "\" file=\"");
		xml_escape(out, f, 1);
		dd_buf_adds(out, "\">\n");
		for (j = 0; j < dl->count; j++) {
			const dd_diag *d = &dl->items[j];

			if (strcmp(d->file, f))
				continue;
			if (fails(d, c->strict))
				failure(out, d);
			else
				nout++;
		}
		if (nout) {
			dd_buf_adds(out, "      <system-out>");
			for (j = 0; j < dl->count; j++) {
				const dd_diag *d = &dl->items[j];

				if (strcmp(d->file, f) || fails(d, c->strict))
					continue;
				diag_line(out, d);
				dd_buf_addc(out, '\n');
			}
			dd_buf_adds(out, "</system-out>\n");
		}
		dd_buf_adds(out, "    </testcase>\n");
	}
	dd_buf_adds(out, "  </testsuite>\n</testsuites>\n");
	return dd_buf_oom(out) ? -1 : 0;
}

const dd_renderer dd_render_junit = {
	.name = "junit",
	.check = junit_check,
};
