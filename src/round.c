/*
 * round.c - load one round file into the model, reporting every problem.
 */
#include <stdlib.h>
#include <string.h>

#include "dialdiff/json.h"
#include "dialdiff/round.h"
#include "load.h"

const char *const dd_round_actions[] = {
	"proposed", "agreed", "established", "implemented", "continued",
	"strengthened", "reviewed", "retained", "reaffirmed", "considered",
	NULL
};

int dd_round_action_known(const char *action)
{
	size_t i;

	for (i = 0; dd_round_actions[i]; i++)
		if (action[0] == dd_round_actions[i][0] &&
		    !strcmp(action, dd_round_actions[i]))
			return 1;
	return 0;
}

static void load_item(dd_loader *l, dd_item *it, const dd_json *v,
		      int reaffirm)
{
	static const char *const keys[] = { "id", "label", "action", "note",
					     NULL };
	const dd_json *label;
	const char *what = reaffirm ? "reaffirmed item" : "topic item";

	it->entry = it->entry2 = -1;
	it->pos = v->pos;
	if (!dd_load_expect(l, v, DD_JSON_OBJECT, what))
		return;
	dd_load_unknown_keys(l, v, what, keys);
	it->id = dd_load_string(l, v, "id", "item", 0, &it->id_pos);
	if (it->id && !*it->id)
		dd_load_problem(l, DD_SEV_ERROR, "type", it->id_pos, "empty \"id\"");
	if ((label = dd_load_member(l, v, "label", what, 1))) {
		it->label_pos = label->pos;
		dd_load_text(l, &it->label, label, "label", 1);
	}
	it->action = dd_load_string(l, v, "action", "item", 0, &it->action_pos);
	if (it->action && !dd_round_action_known(it->action))
		dd_load_problem(l, DD_SEV_ERROR, "action", it->action_pos,
			"unknown action \"%s\" (known: proposed, agreed, "
			"established, implemented, continued, strengthened, "
			"reviewed, retained, reaffirmed, considered)",
			it->action);
	it->note = dd_load_string(l, v, "note", "item", 0, NULL);
}

/* A zeroed array of size bytes for each element of arr, or NULL (a
 * "type" problem when arr is no array). */
static void *load_array(dd_loader *l, const dd_json *arr, size_t size,
			const char *what)
{
	if (!dd_load_expect(l, arr, DD_JSON_ARRAY, what))
		return NULL;
	return dd_load_array(l, arr->count, size);
}

static dd_item *load_items(dd_loader *l, size_t *count, const dd_json *arr,
			   const char *what, int reaffirm)
{
	dd_item *items = load_array(l, arr, sizeof(*items), what);
	const dd_json *v;

	*count = 0;
	for (v = arr->child; items && v; v = v->next)
		load_item(l, &items[(*count)++], v, reaffirm);
	return items;
}

static void load_topics(dd_loader *l, dd_round *r, const dd_json *topics)
{
	const dd_json *m;

	if (!dd_load_expect(l, topics, DD_JSON_OBJECT, "\"topics\""))
		return;
	r->sections = dd_load_array(l, topics->count, sizeof(*r->sections));
	for (m = topics->child; r->sections && m; m = m->next) {
		dd_round_section *s = &r->sections[r->nsections++];

		s->id = dd_load_strdup(l, m->key);
		s->pos = m->key_pos;
		s->tsection = -1;
		s->items = load_items(l, &s->count, m, "a section", 0);
	}
}

static void load_chairs(dd_loader *l, dd_round *r, const dd_json *arr)
{
	static const char *const keys[] = { "name", "role", "party", NULL };
	const dd_json *v, *t;

	r->chairs = load_array(l, arr, sizeof(dd_chair), "\"chairs\"");
	for (v = arr->child; r->chairs && v; v = v->next) {
		dd_chair *c = &r->chairs[r->nchairs++];

		if (!dd_load_expect(l, v, DD_JSON_OBJECT, "a chair"))
			continue;
		dd_load_unknown_keys(l, v, "a chair", keys);
		if ((t = dd_load_member(l, v, "name", "chair", 1)))
			dd_load_text(l, &c->name, t, "name", 0);
		if ((t = dd_json_get(v, "role")))
			dd_load_text(l, &c->role, t, "role", 0);
		c->party = dd_load_string(l, v, "party", "chair", 0, NULL);
	}
}

static void load_sources(dd_loader *l, dd_round *r, const dd_json *arr)
{
	static const char *const keys[] = { "title", "publisher", "date", "url",
					    NULL };
	const dd_json *v;

	r->sources = load_array(l, arr, sizeof(dd_provenance), "\"sources\"");
	for (v = arr->child; r->sources && v; v = v->next) {
		dd_provenance *p = &r->sources[r->nsources++];

		if (!dd_load_expect(l, v, DD_JSON_OBJECT, "a source"))
			continue;
		dd_load_unknown_keys(l, v, "a source", keys);
		p->title = dd_load_string(l, v, "title", "source", 1, NULL);
		p->publisher = dd_load_string(l, v, "publisher", "source", 0, NULL);
		p->date = dd_load_string(l, v, "date", "source", 0, NULL);
		p->url = dd_load_string(l, v, "url", "source", 0, NULL);
	}
}

int dd_date_valid(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, i, leap;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (s[i] < '0' || s[i] > '9') {
			return 0;
		}
	}
	if (s[10])
		return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

static void load_number(dd_loader *l, dd_round *r, const dd_json *root)
{
	const dd_json *v = dd_json_get(root, "round");
	long long n;

	if (!v) {
		dd_load_problem(l, DD_SEV_ERROR, "required", root->pos,
			"round has no \"round\" number");
		return;
	}
	r->number_pos = v->pos;
	if (!dd_json_integer(v, &n) || n < 1 || n > DD_ROUND_NUMBER_MAX) {
		dd_load_problem(l, DD_SEV_ERROR, "round-number", v->pos,
			"\"round\" must be a positive integer");
		return;
	}
	r->number = n;
}

static void load_root(dd_loader *l, dd_round *r, const dd_json *root)
{
	static const char *const keys[] = {
		"schema_version", "series", "round", "date", "title", "place",
		"chairs", "sources", "topics", "reaffirms", NULL
	};
	const dd_json *v;
	long long n;

	dd_load_unknown_keys(l, root, "a round", keys);
	v = dd_load_member(l, root, "schema_version", "round", 1);
	if (v && (!dd_json_integer(v, &n) || n != 1))
		dd_load_problem(l, DD_SEV_ERROR, "schema-version", v->pos,
			"unsupported schema_version (this dialdiff reads 1)");
	else if (v)
		r->schema_version = n;
	r->series = dd_load_string(l, root, "series", "round", 1,
				     &r->series_pos);
	load_number(l, r, root);
	r->date = dd_load_string(l, root, "date", "round", 1, &r->date_pos);
	if (r->date && !dd_date_valid(r->date))
		dd_load_problem(l, DD_SEV_ERROR, "date", r->date_pos,
			"\"%s\" is not a valid date (YYYY-MM-DD)", r->date);
	dd_load_text_member(l, &r->title, root, "title", "round", 1);
	dd_load_text_member(l, &r->place, root, "place", "round", 0);
	if ((v = dd_json_get(root, "chairs")))
		load_chairs(l, r, v);
	if ((v = dd_json_get(root, "sources")))
		load_sources(l, r, v);
	if ((v = dd_load_member(l, root, "topics", "round", 1))) {
		if (v->type == DD_JSON_OBJECT)
			r->topics_pos = v->pos;
		load_topics(l, r, v);
	}
	if ((v = dd_json_get(root, "reaffirms")))
		r->reaffirms = load_items(l, &r->nreaffirms, v,
					     "\"reaffirms\"", 1);
}

int dd_round_load(dd_round **out, const char *buf, size_t len,
		  const char *path, dd_diags *diags, dd_error *err)
{
	dd_json_doc *doc = NULL;
	dd_round *r;
	dd_loader l;

	*out = NULL;
	r = calloc(1, sizeof(*r));
	if (!r)
		return dd_error_oom(err);
	dd_arena_init(&r->arena);
	dd_loader_init(&l, &r->arena, path, diags, err);
	r->path = dd_load_strdup(&l, path);
	/* *out is set when the JSON parsed and was an object */
	if (dd_load_parse(&l, &doc, buf, len) == 0 && !l.oom &&
	    dd_load_expect(&l, dd_json_root(doc), DD_JSON_OBJECT,
			   "a round file")) {
		load_root(&l, r, dd_json_root(doc));
		if (!l.oom) {
			*out = r;
			r = NULL;
		}
	}
	dd_json_doc_free(doc);
	dd_round_free(r);
	return l.oom ? DD_ENOMEM : l.failed ? DD_ERROR : 0;
}

void dd_round_free(dd_round *r)
{
	if (!r)
		return;
	dd_arena_release(&r->arena);
	free(r);
}

const dd_round_section *dd_round_section_find(const dd_round *r,
					       const char *id)
{
	size_t i;

	for (i = 0; i < r->nsections; i++)
		if (!strcmp(r->sections[i].id, id))
			return &r->sections[i];
	return NULL;
}
