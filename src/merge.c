/*
 * merge.c - the three-way merge of a round file by item identity (see
 * merge.h).
 *
 * Each version is parsed twice: as JSON, whose nodes are what the result
 * is written from, and as a round (dd_round_load), whose items the
 * taxonomy classifies -- the identities the differ uses.  The round
 * loader makes one section per member of "topics" and one item per
 * element of a section, in document order, so the two line up by index.
 *
 * The result is a list of "pieces" per object or array: a clean member or
 * element (a node of one of the versions, or an item merged field by
 * field, made of nodes of both), a conflict (what each side has there),
 * or a container of pieces of its own ("topics", a section).  Every piece
 * is written with fmt's shapes, so that the file is in the canonical
 * layout; conflict blocks are written around the writer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/arena.h"
#include "dialdiff/fmt.h"
#include "dialdiff/json.h"
#include "dialdiff/merge.h"
#include "dialdiff/round.h"
#include "dialdiff/strmap.h"

typedef struct plist plist;

/* One member or element of the result. */
typedef struct piece {
	const char *key;	/* member name; NULL for an element */
	const dd_json *node;	/* clean: the value (a member: with its key) */
	const dd_json **side[2];	/* conflict: ours' and theirs' nodes */
	size_t nside[2];
	int conflict;
	plist *sub;		/* clean: a container of pieces ("topics", a
				   section) instead of node */
	int sub_object;		/* sub is an object, not an array */
} piece;

struct plist {
	piece *v;
	size_t n, alloc;
};

/* An identified member or element of one version. */
typedef struct entry {
	const char *key;	/* identity */
	const dd_json *node;
	const dd_round_section *rs;	/* a section: the round's, for its
					   items' identities */
} entry;

typedef struct elist {
	entry *v;
	size_t n;
	dd_strmap index;	/* key -> entry */
} elist;

/* One version of the file. */
typedef struct version {
	dd_json_doc *doc;
	const dd_json *root;	/* NULL: an empty base */
	const dd_json *topics;	/* NULL when absent */
	dd_round *round;
} version;

typedef struct mctx {
	dd_arena arena;
	dd_taxonomy *tx;
	const dd_fmt_shape *item;	/* the shape of a topic item */
	size_t conflicts;
	int oom;
} mctx;

typedef int (*merge_fn)(mctx *m, const entry *b, const entry *o,
			const entry *t, piece *out);

/* ---- values ---------------------------------------------------------- */

/* 1 when a and b are the same JSON value (NULL: absent); numbers by value
 * or as written, objects whatever the order of their members. */
static int same(const dd_json *a, const dd_json *b)
{
	const dd_json *x, *y;

	if (!a || !b)
		return a == b;
	if (a->type != b->type || a->count != b->count)
		return 0;
	switch (a->type) {
	case DD_JSON_NUMBER:
		return a->number == b->number ||
		       (a->string && b->string && !strcmp(a->string, b->string));
	case DD_JSON_STRING:
		return a->string_len == b->string_len &&
		       !memcmp(a->string, b->string, a->string_len);
	case DD_JSON_ARRAY:
		for (x = a->child, y = b->child; x && y; x = x->next, y = y->next)
			if (!same(x, y))
				return 0;
		return !x && !y;
	case DD_JSON_OBJECT:
		for (x = a->child; x; x = x->next)
			if (!same(x, dd_json_get(b, x->key)))
				return 0;
		return 1;
	default:
		return 1;
	}
}

/* The three-way rule for one value (NULL: absent): 0 with *out the
 * result, or 1 when both sides changed it differently. */
static int merge3(const dd_json *b, const dd_json *o, const dd_json *t,
		  const dd_json **out)
{
	if (same(o, t) || same(b, t))
		*out = o;
	else if (same(b, o))
		*out = t;
	else
		return 1;
	return 0;
}

/* The rule for a presence (of "topics", of a section): ours' when ours
 * changed it, else theirs'. */
static int present3(const void *b, const void *o, const void *t)
{
	return !b != !o ? o != NULL : t != NULL;
}

/* ---- pieces ---------------------------------------------------------- */

static piece *plist_add(mctx *m, plist *l)
{
	if (l->n == l->alloc) {
		size_t n = l->alloc ? 2 * l->alloc : 8;
		piece *v = dd_arena_array(&m->arena, n, sizeof(*v));

		if (!v) {
			m->oom = 1;
			return NULL;
		}
		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->alloc = n;
	}
	memset(&l->v[l->n], 0, sizeof(piece));
	return &l->v[l->n++];
}

/* A conflict between node o of ours and t of theirs (either NULL). */
static int conflict(mctx *m, piece *p, const char *key, const dd_json *o,
		    const dd_json *t)
{
	const dd_json **sides = dd_arena_array(&m->arena, 2, sizeof(*sides));

	if (!sides) {
		m->oom = 1;
		return -1;
	}
	memset(p, 0, sizeof(*p));
	p->key = key;
	p->conflict = 1;
	sides[0] = o;
	sides[1] = t;
	p->side[0] = sides;
	p->nside[0] = o != NULL;
	p->side[1] = sides + 1;
	p->nside[1] = t != NULL;
	return 0;
}

/*
 * The members of the merge of objects b, o and t (any may be NULL),
 * except skip, into l: ours' keys in ours' order, then theirs' new ones.
 * Returns the number of conflicts, or -1 when memory runs out.
 */
static int merge_members(mctx *m, const dd_json *b, const dd_json *o,
			 const dd_json *t, const char *skip, plist *l)
{
	const dd_json *side[2] = { o, t }, *x, *v;
	int s, n = 0, c;
	piece *p;

	for (s = 0; s < 2; s++)
		for (x = side[s] ? side[s]->child : NULL; x; x = x->next) {
			const dd_json *vo = dd_json_get(o, x->key);
			const dd_json *vt = dd_json_get(t, x->key);

			if ((skip && !strcmp(x->key, skip)) || (s && vo))
				continue;
			v = NULL;
			c = merge3(dd_json_get(b, x->key), vo, vt, &v);
			if (!c && !v)
				continue;	/* deleted */
			if (!(p = plist_add(m, l)))
				return -1;
			p->key = x->key;
			p->node = v;
			if (c && conflict(m, p, x->key, vo, vt) < 0)
				return -1;
			n += c;
		}
	return n;
}

/*
 * The merge of one item (NULL where a version has none): 0 with *out the
 * result (NULL: deleted), 1 for a conflict, -1 when memory runs out.
 * Items that all sides changed merge field by field into a new object
 * made of the versions' member nodes.
 */
static int merge_item(mctx *m, const dd_json *b, const dd_json *o,
		      const dd_json *t, const dd_json **out)
{
	plist fields = { NULL, 0, 0 };
	dd_json *obj;
	size_t i;
	int rc;

	if (merge3(b, o, t, out) == 0)
		return 0;
	if (!o || !t || o->type != DD_JSON_OBJECT ||
	    t->type != DD_JSON_OBJECT || (b && b->type != DD_JSON_OBJECT))
		return 1;
	rc = merge_members(m, b, o, t, NULL, &fields);
	if (rc != 0)	/* a field conflicts: the item as a whole does */
		return rc < 0 ? -1 : 1;
	/* the object, then its members */
	obj = dd_arena_array(&m->arena, fields.n + 1, sizeof(*obj));
	if (!obj) {
		m->oom = 1;
		return -1;
	}
	obj[0] = *o;
	obj[0].child = fields.n ? &obj[1] : NULL;
	obj[0].count = (uint32_t)fields.n;
	for (i = 0; i < fields.n; i++) {
		obj[i + 1] = *fields.v[i].node;
		obj[i + 1].next = i + 1 < fields.n ? &obj[i + 2] : NULL;
	}
	*out = obj;
	return 0;
}

/* ---- lists matched by identity ---------------------------------------- */

typedef struct lnode {
	piece p;
	struct lnode *next;
} lnode;

/*
 * Merge the lists b, o and t, matched by key, with fn for each key, into
 * out: in ours' order, and each key only theirs has after the nearest key
 * before it in theirs that is in the result, else first.  0, or -1 when
 * memory runs out.
 */
static int merge_lists(mctx *m, const elist *b, const elist *o,
		       const elist *t, merge_fn fn, plist *out)
{
	dd_strmap at = DD_STRMAP_INIT;	/* key -> its node in the result */
	lnode *head = NULL, *last = NULL, *node, *anchor;
	size_t i, k;
	int s, rc = 0;

	for (s = 0; s < 2 && rc == 0; s++) {
		const elist *l = s ? t : o;

		for (i = 0; i < l->n && rc == 0; i++) {
			const entry *e = &l->v[i];
			const entry *eo = s ? dd_strmap_get(&o->index, e->key) : e;
			piece p;

			if (s && eo)
				continue;	/* merged with ours' */
			rc = fn(m, dd_strmap_get(&b->index, e->key), eo,
				s ? e : dd_strmap_get(&t->index, e->key), &p);
			if (rc <= 0)
				continue;
			rc = 0;
			node = dd_arena_alloc(&m->arena, sizeof(*node));
			if (!node || dd_strmap_put(&at, e->key, node, NULL) < 0) {
				m->oom = 1;
				rc = -1;
				break;
			}
			node->p = p;
			/* ours' at the end; theirs' after the nearest one
			 * before it in theirs that is in, else first */
			anchor = s ? NULL : last;
			for (k = i; s && !anchor && k > 0; k--)
				anchor = dd_strmap_get(&at, l->v[k - 1].key);
			if (anchor) {
				node->next = anchor->next;
				anchor->next = node;
			} else {
				node->next = head;
				head = node;
			}
			if (anchor == last)
				last = node;
		}
	}
	for (node = head; node && rc == 0; node = node->next) {
		piece *p = plist_add(m, out);

		if (!p)
			rc = -1;
		else
			*p = node->p;
	}
	dd_strmap_release(&at);
	return rc;
}

/* An identity that can never be a label or an id: the whole item. */
static const char *content_key(mctx *m, const dd_json *node)
{
	dd_buf b = DD_BUF_INIT;
	dd_json_writer w;
	char *k;

	dd_buf_addc(&b, '\001');
	dd_json_writer_init(&w, &b, 1);
	dd_fmt_write_node(&w, node, m->item);
	k = dd_buf_oom(&b) ? NULL : dd_arena_strdup(&m->arena, b.ptr);
	dd_buf_release(&b);
	return k;
}

/* The identity of item it (node): id, else its key as the taxonomy gave
 * it, else the normalized label, else its content.  NULL when memory runs
 * out. */
static const char *item_key(mctx *m, const dd_item *it, const dd_json *node)
{
	const char *k = it ? it->id : NULL;
	char *norm = NULL;

	if (it && !k && m->tx)
		k = it->key;
	if (it && !k && (it->label.en || it->label.zh) &&
	    !(k = norm = dd_text_normalize(dd_text_get(&it->label,
						       DD_LANG_EN))))
		return NULL;
	if (k && *k)
		k = dd_arena_strdup(&m->arena, k);
	else
		k = content_key(m, node);
	free(norm);
	return k;
}

/* The n-th occurrence of identity k in its list, as "N:k" (n from 1);
 * seen counts them.  NULL when memory runs out. */
static const char *occurrence(mctx *m, dd_strmap *seen, const char *k)
{
	size_t *count = dd_arena_alloc(&m->arena, sizeof(*count)), len;
	void *have = NULL;
	char *s;
	int rc;

	if (!count || (rc = dd_strmap_put(seen, k, count, &have)) < 0)
		return NULL;
	if (rc == 0)
		count = have;
	++*count;
	len = strlen(k) + 24;
	if (!(s = dd_arena_alloc(&m->arena, len)))
		return NULL;
	snprintf(s, len, "%zu:%s", *count, k);
	return s;
}

/*
 * The identified members or elements of container c of one version
 * (NULL: none) into l: with round set, the sections of "topics", by
 * name, each with its section of round; else the items of a section, by
 * identity (item_key), whose round section is rs.  0, or -1 when memory
 * runs out.
 */
static int entry_list(mctx *m, elist *l, const dd_json *c,
		      const dd_round *round, const dd_round_section *rs)
{
	dd_strmap seen = DD_STRMAP_INIT;
	const dd_json *x;
	size_t i = 0;
	int rc = 0;

	if (!c || !c->count)
		return 0;
	if (!(l->v = dd_arena_array(&m->arena, c->count, sizeof(entry))))
		rc = -1;
	for (x = rc ? NULL : c->child; x; x = x->next, i++) {
		entry *e = &l->v[l->n];
		const char *k = x->key;

		e->node = x;
		if (round)
			e->rs = i < round->nsections ? &round->sections[i] : NULL;
		else if ((k = item_key(m, rs && i < rs->count ?
					 &rs->items[i] : NULL, x)))
			k = occurrence(m, &seen, k);
		if (!(e->key = k) || dd_strmap_put(&l->index, k, e, NULL) < 0) {
			rc = -1;
			break;
		}
		l->n++;
	}
	dd_strmap_release(&seen);
	if (rc)
		m->oom = 1;
	return rc;
}

/* merge_fn of the items of a section. */
static int item_fn(mctx *m, const entry *b, const entry *o, const entry *t,
		   piece *out)
{
	const dd_json *no = o ? o->node : NULL, *nt = t ? t->node : NULL, *v;
	int rc = merge_item(m, b ? b->node : NULL, no, nt, &v);

	if (rc < 0)
		return -1;
	if (rc > 0) {
		m->conflicts++;
		return conflict(m, out, NULL, no, nt) < 0 ? -1 : 1;
	}
	if (!v)
		return 0;	/* deleted */
	memset(out, 0, sizeof(*out));
	out->node = v;
	return 1;
}

/* merge_fn of the sections of "topics": a section is kept while any side
 * keeps it, or while it has items. */
static int section_fn(mctx *m, const entry *b, const entry *o,
		      const entry *t, piece *out)
{
	elist l[3];
	const entry *e[3] = { b, o, t };
	plist *items = dd_arena_alloc(&m->arena, sizeof(*items));
	int i, rc = items ? 0 : -1;

	memset(l, 0, sizeof(l));
	for (i = 0; i < 3 && rc == 0; i++)
		if (e[i])
			rc = entry_list(m, &l[i], e[i]->node, NULL, e[i]->rs);
	if (rc == 0)
		rc = merge_lists(m, &l[0], &l[1], &l[2], item_fn, items);
	for (i = 0; i < 3; i++)
		dd_strmap_release(&l[i].index);
	if (rc < 0) {
		m->oom = 1;
		return -1;
	}
	if (!present3(b, o, t) && !items->n)
		return 0;
	memset(out, 0, sizeof(*out));
	out->key = (o ? o : t ? t : b)->node->key;
	out->sub = items;
	return 1;
}

/* The members of the merged round into l: every member but "topics" by
 * the three-way rule, then "topics" merged section by section; in the
 * canonical order.  0, or -1 when memory runs out. */
static int merge_root(mctx *m, const version v[3], plist *l)
{
	elist secs[3];
	plist *sections = dd_arena_alloc(&m->arena, sizeof(*sections));
	piece *p, tmp;
	const dd_fmt_shape *sh = dd_fmt_shape_of(DD_FMT_ROUND);
	size_t i, j;
	int rc, n;

	if (!sections)
		goto oom;
	n = merge_members(m, v[0].root, v[1].root, v[2].root, "topics", l);
	if (n < 0)
		goto oom;
	m->conflicts += (size_t)n;
	memset(secs, 0, sizeof(secs));
	for (i = 0, rc = 0; i < 3 && rc == 0; i++)
		rc = entry_list(m, &secs[i], v[i].topics, v[i].round, NULL);
	if (rc == 0)
		rc = merge_lists(m, &secs[0], &secs[1], &secs[2], section_fn,
				 sections);
	for (i = 0; i < 3; i++)
		dd_strmap_release(&secs[i].index);
	if (rc < 0)
		goto oom;
	if (sections->n || present3(v[0].topics, v[1].topics, v[2].topics)) {
		if (!(p = plist_add(m, l)))
			goto oom;
		p->key = "topics";
		p->sub = sections;
		p->sub_object = 1;
	}
	/* the known keys in their order, the others as they came (stable) */
	for (i = 1; i < l->n; i++)
		for (j = i; j > 0; j--) {
			int a = dd_fmt_shape_rank(sh, l->v[j - 1].key);
			int c = dd_fmt_shape_rank(sh, l->v[j].key);

			if (c < 0 || (a >= 0 && a <= c))
				break;
			tmp = l->v[j - 1];
			l->v[j - 1] = l->v[j];
			l->v[j] = tmp;
		}
	return 0;
oom:
	m->oom = 1;
	return -1;
}

/* ---- writing ---------------------------------------------------------- */

/*
 * When the last piece of l is a conflict with an empty side, keeping that
 * side would leave the comma after the piece before it: take that piece
 * into the block (on both sides), as often as needed -- or, when it is a
 * container ("topics"), which a block cannot hold, put the block before
 * it.  0, or -1 when memory runs out.
 */
static int close_tail(mctx *m, plist *l)
{
	piece *last, *prev, tmp;
	const dd_json **v;
	size_t s, k;

	while (l->n >= 2) {
		last = &l->v[l->n - 1];
		prev = &l->v[l->n - 2];
		if (!last->conflict || (last->nside[0] && last->nside[1]))
			return 0;
		if (prev->sub) {
			tmp = *prev;
			*prev = *last;
			*last = tmp;
			return 0;
		}
		for (s = 0; s < 2; s++) {
			size_t np = prev->conflict ? prev->nside[s] : 1;

			v = dd_arena_array(&m->arena, np + last->nside[s] + 1,
					   sizeof(*v));
			if (!v) {
				m->oom = 1;
				return -1;
			}
			for (k = 0; k < np; k++)
				v[k] = prev->conflict ? prev->side[s][k]
						      : prev->node;
			for (k = 0; k < last->nside[s]; k++)
				v[np + k] = last->side[s][k];
			prev->side[s] = v;
			prev->nside[s] = np + last->nside[s];
		}
		prev->conflict = 1;
		prev->node = NULL;
		l->n--;
	}
	return 0;
}

/* One member (with its key) or element of a container of shape sh. */
static void write_value(dd_json_writer *w, const dd_json *node,
			const dd_fmt_shape *sh, int members)
{
	if (members)
		dd_json_key(w, node->key);
	dd_fmt_write_node(w, node, dd_fmt_shape_sub(sh, members ? node->key
							       : NULL));
}

/* One side of a conflict block, each value with the comma that follows it
 * (the last one's when comma is set). */
static void write_side(dd_json_writer *w, const dd_json **nodes, size_t n,
		       const dd_fmt_shape *sh, int members, int comma)
{
	size_t i;

	w->need_comma = 0;
	for (i = 0; i < n; i++)
		write_value(w, nodes[i], sh, members);
	if (n && comma)
		dd_buf_addc(w->out, ',');
}

static int write_pieces(mctx *m, dd_json_writer *w, plist *l,
			const dd_fmt_shape *sh, int members)
{
	size_t i;

	if (close_tail(m, l) < 0)
		return -1;
	for (i = 0; i < l->n; i++) {
		const piece *p = &l->v[i];
		int last = i + 1 == l->n;

		if (p->conflict) {
			/* the comma after the value before, then the block
			 * at the start of its lines */
			if (w->need_comma)
				dd_buf_addc(w->out, ',');
			dd_buf_adds(w->out, "\n" DD_MERGE_OURS);
			write_side(w, p->side[0], p->nside[0], sh, members,
				   !last);
			dd_buf_adds(w->out, "\n" DD_MERGE_SEP);
			write_side(w, p->side[1], p->nside[1], sh, members,
				   !last);
			dd_buf_adds(w->out, "\n" DD_MERGE_THEIRS);
			/* last: the container's end goes on a line of its
			 * own; else the next value needs no comma */
			w->need_comma = last;
		} else if (p->sub) {
			const dd_fmt_shape *sub = dd_fmt_shape_sub(sh, p->key);

			if (members)
				dd_json_key(w, p->key);
			(p->sub_object ? dd_json_begin_object : dd_json_begin_array)(w);
			if (write_pieces(m, w, p->sub, sub, p->sub_object) < 0)
				return -1;
			(p->sub_object ? dd_json_end_object : dd_json_end_array)(w);
		} else {
			write_value(w, p->node, sh, members);
		}
	}
	return 0;
}

/* ---- versions --------------------------------------------------------- */

static int blank(const char *s, size_t n)
{
	while (n && s[n - 1] && strchr(" \t\r\n", s[n - 1]))
		n--;
	return n == 0;
}

/*
 * Read version name of path from buf[0..len) into v: parsed, checked to
 * be a round whose "topics" is an object of arrays, loaded as a round and
 * classified.  An empty base leaves v->root NULL.  0 or a negative code
 * with err set.
 */
static int load_version(mctx *m, version *v, const char *buf, size_t len,
			const char *path, const char *name, dd_error *err)
{
	char display[DD_ERROR_FILE_MAX];
	const dd_json *x;
	dd_error lerr;
	int rc;

	if (!strcmp(name, "base") && blank(buf, len))
		return 0;
	snprintf(display, sizeof(display), "%s (%s)", path, name);
	if ((rc = dd_json_parse(&v->doc, buf, len, display, &lerr)) < 0) {
		if (err)
			*err = lerr;
		/* the parser reports some failures of memory as DD_ERROR */
		return lerr.code == DD_ENOMEM ? DD_ENOMEM : rc;
	}
	v->root = dd_json_root(v->doc);
	if (dd_fmt_kind_of(path, v->root) != DD_FMT_ROUND)
		return dd_error_set(err, DD_ERROR, display, v->root->pos.line,
				    v->root->pos.column, "not a round file");
	v->topics = dd_json_get(v->root, "topics");
	if (v->topics && v->topics->type != DD_JSON_OBJECT)
		return dd_error_set(err, DD_ERROR, display,
				    v->topics->pos.line, v->topics->pos.column,
				    "\"topics\" is not an object");
	for (x = v->topics ? v->topics->child : NULL; x; x = x->next)
		if (x->type != DD_JSON_ARRAY)
			return dd_error_set(err, DD_ERROR, display,
					    x->pos.line, x->pos.column,
					    "section \"%s\" is not an array",
					    x->key);
	/* its problems are check's business: only the identities matter */
	lerr.code = 0;
	rc = dd_round_load(&v->round, buf, len, display, NULL, &lerr);
	if (rc == DD_ENOMEM || lerr.code == DD_ENOMEM)
		return dd_error_oom(err);
	if (!v->round)	/* it parsed a moment ago */
		return dd_error_set(err, DD_ERROR, display, 0, 0, "%s",
				    lerr.message);
	if (m->tx)
		return dd_taxonomy_classify_round(m->tx, v->round, NULL, err);
	return 0;
}

int dd_merge_rounds(dd_buf *out, size_t *conflicts,
		    const char *base, size_t nbase,
		    const char *ours, size_t nours,
		    const char *theirs, size_t ntheirs,
		    const char *path, dd_taxonomy *tx, dd_error *err)
{
	static const char *const names[3] = { "base", "ours", "theirs" };
	const char *bufs[3] = { base, ours, theirs };
	size_t lens[3] = { nbase, nours, ntheirs };
	version v[3];
	plist root = { NULL, 0, 0 };
	dd_json_writer w;
	mctx m;
	int i, rc = 0;

	*conflicts = 0;
	dd_buf_reset(out);
	memset(v, 0, sizeof(v));
	memset(&m, 0, sizeof(m));
	dd_arena_init(&m.arena);
	m.tx = tx;
	/* the elements of any section of "topics" */
	m.item = dd_fmt_shape_sub(dd_fmt_shape_sub(dd_fmt_shape_sub(
		dd_fmt_shape_of(DD_FMT_ROUND), "topics"), "any"), NULL);
	for (i = 0; i < 3 && rc == 0; i++)
		rc = load_version(&m, &v[i], bufs[i], lens[i], path, names[i],
				  err);
	if (rc == 0 && merge_root(&m, v, &root) == 0) {
		dd_json_writer_init(&w, out, 0);
		dd_json_begin_object(&w);
		if (write_pieces(&m, &w, &root, dd_fmt_shape_of(DD_FMT_ROUND),
				 1) == 0) {
			dd_json_end_object(&w);
			dd_buf_addc(out, '\n');
		}
	}
	if (rc == 0 && (m.oom || dd_buf_oom(out)))
		rc = dd_error_oom(err);
	if (rc < 0)
		dd_buf_reset(out);
	else
		*conflicts = m.conflicts;
	for (i = 0; i < 3; i++) {
		dd_round_free(v[i].round);
		dd_json_doc_free(v[i].doc);
	}
	dd_arena_release(&m.arena);
	return rc;
}
