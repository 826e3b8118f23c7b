#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "load.h"

void dd_loader_init(dd_loader *l, dd_arena *arena, const char *path,
		    dd_diags *diags, dd_error *err)
{
	*l = (dd_loader){ .arena = arena, .path = path, .diags = diags,
			  .err = err };
}

void dd_load_problem(dd_loader *l, dd_severity sev, const char *rule,
		     dd_pos pos, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	dd_diags_add(l->diags, sev, rule, l->path, pos.line, pos.column, "%s",
		     msg);
	if (sev == DD_SEV_ERROR && !l->failed) {
		l->failed = 1;
		dd_error_set(l->err, DD_ERROR, l->path, pos.line, pos.column,
			     "%s", msg);
	}
}

/* p, noting when it is NULL that the arena is exhausted (the first error
 * when none came before). */
static void *checked(dd_loader *l, void *p)
{
	if (!p && !l->oom) {
		l->oom = 1;
		if (!l->failed) {
			l->failed = 1;
			dd_error_oom(l->err);
		}
	}
	return p;
}

const char *dd_load_strdup(dd_loader *l, const char *s)
{
	return s ? checked(l, dd_arena_strdup(l->arena, s)) : NULL;
}

void *dd_load_array(dd_loader *l, size_t n, size_t size)
{
	return checked(l, dd_arena_array(l->arena, n ? n : 1, size));
}

static const char *article(dd_json_type t)
{
	return t == DD_JSON_ARRAY || t == DD_JSON_OBJECT ? "an" : "a";
}

int dd_load_expect(dd_loader *l, const dd_json *v, dd_json_type type,
		   const char *what)
{
	if (v->type == type ||
	    (type == DD_JSON_TRUE && v->type == DD_JSON_FALSE))
		return 1;
	dd_load_problem(l, DD_SEV_ERROR, "type", v->pos,
			"%s must be %s %s, not %s %s", what, article(type),
			type == DD_JSON_TRUE ? "boolean" : dd_json_type_name(type),
			article(v->type), dd_json_type_name(v->type));
	return 0;
}

void dd_load_unknown_keys(dd_loader *l, const dd_json *obj, const char *what,
			  const char *const *known)
{
	const dd_json *m;

	for (m = obj->child; m; m = m->next) {
		size_t i;

		for (i = 0; known[i]; i++)
			if (m->key[0] == known[i][0] && !strcmp(m->key, known[i]))
				break;
		if (!known[i])
			dd_load_problem(l, DD_SEV_WARNING, "unknown-key",
					m->key_pos, "unknown key \"%s\" in %s",
					m->key, what);
	}
}

const dd_json *dd_load_member(dd_loader *l, const dd_json *obj,
			     const char *key, const char *what, int required)
{
	const dd_json *v = dd_json_get(obj, key);

	if (!v && required)
		dd_load_problem(l, DD_SEV_ERROR, "required", obj->pos,
				"%s has no \"%s\"", what, key);
	return v;
}

const char *dd_load_string(dd_loader *l, const dd_json *obj, const char *key,
			   const char *what, int required, dd_pos *pos)
{
	const dd_json *v = dd_load_member(l, obj, key, what, required);
	char name[128];

	if (!v)
		return NULL;
	if (pos)
		*pos = v->pos;
	if (v->type != DD_JSON_STRING) {	/* the name only for the message */
		snprintf(name, sizeof(name), "\"%s\"", key);
		dd_load_expect(l, v, DD_JSON_STRING, name);
		return NULL;
	}
	return dd_load_strdup(l, v->string);
}

/* "\"key\"" into buf (truncated to size), as snprintf would write it, at
 * a fraction of the cost: loaders do this once per text of a round or a
 * taxonomy, and a large one has hundreds of thousands. */
static void quote_name(char *buf, size_t size, const char *key)
{
	size_t n = strlen(key);

	if (size < 3) {
		if (size)
			buf[0] = '\0';
		return;
	}
	if (n > size - 3)
		n = size - 3;
	buf[0] = '"';
	memcpy(buf + 1, key, n);
	buf[n + 1] = '"';
	buf[n + 2] = '\0';
}

static int blank(const char *s)
{
	return !s[strspn(s, " \t\r\n")];
}

void dd_load_text(dd_loader *l, dd_text *out, const dd_json *v,
		  const char *what, int label)
{
	static const char *const keys[] = { "en", "zh", NULL };
	const dd_json *en, *zh;

	if (!dd_load_expect(l, v, DD_JSON_OBJECT, what))
		return;
	dd_load_unknown_keys(l, v, what, keys);
	en = dd_json_get(v, "en");
	zh = dd_json_get(v, "zh");
	if (!en && !zh) {
		dd_load_problem(l, DD_SEV_ERROR,
				label ? "empty-label" : "required", v->pos,
				"%s needs \"en\" or \"zh\"", what);
		return;
	}
	if (en && dd_load_expect(l, en, DD_JSON_STRING, what)) {
		if (label && blank(en->string))
			dd_load_problem(l, DD_SEV_ERROR, "empty-label", en->pos,
					"empty %s", what);
		out->en = dd_load_strdup(l, en->string);
	}
	if (zh && dd_load_expect(l, zh, DD_JSON_STRING, what)) {
		if (label && blank(zh->string))
			dd_load_problem(l, DD_SEV_ERROR, "empty-label", zh->pos,
					"empty %s", what);
		out->zh = dd_load_strdup(l, zh->string);
	}
}

void dd_load_text_member(dd_loader *l, dd_text *out, const dd_json *obj,
			 const char *key, const char *what, int required)
{
	const dd_json *v = dd_load_member(l, obj, key, what, required);
	char name[128];

	if (!v)
		return;
	quote_name(name, sizeof(name), key);
	dd_load_text(l, out, v, name, 0);
}

/* The byte at (line, column) of buf (columns count characters), or -1. */
static int byte_at(const char *buf, size_t len, int line, int column)
{
	size_t i = 0;
	int ln = 1, col = 1;

	if (line < 1 || column < 1)
		return -1;
	while (i < len && ln < line)
		if (buf[i++] == '\n')
			ln++;
	while (i < len && col < column && buf[i] != '\n') {
		i++;
		while (i < len && ((unsigned char)buf[i] & 0xC0) == 0x80)
			i++;
		col++;
	}
	return i < len && ln == line && col == column ?
	       (unsigned char)buf[i] : -1;
}

/*
 * The rule of a parse failure.  The JSON module reports every failure as
 * one error; the message and the byte it points at tell the kinds apart.
 * tests/unit/test_check.c pins each mapping.
 */
static const char *json_rule(const dd_error *e, const char *buf, size_t len)
{
	const char *m = e->message;

	if (e->code == DD_ENOMEM)
		return "json-syntax";
	if (!strncmp(m, "duplicate key", 13))
		return "duplicate-key";
	if (!strncmp(m, "nesting deeper", 14))
		return "nesting-depth";
	if (!strncmp(m, "invalid UTF-8", 13) || !strncmp(m, "\\u0000", 6) ||
	    strstr(m, "lone surrogate") ||
	    byte_at(buf, len, e->line, e->column) == 0)
		return "invalid-utf8";
	return "json-syntax";
}

/* The conflict marker line p (n bytes, without its newline) is, or
 * NULL: "<<<<<<<", "|||||||" or ">>>>>>>" alone or before a space and a
 * label, "=======" alone. */
static const char *conflict_marker(const char *p, size_t n)
{
	static const char *const markers[] = {
		"<<<<<<<", "|||||||", "=======", ">>>>>>>"
	};
	size_t i;

	if (n && p[n - 1] == '\r')
		n--;
	for (i = 0; i < sizeof(markers) / sizeof(markers[0]); i++)
		if (n >= 7 && !memcmp(p, markers[i], 7) &&
		    (n == 7 || (p[7] == ' ' && markers[i][0] != '=')))
			return markers[i];
	return NULL;
}

/* A merge-conflict problem for each conflict marker line of buf; the
 * number found. */
static size_t conflict_markers(dd_loader *l, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *eol, *m;
	dd_pos pos = { 1, 1 };
	size_t found = 0;

	for (; p < end; p = eol + 1, pos.line++) {
		if (!(eol = memchr(p, '\n', (size_t)(end - p))))
			eol = end;
		if ((m = conflict_marker(p, (size_t)(eol - p)))) {
			dd_load_problem(l, DD_SEV_ERROR, "merge-conflict", pos,
					"merge conflict marker \"%s\": the "
					"conflict is not resolved", m);
			found++;
		}
	}
	return found;
}

int dd_load_parse(dd_loader *l, dd_json_doc **doc, const char *buf,
		  size_t len)
{
	dd_error jerr;
	int rc = dd_json_parse(doc, buf, len, l->path, &jerr);

	/* a file left with a conflict's markers: they are the problem */
	if (rc < 0 && jerr.code != DD_ENOMEM && conflict_markers(l, buf, len))
		return rc;
	if (rc < 0) {
		dd_diags_add(l->diags, DD_SEV_ERROR,
			     json_rule(&jerr, buf, len), l->path,
			     jerr.line, jerr.column, "%s", jerr.message);
		if (!l->failed) {
			l->failed = 1;
			if (l->err)
				*l->err = jerr;
		}
	}
	return rc;
}
