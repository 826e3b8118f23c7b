/*
 * sarif.c - SARIF 2.1.0 (OASIS Static Analysis Results Interchange
 * Format), for `check`: what GitHub code scanning reads
 * (github/codeql-action/upload-sarif).  One run; the tool's driver lists
 * the whole rule catalogue (dd_rules, so ruleIndex is stable across runs);
 * one result per diagnostic, with its rule, level (error | warning),
 * message and location: the file as a relative URI reference
 * (percent-encoded), and the region's startLine / startColumn when known.
 */
#include <string.h>

#include "dialdiff/check.h"
#include "dialdiff/json.h"
#include "dialdiff/render.h"
#include "internal.h"

#ifndef DD_VERSION
#define DD_VERSION "unknown"
#endif

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/* path as a URI reference: "./" dropped, every byte outside the unreserved
 * set and '/' percent-encoded (so ':' cannot read as a scheme); an absolute
 * path as a file:// URI. */
static void uri(dd_buf *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)path;

	while (p[0] == '.' && p[1] == '/')
		p += 2;
	if (*p == '/')
		dd_buf_adds(out, "file://");
	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			dd_buf_addc(out, (char)*p);
		} else {
			dd_buf_addc(out, '%');
			dd_buf_addc(out, hex[*p >> 4]);
			dd_buf_addc(out, hex[*p & 15]);
		}
	}
}

static void text_object(dd_json_writer *w, const char *key, const char *text)
{
	dd_rnd_jobject(w, key);
	dd_rnd_jstr(w, "text", text);
	dd_json_end_object(w);
}

static const char *level(dd_severity sev)
{
	return sev == DD_SEV_ERROR ? "error" : "warning";
}

static void driver(dd_json_writer *w)
{
	size_t i;

	dd_rnd_jobject(w, "tool");
	dd_rnd_jobject(w, "driver");
	dd_rnd_jstr(w, "name", "dialdiff");
	dd_rnd_jstr(w, "version", DD_VERSION);
	dd_rnd_jarray(w, "rules");
	for (i = 0; i < dd_nrules; i++) {
		dd_json_begin_object(w);
		dd_rnd_jstr(w, "id", dd_rules[i].id);
		text_object(w, "shortDescription", dd_rules[i].summary);
		dd_rnd_jobject(w, "defaultConfiguration");
		dd_rnd_jstr(w, "level", level(dd_rules[i].severity));
		dd_json_end_object(w);
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
	dd_json_end_object(w);
	dd_json_end_object(w);
}

static void result(dd_json_writer *w, const dd_diag *d, dd_buf *tmp)
{
	int index = dd_rule_index(d->rule);

	dd_json_begin_object(w);
	dd_rnd_jstr(w, "ruleId", d->rule);
	if (index >= 0) {
		dd_rnd_jint(w, "ruleIndex", index);
	}
	dd_rnd_jstr(w, "level", level(d->severity));
	text_object(w, "message", d->message);
	dd_rnd_jarray(w, "locations");
	dd_json_begin_object(w);
	dd_rnd_jobject(w, "physicalLocation");
	dd_rnd_jobject(w, "artifactLocation");
	dd_json_key(w, "uri");
	dd_buf_reset(tmp);
	uri(tmp, d->file);
	dd_json_string(w, tmp->ptr);
	dd_json_end_object(w);
	if (d->line > 0) {
		dd_rnd_jobject(w, "region");
		dd_rnd_jint(w, "startLine", d->line);
		if (d->column > 0) {
			dd_rnd_jint(w, "startColumn", d->column);
		}
		dd_json_end_object(w);
	}
	dd_json_end_object(w);
	dd_json_end_object(w);
	dd_json_end_array(w);
	dd_json_end_object(w);
}

static int sarif_check(dd_buf *out, const dd_check_result *c,
		       const dd_render_opts *o)
{
	dd_buf tmp = DD_BUF_INIT;
	dd_json_writer w;
	size_t i;

	(void)o;
	dd_json_writer_init(&w, out, 0);
	dd_json_begin_object(&w);
	dd_rnd_jstr(&w, "$schema", SARIF_SCHEMA);
	dd_rnd_jstr(&w, "version", "2.1.0");
	dd_rnd_jarray(&w, "runs");
	dd_json_begin_object(&w);
	driver(&w);
	dd_rnd_jarray(&w, "results");
	for (i = 0; i < c->diags->count; i++)
		result(&w, &c->diags->items[i], &tmp);
	dd_json_end_array(&w);
	dd_json_end_object(&w);
	dd_json_end_array(&w);
	dd_json_end_object(&w);
	dd_buf_addc(out, '\n');
	if (dd_buf_oom(&tmp))
		out->oom = 1;
	dd_buf_release(&tmp);
	return dd_buf_oom(out) ? -1 : 0;
}

const dd_renderer dd_render_sarif = {
	.name = "sarif",
	.check = sarif_check,
};
