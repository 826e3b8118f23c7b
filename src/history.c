/*
 * history.c - review (two sides) and log (a walk) of the semantic changes
 * to round files, on top of the git module, the loaders and the differ.
 * libgit2 is not included here: everything git goes through git.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dialdiff/history.h"
#include "dialdiff/json.h"
#include "dialdiff/project.h"
#include "dialdiff/selector.h"
#include "dialdiff/source.h"
#include "dialdiff/strmap.h"
#include "dialdiff/worker.h"

/* A parsed blob, per taxonomy it was classified with (usually one). */
typedef struct round_entry {
	const dd_taxonomy *tx;
	dd_round *round;	/* NULL when it does not parse, or evicted */
	const char *error;	/* why it does not parse */
	size_t stamp;		/* its place in the eviction queue */
	size_t from_commit;	/* the last commit it was an old side of */
	struct round_entry *next;
} round_entry;

/* A place in the eviction queue: the entry, and its stamp then. */
typedef struct queued {
	round_entry *e;
	size_t stamp;
} queued;

/*
 * Parsed rounds a streaming log keeps at most (about 16 KiB each for the
 * benchmark's rounds of 45 items).  Walking newest first, the old side of
 * a change is the new side of the next change to the same file, further
 * down the walk; a new side is not wanted again (in a linear history).  So
 * a streaming log frees the new sides of a commit once it is shown, and
 * keeps old sides until this many rounds are live: about one per round
 * file of the repository, whatever the length of the history.
 */
#define LIVE_ROUNDS 4096

/*
 * A round file read and parsed ahead on the worker thread, while the main
 * thread shows earlier commits (a streaming log), and classified there
 * with the taxonomy found ahead, if any (under the worker's lock: a
 * taxonomy caches its matches); else the main thread classifies it when
 * it takes it.
 */
typedef struct ahead {
	dd_job job;		/* first: the worker hands back &job */
	struct dd_history *h;
	dd_oid id;
	char at[DD_ERROR_FILE_MAX];	/* "abc1234:path", for messages */
	size_t commit;		/* the last walk position that wants it */
	dd_taxonomy *tx;	/* to classify it with, or NULL */
	int rc;			/* of the parse */
	int classified;		/* 1: with tx; -1: that failed (rc, err) */
	dd_round *round;	/* NULL when it does not parse */
	dd_error err;		/* why */
	struct ahead *next;	/* h->ahead_head, in the order queued */
} ahead;

/* Commits walked, and their changes found, ahead of the one shown. */
#define LOOKAHEAD 16

typedef struct pending {
	size_t pos;		/* in the walk, from 1 */
	int rc;			/* of the walk: 0, 1 (its end) or an error */
	dd_error err;
	dd_oid id;
	dd_git_commit c;	/* zero unless loaded */
	int scanned;		/* ch, n: the changes to its first parent */
	dd_git_change *ch;
	size_t n;
	dd_taxonomy **txs;	/* per change, the new side's taxonomy when
				   found ahead, else NULL (NULL: none found) */
} pending;

typedef struct ring {
	pending p[LOOKAHEAD];
	size_t head, count, pos;
	int ended;
} ring;

/* The dialogues folder of a commit. */
typedef struct folder_entry {
	dd_oid id;
	int type;		/* DD_GIT_TREE, or DD_GIT_NONE when absent */
} folder_entry;

struct dd_history {
	dd_git_repo *repo;
	dd_history_opts opts;
	char *folder;		/* the dialogues folder: "" for the top */
	char *base;		/* folder + "/", or "" */
	dd_arena arena;		/* cache keys and entries */
	dd_strmap rounds;	/* blob hex -> round_entry */
	dd_project_cache *txc;	/* the taxonomies of every side */
	dd_strmap folders;	/* commit hex -> folder_entry */
	/* parsed rounds in the order they were parsed, oldest first: a
	   streaming log frees them from the front (see evict) */
	queued *queue;
	size_t qhead, qlen, qalloc, live, stamps;
	/* a streaming log: the commit being shown (from 1), and the rounds
	   it used as new sides, freed after it (see note_side) */
	size_t commit;
	round_entry **spent;
	size_t nspent, spent_alloc;
	/* a streaming log with a worker thread: rounds parsed ahead */
	dd_worker *worker;
	dd_git_repo *wrepo;	/* the worker's own handle */
	dd_buf wbuf;		/* the worker's read buffer */
	dd_buf hbuf;		/* the main thread's, for jobs it takes */
	ahead *ahead_head, *ahead_tail;	/* queued or done, not taken */
	dd_source *worktree;
	dd_project *wproj;	/* the project of the working tree side */
	dd_round **wt_rounds;	/* rounds read from the working tree */
	size_t nwt_rounds, wt_alloc;
	dd_buf buf;
};

/* One side of a comparison: a project over a commit (owned) or over the
 * working tree (the history's); none for an empty side. */
typedef struct side {
	enum { SIDE_EMPTY, SIDE_COMMIT, SIDE_WORKTREE } kind;
	dd_project *proj;
	dd_source *src;		/* SIDE_COMMIT: proj's source, owned */
	dd_oid tree;		/* SIDE_COMMIT: the root tree */
	const char *rev;	/* 40 hex (arena of the result), or NULL */
	char name[16];		/* for messages: abbreviated id, "working tree" */
} side;

/* What a review or a log keeps besides its arena. */
typedef struct owned {
	dd_diff **diffs;
	size_t ndiffs, alloc;
} owned;

const char *dd_file_status_name(dd_file_status status)
{
	static const char *const names[] = {
		"added", "deleted", "modified", "renamed", "reclassified"
	};

	return status <= DD_FILE_RECLASSIFIED ? names[status] : "?";
}

/* ---- the history and its caches ------------------------------------ */

static void stop_ahead(dd_history *h);

int dd_history_new(dd_history **out, dd_git_repo *repo,
		   const dd_history_opts *opts, dd_error *err)
{
	dd_history *h = calloc(1, sizeof(*h));
	const char *d = opts->dialogues ? opts->dialogues : "dialogues";
	size_t n;

	*out = NULL;
	if (!h)
		return dd_error_oom(err);
	h->repo = repo;
	h->opts = *opts;
	dd_arena_init(&h->arena);
	dd_buf_init(&h->buf);
	dd_buf_init(&h->wbuf);
	dd_buf_init(&h->hbuf);
	n = strlen(d);
	h->folder = malloc(n + 1);
	h->base = malloc(n + 2);
	h->txc = dd_project_cache_new();
	if (!h->folder || !h->base || !h->txc) {
		dd_history_free(h);
		return dd_error_oom(err);
	}
	if (dd_path_resolve(h->folder, n + 1, "", d, err) < 0) {
		dd_history_free(h);
		return dd_error_set(err, DD_EUSAGE, d, 0, 0,
				    "the dialogues folder must lie in the repository");
	}
	snprintf(h->base, n + 2, "%s%s", h->folder, *h->folder ? "/" : "");
	*out = h;
	return 0;
}

void dd_history_free(dd_history *h)
{
	size_t i;

	if (!h)
		return;
	stop_ahead(h);	/* its jobs use the taxonomies */
	for (i = 0; i < h->rounds.size; i++) {
		round_entry *e = h->rounds.slots[i].key ? h->rounds.slots[i].value
							: NULL;

		for (; e; e = e->next)
			dd_round_free(e->round);
	}
	for (i = 0; i < h->nwt_rounds; i++)
		dd_round_free(h->wt_rounds[i]);
	free(h->wt_rounds);
	free(h->queue);
	free(h->spent);
	dd_strmap_release(&h->rounds);
	dd_strmap_release(&h->folders);
	dd_project_free(h->wproj);
	dd_project_cache_free(h->txc);
	dd_source_free(h->worktree);
	dd_buf_release(&h->buf);
	dd_arena_release(&h->arena);
	free(h->folder);
	free(h->base);
	free(h);
}

/* items, an array of *alloc elements of size bytes of which n are used,
 * with room for one more: realloc'd (doubling, from 16) when full.  NULL
 * when memory runs out (items is left as it was). */
static void *grow(void *items, size_t *alloc, size_t n, size_t size)
{
	size_t na = *alloc ? *alloc * 2 : 16;

	if (n < *alloc)
		return items;
	if ((items = realloc(items, na * size)))
		*alloc = na;
	return items;
}

/* The folder of a '/'-separated path, malloc'd ("" for none). */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? strndup(path, (size_t)(slash - path)) : strdup("");
}

/* ---- sides ---------------------------------------------------------- */

static int worktree_source(dd_history *h, dd_source **out, dd_error *err)
{
	const char *top = dd_git_workdir(h->repo);
	char *root;
	int rc;

	if (!h->worktree) {
		if (!top)
			return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
					    "a bare repository has no working tree");
		/* without its trailing '/' */
		root = strndup(top, strlen(top) > 1 ? strlen(top) - 1 : 1);
		if (!root)
			return dd_error_oom(err);
		rc = dd_source_worktree(&h->worktree, root, err);
		free(root);
		if (rc < 0)
			return rc;
	}
	*out = h->worktree;
	return 0;
}

/* What path is on side s: *type DD_GIT_*, *id its object id (commits). */
static int side_entry(dd_history *h, const side *s, const char *path,
		      dd_oid *id, int *type, dd_error *err)
{
	dd_source *src;
	int rc;

	*type = DD_GIT_NONE;
	if (s->kind == SIDE_EMPTY)
		return 0;
	if (s->kind == SIDE_COMMIT)
		return dd_git_entry(id, type, h->repo, &s->tree, path, err);
	if ((rc = worktree_source(h, &src, err)) < 0)
		return rc;
	*type = dd_source_type(src, path);	/* DD_SOURCE_* == DD_GIT_* */
	return 0;
}

static size_t max_size(const dd_history *h)
{
	return h->opts.max_size ? h->opts.max_size : DD_SOURCE_MAX_SIZE;
}

/* Read path (object id on a commit side) into h->buf. */
static int side_read(dd_history *h, const side *s, const char *path,
		     const dd_oid *id, dd_error *err)
{
	dd_source *src;
	int rc;

	if (s->kind == SIDE_COMMIT)
		return dd_git_read_blob(&h->buf, h->repo, id, max_size(h),
					err);
	if ((rc = worktree_source(h, &src, err)) < 0)
		return rc;
	return dd_source_read(&h->buf, src, path, h->opts.max_size, err);
}

/* "abc1234:path" (or "path" in the working tree) into buf, truncated. */
static const char *where(char *buf, size_t size, const side *s,
			 const char *path)
{
	int wt = s->kind == SIDE_WORKTREE;

	snprintf(buf, size, "%s%s%s", wt ? "" : s->name, wt ? "" : ":", path);
	return buf;
}

/* A message for the result: "WHERE:LINE:COL: message", in the arena. */
static const char *message(dd_arena *arena, const dd_error *err)
{
	char buf[DD_ERROR_FILE_MAX + DD_ERROR_MSG_MAX + 32];

	dd_error_format(buf, sizeof(buf), err);
	return dd_arena_strdup(arena, buf);
}

/* ---- taxonomies ----------------------------------------------------- */

/*
 * The taxonomy for the rounds of series folder sdir on side s, as its
 * project finds it.  Returns 0 with *tx set, or 0 with *tx NULL and *why
 * (arena of the result) set when it cannot be loaded; a negative code
 * only when memory runs out.
 */
static int taxonomy_for(dd_history *h, dd_arena *arena, const side *s,
			const char *sdir, dd_taxonomy **tx, const char **why,
			dd_error *err)
{
	const char *path;
	dd_error lerr;
	int rc;

	*tx = h->opts.taxonomy;
	*why = NULL;
	if (*tx)
		return 0;
	if (!(path = dd_project_taxonomy_path(s->proj, sdir)))
		return dd_error_oom(err);
	rc = dd_project_taxonomy(tx, s->proj, path, NULL, &lerr);
	if (rc == DD_ENOMEM)
		return dd_error_oom(err);
	if (rc == DD_EMISSING) {	/* a partial clone: fail closed */
		*err = lerr;
		return rc;
	}
	if (rc < 0) {
		if (s->kind == SIDE_COMMIT && !strchr(lerr.file, ':')) {
			char at[DD_ERROR_FILE_MAX];

			snprintf(lerr.file, sizeof(lerr.file), "%s",
				 where(at, sizeof(at), s, path));
		}
		*why = message(arena, &lerr);
	}
	return 0;
}

/* ---- rounds --------------------------------------------------------- */

/* Queue a parsed round for eviction. */
static int enqueue(dd_history *h, round_entry *e)
{
	if (h->qlen == h->qalloc) {
		size_t na, i, k = 0;
		queued *q;

		/* drop the consumed front and the places of rounds freed or
		   queued again since, so that the queue follows the live
		   rounds, not the length of the history */
		for (i = h->qhead; i < h->qlen; i++)
			if (h->queue[i].e->stamp == h->queue[i].stamp &&
			    h->queue[i].e->round)
				h->queue[k++] = h->queue[i];
		h->qlen = k;
		h->qhead = 0;
		if (!h->qalloc || h->qlen > h->qalloc / 2) {
			na = h->qalloc ? h->qalloc * 2 : 64;
			q = realloc(h->queue, na * sizeof(*q));
			if (!q)
				return -1;
			h->queue = q;
			h->qalloc = na;
		}
	}
	e->stamp = ++h->stamps;
	h->queue[h->qlen].e = e;
	h->queue[h->qlen].stamp = e->stamp;
	h->qlen++;
	h->live++;
	return 0;
}

/*
 * Free the oldest parsed rounds until at most max are left.  Only between
 * the commits of a streaming log, when no result refers to any round.
 */
static void evict(dd_history *h, size_t max)
{
	while (h->live > max && h->qhead < h->qlen) {
		queued q = h->queue[h->qhead++];

		if (q.e->stamp != q.stamp || !q.e->round)
			continue;	/* parsed again since: queued later */
		dd_round_free(q.e->round);
		q.e->round = NULL;
		h->live--;
	}
}

/* Remember which side of a change of the commit being shown e was. */
static int note_side(dd_history *h, round_entry *e, int new_side,
		     dd_error *err)
{
	round_entry **p;

	if (!h->commit)
		return 0;	/* not a streaming log */
	if (!new_side) {
		e->from_commit = h->commit;
		return 0;
	}
	p = grow(h->spent, &h->spent_alloc, h->nspent, sizeof(*p));
	if (!p)
		return dd_error_oom(err);
	h->spent = p;
	h->spent[h->nspent++] = e;
	return 0;
}

/* After a streaming log's commit: free the rounds it used as new sides
 * only, which the rest of the walk will not want (see LIVE_ROUNDS). */
static void release_spent(dd_history *h)
{
	size_t i;

	for (i = 0; i < h->nspent; i++) {
		round_entry *e = h->spent[i];

		if (e->round && e->from_commit != h->commit) {
			dd_round_free(e->round);
			e->round = NULL;
			h->live--;
		}
	}
	h->nspent = 0;
}

/*
 * Parse the round just read into buf (rc: how the read went), named at in
 * messages: 0 with *round set, or a negative code with *round NULL and lerr
 * saying why.  Both threads use it, each with its own buf and lerr.
 */
static int parse_read(dd_round **round, int rc, const dd_buf *buf,
		      const char *at, int worktree, dd_error *lerr)
{
	*round = NULL;
	if (rc == 0)
		rc = dd_round_load(round, buf->ptr, buf->len, at, NULL, lerr);
	else if (!strchr(lerr->file, ':') || worktree)
		snprintf(lerr->file, sizeof(lerr->file), "%s", at);
	if (rc < 0) {
		dd_round_free(*round);
		*round = NULL;
	}
	return rc;
}

/* ---- parsing ahead (a streaming log) -------------------------------- */

static int wanted(const dd_history *h, const char *path);

/* Classify round with tx, on either thread: a taxonomy caches its
 * matches, so with a worker one thread classifies at a time. */
static int classify(dd_history *h, dd_taxonomy *tx, dd_round *round,
		    dd_error *err)
{
	int rc;

	if (h->worker)
		dd_worker_lock(h->worker);
	rc = dd_taxonomy_classify_round(tx, round, NULL, err);
	if (h->worker)
		dd_worker_unlock(h->worker);
	return rc;
}

/* dd_job.run: read, parse and classify one blob, with the worker's handle
 * and buffer on the worker thread, else the main thread's handle and a
 * buffer of its own. */
static void parse_ahead(dd_job *job, int helper)
{
	ahead *a = (ahead *)job;
	dd_history *h = a->h;
	dd_buf *buf = helper ? &h->hbuf : &h->wbuf;
	int rc = dd_git_read_blob(buf, helper ? h->repo : h->wrepo, &a->id,
				  max_size(h), &a->err);

	a->rc = parse_read(&a->round, rc, buf, a->at, 0, &a->err);
	if (a->rc < 0 || !a->tx)
		return;
	rc = classify(h, a->tx, a->round, &a->err);
	a->classified = rc < 0 ? -1 : 1;
	if (rc < 0) {
		a->rc = rc;
		dd_round_free(a->round);
		a->round = NULL;
	}
}

/* Start the worker, where there is more than one processor: 0 or -1. */
static int start_ahead(dd_history *h)
{
	dd_error err;

	if (dd_worker_cpus() < 2)
		return -1;
	if (dd_git_reopen(&h->wrepo, h->repo, &err) < 0)
		return -1;
	if (dd_worker_start(&h->worker, dd_json_release_thread, &err) < 0) {
		dd_git_free(h->wrepo);
		h->wrepo = NULL;
		return -1;
	}
	return 0;
}

/* Unlink a (done) from the list of blobs parsed ahead. */
static void unlink_ahead(dd_history *h, ahead *a)
{
	ahead **pp = &h->ahead_head, *prev = NULL;

	while (*pp != a) {
		prev = *pp;
		pp = &(*pp)->next;
	}
	*pp = a->next;
	if (h->ahead_tail == a)
		h->ahead_tail = prev;
}

static ahead *find_ahead(const dd_history *h, const dd_oid *id)
{
	ahead *a;

	for (a = h->ahead_head; a; a = a->next)
		if (!memcmp(&a->id, id, sizeof(*id)))
			return a;
	return NULL;
}

/* The blob id parsed ahead, once the worker is done with it; NULL when it
 * was not queued.  The caller owns the result (free it and its round). */
static ahead *take_ahead(dd_history *h, const dd_oid *id)
{
	ahead *a = h->worker ? find_ahead(h, id) : NULL;

	if (a) {
		dd_worker_wait(h->worker, &a->job);
		unlink_ahead(h, a);
	}
	return a;
}

/*
 * Queue blob id (path on side s, a commit) for parsing ahead, for the
 * commit at walk position pos, unless it is parsed already or queued (then
 * pos is noted).  Best effort: nothing is queued when memory runs out.
 */
static void queue_ahead(dd_history *h, size_t pos, const side *s,
			const char *path, const dd_oid *id, dd_taxonomy *tx)
{
	char hex[DD_OID_HEXSZ + 1];
	round_entry *e;
	ahead *a;

	if (!path || dd_oid_is_zero(id) ||
	    dd_project_place(h->folder, path, NULL) != DD_PATH_ROUND ||
	    !wanted(h, path))
		return;
	dd_oid_fmt(hex, id);
	for (e = dd_strmap_get(&h->rounds, hex); e; e = e->next)
		if (e->round || e->error)
			return;
	if ((a = find_ahead(h, id))) {
		a->commit = pos;
		return;
	}
	if (!(a = calloc(1, sizeof(*a))))
		return;
	a->job.run = parse_ahead;
	a->h = h;
	a->id = *id;
	where(a->at, sizeof(a->at), s, path);
	a->commit = pos;
	a->tx = tx;
	if (h->ahead_tail)
		h->ahead_tail->next = a;
	else
		h->ahead_head = a;
	h->ahead_tail = a;
	dd_worker_push(h->worker, &a->job);
}

/* Free what was parsed ahead for walk positions up to pos (all: -1). */
static void drop_aheads(dd_history *h, size_t pos)
{
	ahead *a = h->ahead_head, *next;

	for (; a; a = next) {
		next = a->next;
		if (a->commit > pos)
			continue;
		dd_worker_wait(h->worker, &a->job);
		unlink_ahead(h, a);
		dd_round_free(a->round);
		free(a);
	}
}

static void stop_ahead(dd_history *h)
{
	if (!h->worker)
		return;
	drop_aheads(h, (size_t)-1);
	dd_worker_stop(h->worker);
	h->worker = NULL;
	dd_git_free(h->wrepo);
	h->wrepo = NULL;
	dd_buf_release(&h->wbuf);
	dd_buf_release(&h->hbuf);
}

/*
 * The round in path on side s (object id on commits), classified with tx:
 * 0 with *r set, or 0 with *r NULL and *why set when it does not parse;
 * a negative code only when memory runs out.
 */
static int load_round(dd_history *h, dd_arena *arena, const side *s,
		      int new_side, const char *path, const dd_oid *id,
		      dd_taxonomy *tx, dd_round **r, const char **why,
		      dd_error *err)
{
	char hex[DD_OID_HEXSZ + 1], at[DD_ERROR_FILE_MAX];
	round_entry *first = NULL, *e = NULL;
	dd_round *round = NULL;
	const char *key = NULL;
	dd_error lerr;
	ahead *a;
	int rc, done = 0;	/* 1: classified ahead; -1: that failed */

	*r = NULL;
	*why = NULL;
	if (s->kind == SIDE_COMMIT) {
		dd_oid_fmt(hex, id);
		first = dd_strmap_get(&h->rounds, hex);
		for (e = first; e; e = e->next)
			if (e->tx == tx)
				break;
		if (e && (e->round || e->error)) {
			*r = e->round;
			if (!e->round)
				*why = dd_arena_strdup(arena, e->error);
			return note_side(h, e, new_side, err);
		}
		/* not parsed yet, or evicted (then e is its entry) */
	}
	where(at, sizeof(at), s, path);
	if (s->kind == SIDE_COMMIT && (a = take_ahead(h, id))) {
		done = a->tx == tx ? a->classified : 0;
		rc = a->rc;
		round = a->round;
		if (done < 0)
			memcpy(err, &a->err, sizeof(*err));
		else
			lerr = a->err;
		free(a);
		if (done < 0)
			return rc;
	} else {
		rc = side_read(h, s, path, id, &lerr);
		rc = parse_read(&round, rc, &h->buf, at, s->kind == SIDE_WORKTREE,
				&lerr);
	}
	if (rc == DD_ENOMEM)
		return dd_error_oom(err);
	if (rc == DD_EMISSING) {
		*err = lerr;	/* a partial clone: fail, never skip it */
		return rc;
	}
	if (rc == 0 && !done && (rc = classify(h, tx, round, err)) < 0) {
		dd_round_free(round);
		return rc;
	}
	if (s->kind == SIDE_COMMIT) {
		if (!e) {
			e = dd_arena_alloc(&h->arena, sizeof(*e));
			key = first ? NULL : dd_arena_strdup(&h->arena, hex);
			if (!e || (!first && !key)) {
				dd_round_free(round);
				return dd_error_oom(err);
			}
			e->tx = tx;
			if (first) {
				e->next = first->next;
				first->next = e;
			} else if (dd_strmap_put(&h->rounds, key, e, NULL) < 0) {
				dd_round_free(round);
				return dd_error_oom(err);
			}
		}
		e->round = round;
		e->error = round ? NULL : message(&h->arena, &lerr);
		if (round && enqueue(h, e) < 0)
			return dd_error_oom(err);
		if ((rc = note_side(h, e, new_side, err)) < 0)
			return rc;
	} else if (round) {
		dd_round **grown = grow(h->wt_rounds, &h->wt_alloc,
					h->nwt_rounds, sizeof(*grown));

		if (!grown) {
			dd_round_free(round);
			return dd_error_oom(err);
		}
		h->wt_rounds = grown;
		h->wt_rounds[h->nwt_rounds++] = round;
	}
	*r = round;
	if (!round)
		*why = message(arena, &lerr);
	return 0;
}

/* A copy of r that names path and rev (a round is shared between the
 * places its blob appears; the copy must not be freed or allocated from). */
static dd_round *view(dd_arena *arena, const dd_round *r, const char *path,
		      const char *rev)
{
	dd_round *v = dd_arena_alloc(arena, sizeof(*v));

	if (v) {
		memcpy(v, r, sizeof(*v));
		memset(&v->arena, 0, sizeof(v->arena));
		v->path = dd_arena_strdup(arena, path);
		v->rev = rev;
		if (!v->path)
			v = NULL;
	}
	return v;
}

/* The missing side of an added or deleted file: no path, no topics. */
static dd_round *empty_round(dd_arena *arena, const dd_round *other,
			     const char *rev)
{
	dd_round *v = dd_arena_alloc(arena, sizeof(*v));

	if (v) {
		v->rev = rev;
		v->schema_version = 1;
		if (other) {
			v->series = other->series;
			v->number = other->number;
		}
	}
	return v;
}

/* ---- changes -------------------------------------------------------- */

/* The round files of series folder sdir on side s, as paths "sdir/NAME"
 * (free them with dd_source_names_free). */
static int round_files(const side *s, const char *sdir, char ***paths,
		       size_t *count, dd_error *err)
{
	const char *tx = dd_project_taxonomy_path(s->proj, sdir);
	size_t i, k = 0;
	int rc;

	*paths = NULL;
	*count = 0;
	if (!tx)
		return dd_error_oom(err);
	rc = dd_source_list(paths, count, dd_project_source(s->proj), sdir,
			    DD_SOURCE_FILE, err);
	for (i = 0; i < *count; i++) {
		char *name = (*paths)[i];

		if (rc == 0 && dd_project_round_name(sdir, name, tx) &&
		    !((*paths)[k++] = dd_path_join(sdir, name)))
			rc = dd_error_oom(err);
		free(name);
	}
	if (*paths)
		(*paths)[k] = NULL;
	*count = k;
	return rc;
}

/*
 * The round before round n of series folder sdir on side s: the one with
 * the largest number below n in the same tree, but the file self,
 * classified with tx.  0 with *r and *path (in arena) set, or with *r NULL
 * when there is none; a negative code only when memory runs out.
 */
static int previous_round(dd_history *h, dd_arena *arena, const side *s,
			  const char *sdir, const char *self, long long n,
			  dd_taxonomy *tx, dd_round **r, const char **path,
			  dd_error *err)
{
	char **paths = NULL, *p;
	size_t count = 0, i;
	dd_round *cand;
	const char *why;
	dd_oid id;
	int type, rc = 0;

	*r = NULL;
	*path = NULL;
	if (n <= 1 || (rc = round_files(s, sdir, &paths, &count, err)) < 0) {
		dd_source_names_free(paths);
		return rc == DD_ENOMEM ? rc : 0;
	}
	for (i = 0; rc == 0 && i < count; i++) {
		p = paths[i];
		if (strcmp(p, self) &&
		    side_entry(h, s, p, &id, &type, err) == 0 &&
		    type == DD_GIT_BLOB &&
		    (rc = load_round(h, arena, s, 0, p, &id, tx, &cand, &why,
				     err)) == 0 &&
		    cand && cand->number < n &&
		    (!*r || cand->number > (*r)->number)) {
			*r = cand;
			if (!(*path = dd_arena_strdup(arena, p)))
				rc = dd_error_oom(err);
		}
	}
	dd_source_names_free(paths);
	return rc < 0 ? rc : 0;
}

/* 1 when path is a round file on side s. */
static int is_round(const side *s, const char *path)
{
	return path && s->proj && dd_project_kind(s->proj, path) == DD_PATH_ROUND;
}

static int wanted(const dd_history *h, const char *path)
{
	size_t i;

	if (!h->opts.npaths)
		return 1;
	for (i = 0; path && i < h->opts.npaths; i++) {
		const char *p = h->opts.paths[i];
		size_t n = strlen(p);

		if (!n || (n == 1 && p[0] == '.') ||
		    (!strncmp(path, p, n) && (path[n] == '/' || !path[n])))
			return 1;
	}
	return 0;
}

static int keep_diff(owned *o, dd_diff *d, dd_error *err)
{
	dd_diff **p = grow(o->diffs, &o->alloc, o->ndiffs, sizeof(*p));

	if (!p) {
		dd_diff_free(d);
		return dd_error_oom(err);
	}
	o->diffs = p;
	o->diffs[o->ndiffs++] = d;
	return 0;
}

/*
 * Fill f for change c between sides a and b.  *skip is set when c is not a
 * round file change (or not wanted).  0, or a negative code (memory).
 */
static int build_change(dd_history *h, dd_arena *arena, owned *o,
			const side *a, const side *b, const dd_git_change *c,
			dd_taxonomy *ahead_tx, dd_file_change *f, int *skip,
			dd_error *err)
{
	int old_is = is_round(a, c->old_path), new_is = is_round(b, c->new_path);
	const char *path, *why = NULL;
	dd_round *ra = NULL, *rb = NULL;
	dd_taxonomy *tx;
	char *sdir;
	dd_oid bid;
	int type, rc = 0;

	memset(f, 0, sizeof(*f));
	*skip = 1;
	if (old_is && new_is)
		f->status = c->status == DD_GIT_RENAMED ? DD_FILE_RENAMED :
			    DD_FILE_MODIFIED;
	else if (new_is)
		f->status = DD_FILE_ADDED;
	else if (old_is)
		f->status = DD_FILE_DELETED;
	else
		return 0;
	path = f->status == DD_FILE_DELETED ? c->old_path : c->new_path;
	if (!wanted(h, path) && !(f->status == DD_FILE_RENAMED &&
				  wanted(h, c->old_path)))
		return 0;
	*skip = 0;
	f->path = dd_arena_strdup(arena, path);
	if (f->status == DD_FILE_RENAMED)
		f->old_path = dd_arena_strdup(arena, c->old_path);
	if (!f->path || (f->status == DD_FILE_RENAMED && !f->old_path))
		return dd_error_oom(err);

	/* the taxonomy of the newer side: found ahead (for side b and the new
	   path), or now */
	tx = f->status != DD_FILE_DELETED ? ahead_tx : NULL;
	if (!(sdir = dir_of(path)))
		return dd_error_oom(err);
	if (!tx && (rc = taxonomy_for(h, arena,
				      f->status == DD_FILE_DELETED ? a : b,
				      sdir, &tx, &why, err)) < 0)
		goto out;
	if (tx && f->status != DD_FILE_ADDED &&
	    (rc = load_round(h, arena, a, 0, c->old_path, &c->old_id, tx, &ra,
			     &why, err)) < 0)
		goto out;
	if (tx && !why && f->status != DD_FILE_DELETED) {
		/* on the working tree the id is not known; on commits it is */
		bid = c->new_id;
		if (b->kind == SIDE_COMMIT && dd_oid_is_zero(&bid) &&
		    ((rc = side_entry(h, b, c->new_path, &bid, &type, err)) < 0))
			goto out;
		if ((rc = load_round(h, arena, b, 1, c->new_path, &bid, tx, &rb,
				     &why, err)) < 0)
			goto out;
	}
	if (!tx || why) {
		f->error = why;
		goto out;
	}
	/* an added round: compared with the round before it in its series,
	   as the same side has them */
	if (f->status == DD_FILE_ADDED && rb) {
		const char *prev = NULL;

		if ((rc = previous_round(h, arena, b, sdir, path, rb->number,
					 tx, &ra, &prev, err)) < 0)
			goto out;
		if (ra) {
			f->baseline = 1;
			if (!(f->from = view(arena, ra, prev, b->rev))) {
				rc = dd_error_oom(err);
				goto out;
			}
		}
	}
	if (!f->from)
		f->from = ra ? view(arena, ra, c->old_path, a->rev) :
			       empty_round(arena, rb, a->rev);
	f->to = rb ? view(arena, rb, c->new_path, b->rev) :
		     empty_round(arena, ra, b->rev);
	if (!f->from || !f->to)
		rc = dd_error_oom(err);
	else if ((rc = dd_diff_rounds(&f->diff, f->from, f->to, tx, err)) == 0)
		rc = keep_diff(o, f->diff, err);
out:
	free(sdir);
	return rc;
}

/* The file changes between sides a and b, given git's list of changes
 * (and, from a log's look ahead, the new side's taxonomy of each, or NULL). */
static int build_changes(dd_history *h, dd_arena *arena, owned *o,
			 const side *a, const side *b,
			 const dd_git_change *ch, size_t n,
			 dd_taxonomy *const *txs, dd_file_change **files,
			 size_t *nfiles, dd_error *err)
{
	size_t i, k = 0;
	int skip, rc;

	*files = NULL;
	*nfiles = 0;
	if (!n)
		return 0;
	*files = dd_arena_array(arena, n, sizeof(**files));
	if (!*files)
		return dd_error_oom(err);
	for (i = 0; i < n; i++) {
		if ((rc = build_change(h, arena, o, a, b, &ch[i],
				       txs ? txs[i] : NULL, &(*files)[k],
				       &skip, err)) < 0)
			return rc;
		if (!skip)
			k++;
	}
	*nfiles = k;
	return 0;
}

/* ---- taxonomy changes ----------------------------------------------- */

/* 1 when path a on side sa and path b on side sb hold the same bytes;
 * -1 when memory runs out. */
static int same_content(dd_history *h, const side *sa, const char *a,
			const side *sb, const char *b)
{
	dd_oid ia, ib;
	dd_buf copy = DD_BUF_INIT;
	dd_error e;
	int ta, tb = -1, same;	/* -1: unknown, if sa's entry fails */

	if (side_entry(h, sa, a, &ia, &ta, &e) < 0 ||
	    side_entry(h, sb, b, &ib, &tb, &e) < 0 || ta != tb ||
	    ta != DD_GIT_BLOB)
		return ta == tb && ta == DD_GIT_NONE;
	if (sa->kind == SIDE_COMMIT && sb->kind == SIDE_COMMIT)
		return dd_oid_equal(&ia, &ib);
	if (side_read(h, sa, a, &ia, &e) < 0)
		return 0;
	dd_buf_add(&copy, h->buf.ptr, h->buf.len);
	if (dd_buf_oom(&copy)) {
		dd_buf_release(&copy);
		return -1;
	}
	same = side_read(h, sb, b, &ib, &e) == 0 && copy.len == h->buf.len &&
	       !memcmp(copy.ptr, h->buf.ptr, copy.len);
	dd_buf_release(&copy);
	return same;
}

/*
 * Round r (classified with the taxonomy from) seen through the taxonomy
 * to: a view (naming path and rev) whose sections and items carry to's
 * indices, found by id; an entry to does not have keeps its id as its
 * key, unclassified.
 */
static dd_round *translate(dd_arena *arena, const dd_round *r,
			   const dd_taxonomy *from, const dd_taxonomy *to,
			   const char *path, const char *rev)
{
	dd_round *v = view(arena, r, path, rev);
	size_t i, j;

	if (!v)
		return NULL;
	v->sections = dd_arena_array(arena, r->nsections + 1,
				     sizeof(*v->sections));
	if (!v->sections)
		return NULL;
	for (i = 0; i < r->nsections; i++) {
		const dd_round_section *rs = &r->sections[i];
		dd_round_section *vs = &v->sections[i];
		int ts = dd_taxonomy_section(to, rs->id);

		*vs = *rs;
		vs->tsection = ts;
		vs->items = dd_arena_array(arena, rs->count + 1,
					   sizeof(*vs->items));
		if (!vs->items)
			return NULL;
		for (j = 0; j < rs->count; j++) {
			dd_item *it = &vs->items[j];
			const char *id;

			*it = rs->items[j];
			if (it->entry < 0 || rs->tsection < 0)
				continue;
			id = from->sections[rs->tsection].entries[it->entry].id;
			it->entry = ts < 0 ? -1 :
				    dd_taxonomy_entry(to, (size_t)ts, id);
			it->key = id;
		}
	}
	return v;
}

/* 1 when path is the new path of one of the n changes. */
static int changed(const dd_git_change *ch, size_t n, const char *path)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ch[i].new_path && !strcmp(ch[i].new_path, path))
			return 1;
	return 0;
}

/* Append f to *files (n of them, in arena). */
static int append_change(dd_arena *arena, dd_file_change **files, size_t *n,
			 const dd_file_change *f, dd_error *err)
{
	dd_file_change *v = dd_arena_array(arena, *n + 1, sizeof(*v));

	if (!v)
		return dd_error_oom(err);
	if (*n)
		memcpy(v, *files, *n * sizeof(*v));
	v[(*n)++] = *f;
	*files = v;
	return 0;
}

/* The entries of taxonomy a and b that differ, into *t (in arena). */
static int entry_changes(dd_arena *arena, const dd_taxonomy *a,
			 const dd_taxonomy *b, const char *path,
			 dd_taxonomy_change *t, dd_error *err)
{
	size_t max = 1, i, j, k;
	const char **lists;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < a->nsections; i++)
		max += a->sections[i].nentries;
	for (i = 0; i < b->nsections; i++)
		max += b->sections[i].nentries;
	t->path = dd_arena_strdup(arena, path);
	lists = dd_arena_array(arena, 4 * max, sizeof(char *));
	if (!t->path || !lists)
		return dd_error_oom(err);
	t->added = lists;
	t->removed = lists + max;
	t->renamed = lists + 2 * max;
	t->repatterned = lists + 3 * max;
	for (k = 0; k < 2; k++) {
		const dd_taxonomy *x = k ? b : a, *y = k ? a : b;

		for (i = 0; i < x->nsections; i++) {
			const dd_tsection *xs = &x->sections[i];
			int ys = dd_taxonomy_section(y, xs->id);

			for (j = 0; j < xs->nentries; j++) {
				const dd_entry *xe = &xs->entries[j], *ye;
				int e = ys < 0 ? -1 :
					dd_taxonomy_entry(y, (size_t)ys, xe->id);
				char id[512];
				const char **list = NULL;
				size_t *count = NULL, p;

				snprintf(id, sizeof(id), "%s/%s", xs->id, xe->id);
				if (e < 0) {
					list = k ? t->added : t->removed;
					count = k ? &t->nadded : &t->nremoved;
				} else if (!k) {
					ye = &y->sections[ys].entries[e];
					if (!dd_text_equal(&xe->name, &ye->name)) {
						list = t->renamed;
						count = &t->nrenamed;
					}
					for (p = 0; p < xe->npatterns &&
						    xe->npatterns == ye->npatterns &&
						    !strcmp(xe->patterns[p], ye->patterns[p]); p++)
						;
					if (!list && (p < xe->npatterns ||
						      xe->npatterns != ye->npatterns)) {
						list = t->repatterned;
						count = &t->nrepatterned;
					}
				}
				if (list && !(list[(*count)++] =
					      dd_arena_strdup(arena, id)))
					return dd_error_oom(err);
			}
		}
	}
	return 0;
}

/* Note taxonomy change t once per path in *list. */
static int add_taxonomy_change(dd_arena *arena, dd_taxonomy_change **list,
			       size_t *n, const dd_taxonomy_change *t,
			       dd_error *err)
{
	dd_taxonomy_change *v;
	size_t i;

	for (i = 0; i < *n; i++)
		if (!strcmp((*list)[i].path, t->path))
			return 0;
	if (!(v = dd_arena_array(arena, *n + 1, sizeof(*v))))
		return dd_error_oom(err);
	if (*n)
		memcpy(v, *list, *n * sizeof(*v));
	v[(*n)++] = *t;
	*list = v;
	return 0;
}

/*
 * The rounds of series folder sdir that its change of taxonomy between
 * sides a and b reclassifies (and that the changes ch leave alone): each
 * is compared as side a's taxonomy reads it with what side b's reads, as a
 * DD_FILE_RECLASSIFIED change.
 */
static int reclassify_series(dd_history *h, dd_arena *arena, owned *o,
			     const side *a, const side *b, const char *sdir,
			     const dd_git_change *ch, size_t n,
			     dd_file_change **files, size_t *nfiles,
			     dd_taxonomy_change **txs, size_t *ntxs,
			     dd_error *err)
{
	dd_taxonomy_change t;
	const char *ta = dd_project_taxonomy_path(a->proj, sdir);
	const char *tb = dd_project_taxonomy_path(b->proj, sdir);
	char **paths = NULL, *p;
	dd_taxonomy *txa = NULL, *txb = NULL;
	const char *why;
	size_t count = 0, i;
	int rc = ta && tb ? 0 : dd_error_oom(err), same;

	if (!rc && (same = same_content(h, a, ta, b, tb)) != 0)
		rc = same < 0 ? dd_error_oom(err) : 1;
	if (!rc && ((rc = taxonomy_for(h, arena, a, sdir, &txa, &why, err)) < 0 ||
		    (rc = taxonomy_for(h, arena, b, sdir, &txb, &why, err)) < 0))
		goto out;
	if (!rc && txa && txb &&
	    ((rc = entry_changes(arena, txa, txb, tb, &t, err)) < 0 ||
	     (rc = add_taxonomy_change(arena, txs, ntxs, &t, err)) < 0))
		goto out;
	if (!rc && txa && txb &&
	    (rc = round_files(b, sdir, &paths, &count, err)) != DD_ENOMEM)
		rc = 0;		/* count is 0 when the folder cannot be listed */
	for (i = 0; !rc && txa && txb && i < count; i++) {
		dd_file_change f = { 0 };
		dd_round *ra, *rb;
		dd_oid id;
		int type;

		p = paths[i];
		if (!changed(ch, n, p) && side_entry(h, b, p, &id, &type, err) == 0 &&
		    type == DD_GIT_BLOB &&
		    (rc = load_round(h, arena, b, 0, p, &id, txa, &ra, &why, err)) == 0 &&
		    ra && (rc = load_round(h, arena, b, 1, p, &id, txb, &rb, &why,
					   err)) == 0 && rb) {
			/* the same file: only its reading changed */
			f.path = dd_arena_strdup(arena, p);
			f.status = DD_FILE_RECLASSIFIED;
			f.from = translate(arena, ra, txa, txb, p, a->rev);
			f.to = view(arena, rb, p, b->rev);
			if (!f.path || !f.from || !f.to)
				rc = dd_error_oom(err);
			if (!rc && (rc = dd_diff_rounds(&f.diff, f.from, f.to,
							txb, err)) == 0) {
				if (f.diff->nadded || f.diff->ndropped) {
					rc = keep_diff(o, f.diff, err);
					if (!rc)
						rc = append_change(arena, files,
								   nfiles, &f, err);
				} else {
					dd_diff_free(f.diff);
				}
			}
		}
	}
out:
	dd_source_names_free(paths);
	return rc < 0 ? rc : 0;
}

static int cmp_changes(const void *x, const void *y)
{
	return strcmp(((const dd_file_change *)x)->path,
		      ((const dd_file_change *)y)->path);
}

/*
 * When the changes ch between sides a and b touch a file of the folder
 * that is not a round (a taxonomy, a series.json), the rounds that a
 * change of their series' taxonomy reclassifies are added to the files.
 */
static int reclassify(dd_history *h, dd_arena *arena, owned *o,
		      const side *a, const side *b, const dd_git_change *ch,
		      size_t n, dd_file_change **files, size_t *nfiles,
		      dd_taxonomy_change **txs, size_t *ntxs, dd_error *err)
{
	char **series = NULL, *sdir;
	size_t i, count = 0, before = *nfiles;
	int rc, other = 0;
	dd_error e;

	for (i = 0; i < n && !other; i++)
		other = !is_round(b, ch[i].new_path) &&
			!is_round(a, ch[i].old_path);
	if (!other || h->opts.taxonomy)
		return 0;
	if ((rc = dd_project_series(&series, &count, b->proj, 0, &e)) < 0)
		return rc == DD_ENOMEM ? dd_error_oom(err) : 0;
	for (i = 0; rc == 0 && i < count; i++) {
		if (!(sdir = dd_path_join(h->folder, series[i])))
			rc = dd_error_oom(err);
		else
			rc = reclassify_series(h, arena, o, a, b, sdir, ch, n,
					       files, nfiles, txs, ntxs, err);
		free(sdir);
	}
	dd_source_names_free(series);
	if (rc == 0 && *nfiles != before)
		qsort(*files, *nfiles, sizeof(**files), cmp_changes);
	return rc;
}

/* The dialogues folder of a commit, remembered. */
static int folder_of_commit(dd_history *h, const dd_oid *commit,
			    const dd_oid *tree, folder_entry **out,
			    dd_error *err)
{
	char hex[DD_OID_HEXSZ + 1];
	folder_entry *e;
	const char *key;
	dd_oid t;
	int rc;

	dd_oid_fmt(hex, commit);
	if ((*out = dd_strmap_get(&h->folders, hex)))
		return 0;
	if (!tree) {
		if ((rc = dd_git_commit_tree(&t, h->repo, commit, err)) < 0)
			return rc;
		tree = &t;
	}
	e = dd_arena_alloc(&h->arena, sizeof(*e));
	key = dd_arena_strdup(&h->arena, hex);
	if (!e || !key)
		return dd_error_oom(err);
	if ((rc = dd_git_entry(&e->id, &e->type, h->repo, tree, h->folder,
			       err)) < 0)
		return rc;
	if (e->type != DD_GIT_TREE)
		e->type = DD_GIT_NONE;
	if (dd_strmap_put(&h->folders, key, e, NULL) < 0)
		return dd_error_oom(err);
	*out = e;
	return 0;
}

static int same_folder(const folder_entry *a, const folder_entry *b)
{
	return a->type == b->type &&
	       (a->type == DD_GIT_NONE || dd_oid_equal(&a->id, &b->id));
}

/* Git's changes between the dialogues folders of two commit sides. */
static int folder_changes(dd_history *h, const folder_entry *fa,
			  const folder_entry *fb, dd_git_change **ch,
			  size_t *n, dd_error *err)
{
	*ch = NULL;
	*n = 0;
	if (same_folder(fa, fb))
		return 0;
	return dd_git_diff_trees(ch, n, h->repo,
				 fa->type == DD_GIT_TREE ? &fa->id : NULL,
				 fb->type == DD_GIT_TREE ? &fb->id : NULL,
				 h->base, err);
}

/* The project over the working tree or a commit, whose taxonomies the
 * history's cache keeps. */
static int open_project(dd_history *h, dd_project **out, dd_source *src,
			dd_error *err)
{
	dd_project_opts po = { 0 };

	po.dir = *h->folder ? h->folder : ".";
	po.max_size = h->opts.max_size;
	po.cache = h->txc;
	return dd_project_new(out, src, &po, err);
}

/* A commit side's kind and name ("abc1234"), for messages. */
static void name_side(side *s, const dd_oid *commit)
{
	char hex[DD_OID_HEXSZ + 1];

	dd_oid_fmt(hex, commit);
	s->kind = SIDE_COMMIT;
	snprintf(s->name, sizeof(s->name), "%.7s", hex);
}

/* Side s on commit (whose root tree is tree; NULL: look it up), its rev in
 * arena; close it with close_side. */
static int open_commit_side(dd_history *h, side *s, dd_arena *arena,
			    const dd_oid *commit, const dd_oid *tree,
			    dd_error *err)
{
	char hex[DD_OID_HEXSZ + 1];
	int rc;

	memset(s, 0, sizeof(*s));
	name_side(s, commit);
	dd_oid_fmt(hex, commit);
	if (tree)
		s->tree = *tree;
	else if ((rc = dd_git_commit_tree(&s->tree, h->repo, commit, err)) < 0)
		return rc;
	if (!(s->rev = dd_arena_strdup(arena, hex)))
		return dd_error_oom(err);
	if ((rc = dd_source_git_commit(&s->src, h->repo, commit, NULL,
				       err)) < 0)
		return rc;
	return open_project(h, &s->proj, s->src, err);
}

static int open_worktree_side(dd_history *h, side *s, dd_error *err)
{
	dd_source *src;
	int rc;

	memset(s, 0, sizeof(*s));
	s->kind = SIDE_WORKTREE;
	snprintf(s->name, sizeof(s->name), "working tree");
	if ((rc = worktree_source(h, &src, err)) < 0 ||
	    (!h->wproj && (rc = open_project(h, &h->wproj, src, err)) < 0))
		return rc;
	s->proj = h->wproj;
	return 0;
}

int dd_history_require(dd_history *h, const dd_oid *commit,
		       const char *name, dd_error *err)
{
	dd_source *src = NULL;
	dd_project *p = NULL;
	int rc = commit ? dd_source_git_commit(&src, h->repo, commit, name, err)
			: worktree_source(h, &src, err);

	if (rc == 0 && (rc = open_project(h, &p, src, err)) == 0)
		rc = dd_project_require(p, err);
	dd_project_free(p);
	if (commit)
		dd_source_free(src);
	return rc;
}

static void close_side(side *s)
{
	if (s->kind == SIDE_COMMIT) {
		dd_project_free(s->proj);
		dd_source_free(s->src);
	}
	memset(s, 0, sizeof(*s));
}

/* Free the diffs of o (they stay allocated in a non-streaming log). */
static void drop_diffs(owned *o)
{
	size_t i;

	for (i = 0; i < o->ndiffs; i++)
		dd_diff_free(o->diffs[i]);
	o->ndiffs = 0;
}

static void free_owned(owned *o)
{
	if (!o)
		return;
	drop_diffs(o);
	free(o->diffs);
	free(o);
}

/* ---- review --------------------------------------------------------- */

void dd_review_free(dd_review *r)
{
	if (!r)
		return;
	free_owned(r->priv);
	dd_arena_release(&r->arena);
	free(r);
}

int dd_history_review(dd_review **out, dd_history *h, const dd_oid *from,
		      const dd_oid *to, dd_error *err)
{
	dd_git_change *ch = NULL;
	folder_entry *fa, *fb;
	size_t n = 0;
	side a = { 0 }, b = { 0 };
	dd_review *r;
	owned *o;
	int rc;

	*out = NULL;
	r = calloc(1, sizeof(*r));
	o = calloc(1, sizeof(*o));
	if (!r || !o) {
		free(r);
		free(o);
		return dd_error_oom(err);
	}
	dd_arena_init(&r->arena);
	r->priv = o;
	if ((rc = open_commit_side(h, &a, &r->arena, from, NULL, err)) < 0)
		goto fail;
	if (to) {
		if ((rc = open_commit_side(h, &b, &r->arena, to, NULL, err)) < 0 ||
		    (rc = folder_of_commit(h, from, &a.tree, &fa, err)) < 0 ||
		    (rc = folder_of_commit(h, to, &b.tree, &fb, err)) < 0 ||
		    (rc = folder_changes(h, fa, fb, &ch, &n, err)) < 0)
			goto fail;
	} else if ((rc = open_worktree_side(h, &b, err)) < 0 ||
		   (rc = dd_git_diff_workdir(&ch, &n, h->repo, &a.tree,
					     h->folder, err)) < 0) {
		goto fail;
	}
	r->from_rev = a.rev;
	r->to_rev = b.rev;
	rc = build_changes(h, &r->arena, o, &a, &b, ch, n, NULL, &r->files,
			   &r->nfiles, err);
	if (rc == 0)
		rc = reclassify(h, &r->arena, o, &a, &b, ch, n, &r->files,
				&r->nfiles, &r->taxonomies, &r->ntaxonomies,
				err);
	dd_git_changes_free(ch, n);
fail:
	close_side(&a);
	close_side(&b);
	if (rc < 0)
		dd_review_free(r);
	else
		*out = r;
	return rc;
}

/* ---- log ------------------------------------------------------------ */

void dd_log_free(dd_log *log)
{
	if (!log)
		return;
	free_owned(log->priv);
	dd_arena_release(&log->arena);
	free(log->commits);
	free(log);
}

/* "2020-01-31T12:00:00+01:00": the time in its own zone. */
static const char *iso_date(dd_arena *arena, long long t, int offset)
{
	time_t local = (time_t)(t + (long long)offset * 60);
	int off = offset < 0 ? -offset : offset;
	struct tm tm;
	char buf[64];

	if (!gmtime_r(&local, &tm))
		memset(&tm, 0, sizeof(tm));
	snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec, offset < 0 ? '-' : '+', off / 60,
		 off % 60);
	return dd_arena_strdup(arena, buf);
}

/* lc from c, its strings in arena; files are filled by the caller. */
static int fill_commit(dd_log_commit *lc, dd_arena *arena,
		       const dd_git_commit *c)
{
	char hex[DD_OID_HEXSZ + 1];
	size_t i;

	memset(lc, 0, sizeof(*lc));
	dd_oid_fmt(hex, &c->id);
	lc->id = dd_arena_strdup(arena, hex);
	lc->author_name = dd_arena_strdup(arena, c->author_name);
	lc->author_email = dd_arena_strdup(arena, c->author_email);
	lc->subject = dd_arena_strdup(arena, c->subject);
	lc->date = iso_date(arena, c->time, c->offset);
	lc->parents = dd_arena_array(arena, c->nparents ? c->nparents : 1,
				     sizeof(*lc->parents));
	if (!lc->id || !lc->author_name || !lc->author_email || !lc->subject ||
	    !lc->date || !lc->parents)
		return -1;
	for (i = 0; i < c->nparents; i++) {
		dd_oid_fmt(hex, &c->parents[i]);
		if (!(lc->parents[i] = dd_arena_strdup(arena, hex)))
			return -1;
	}
	lc->nparents = c->nparents;
	return 0;
}

/*
 * The changes in the dialogues folder from the first parent of commit c
 * to c (np: 0 for a root commit, whose parent side is empty); none when
 * the folder is the same tree.
 */
static int parent_changes(dd_history *h, const dd_git_commit *c, size_t np,
			  dd_git_change **ch, size_t *n, dd_error *err)
{
	static folder_entry none = { .type = DD_GIT_NONE };
	folder_entry *fc, *fp = &none;
	int rc;

	*ch = NULL;
	*n = 0;
	if ((rc = folder_of_commit(h, &c->id, &c->tree, &fc, err)) < 0 ||
	    (np && (rc = folder_of_commit(h, &c->parents[0], NULL, &fp,
					  err)) < 0))
		return rc;
	return folder_changes(h, fp, fc, ch, n, err);
}

/*
 * Look at commit pre->c of the walk (its changes found ahead when
 * pre->scanned): *shown is set, and lc filled (in arena, its diffs in o),
 * when it changed round files.
 */
static int log_commit(dd_history *h, dd_arena *arena, owned *o,
		      const pending *pre, int first_parent, dd_log_commit *lc,
		      int *shown, dd_error *err)
{
	const dd_git_commit *c = &pre->c;
	size_t np = first_parent && c->nparents ? 1 : c->nparents, i, n = 0;
	dd_git_change *ch = NULL;
	folder_entry *fc, *fp;
	side a = { 0 }, b = { 0 };
	int rc;

	*shown = 0;
	if (np > 1) {
		/* a merge: listed without a diff when it differs from every
		   parent (as git log does) */
		if ((rc = folder_of_commit(h, &c->id, &c->tree, &fc, err)) < 0)
			return rc;
		for (i = 0; i < np; i++) {
			if ((rc = folder_of_commit(h, &c->parents[i], NULL, &fp,
						   err)) < 0)
				return rc;
			if (same_folder(fc, fp))
				return 0;
		}
		if (h->opts.npaths)
			return 0;	/* it shows no files to match */
		if (fill_commit(lc, arena, c) < 0)
			return dd_error_oom(err);
		*shown = 1;
		return 0;
	}
	if (pre->scanned) {
		ch = pre->ch;
		n = pre->n;
	} else if ((rc = parent_changes(h, c, np, &ch, &n, err)) < 0) {
		return rc;
	}
	if (!n)
		return 0;	/* the dialogues folder is untouched */
	if ((np && (rc = open_commit_side(h, &a, arena, &c->parents[0], NULL,
					  err)) < 0) ||
	    (rc = open_commit_side(h, &b, arena, &c->id, &c->tree, err)) < 0)
		goto out;
	if (fill_commit(lc, arena, c) < 0) {
		rc = dd_error_oom(err);
		goto out;
	}
	rc = build_changes(h, arena, o, &a, &b, ch, n,
			   pre->scanned ? pre->txs : NULL, &lc->files,
			   &lc->nfiles, err);
	if (rc == 0 && a.kind == SIDE_COMMIT)
		rc = reclassify(h, arena, o, &a, &b, ch, n, &lc->files,
				&lc->nfiles, &lc->taxonomies,
				&lc->ntaxonomies, err);
	if (rc == 0 && (lc->nfiles || lc->ntaxonomies))
		*shown = 1;	/* else no round file changed */
out:
	close_side(&a);
	close_side(&b);
	if (!pre->scanned)
		dd_git_changes_free(ch, n);
	return rc;
}

/* Say which commit err (from the git layer) concerns, keeping its code. */
static void name_commit(dd_error *err, const dd_oid *id)
{
	char hex[DD_OID_HEXSZ + 1], msg[DD_ERROR_MSG_MAX];

	if (err->code == DD_ENOMEM)
		return;
	dd_oid_fmt(hex, id);
	snprintf(msg, sizeof(msg), "commit %.12s: %.64s%s%.900s", hex,
		 err->file, *err->file ? ": " : "", err->message);
	dd_error_set(err, err->code, "", 0, 0, "%s", msg);
}

/* The changes of a (non-merge) commit to its first parent, found ahead of
 * showing it, and the round files they touch queued for parsing. */
static void scan_ahead(dd_history *h, pending *p, int first_parent)
{
	const dd_git_commit *c = &p->c;
	size_t np = first_parent && c->nparents ? 1 : c->nparents, i;
	dd_arena scratch = DD_ARENA_INIT;
	side a = { 0 }, b = { 0 };
	dd_error err;

	if (np > 1 || parent_changes(h, c, np, &p->ch, &p->n, &err) < 0)
		return;		/* log_commit will meet the error in turn */
	if (p->n && !(p->txs = calloc(p->n, sizeof(*p->txs)))) {
		dd_git_changes_free(p->ch, p->n);
		p->ch = NULL;
		p->n = 0;
		return;		/* log_commit will find the changes itself */
	}
	p->scanned = 1;
	if (np)	/* named only: its rounds are read by id */
		name_side(&a, &c->parents[0]);
	if (p->n && open_commit_side(h, &b, &scratch, &c->id, &c->tree,
				     &err) < 0)
		b.proj = NULL;	/* no taxonomies found ahead */
	for (i = 0; i < p->n; i++) {
		const dd_git_change *ch = &p->ch[i];
		dd_taxonomy *tx = NULL;

		/* the taxonomy of the newer side, as build_change finds it
		   (deleted files: left to the main thread) */
		if (ch->new_path && !dd_oid_is_zero(&ch->new_id) &&
		    dd_project_place(h->folder, ch->new_path, NULL) == DD_PATH_ROUND) {
			char *sdir = dir_of(ch->new_path);
			const char *why;

			if (!sdir || !b.proj ||
			    taxonomy_for(h, &scratch, &b, sdir, &tx, &why,
					 &err) < 0)
				tx = NULL;
			free(sdir);
		}
		p->txs[i] = tx;
		if (np)
			queue_ahead(h, p->pos, &a, ch->old_path, &ch->old_id, tx);
		queue_ahead(h, p->pos, &b, ch->new_path, &ch->new_id, tx);
	}
	close_side(&b);
	dd_arena_release(&scratch);
}

/* Walk until depth commits are known ahead, or the walk ended. */
static void fill(dd_history *h, dd_git_walk *walk, ring *r, size_t depth,
		 int first_parent)
{
	while (!r->ended && r->count < depth) {
		pending *p = &r->p[(r->head + r->count) % LOOKAHEAD];

		memset(p, 0, sizeof(*p));
		p->pos = ++r->pos;
		p->rc = dd_git_walk_next(&p->id, walk, &p->err);
		if (p->rc == 0) {
			p->rc = dd_git_commit_load(&p->c, h->repo, &p->id,
						   &p->err);
			if (p->rc < 0)
				name_commit(&p->err, &p->id);
		}
		if (p->rc)
			r->ended = 1;
		else if (h->worker)
			scan_ahead(h, p, first_parent);
		r->count++;
	}
}

/* Forget the commit at the front of r. */
static void pop(ring *r)
{
	pending *p = &r->p[r->head];

	dd_git_commit_release(&p->c);
	dd_git_changes_free(p->ch, p->n);
	free(p->txs);
	r->head = (r->head + 1) % LOOKAHEAD;
	r->count--;
}

int dd_history_log(dd_log **out, dd_history *h, const dd_log_opts *opts,
		   dd_error *err)
{
	dd_git_walk *walk = NULL;
	dd_arena tmp = DD_ARENA_INIT;
	owned tmpo = { 0 }, *o;
	size_t alloc = 0, depth = 1;
	dd_log *log;
	ring *r;
	int rc, shown;

	*out = NULL;
	log = calloc(1, sizeof(*log));
	o = calloc(1, sizeof(*o));
	r = calloc(1, sizeof(*r));
	if (!log || !o || !r) {
		free(log);
		free(o);
		free(r);
		return dd_error_oom(err);
	}
	dd_arena_init(&log->arena);
	log->priv = o;
	rc = dd_git_walk_new(&walk, h->repo, opts->include, opts->ninclude,
			     opts->exclude, opts->nexclude, opts->first_parent,
			     err);
	/* a streaming log parses round files ahead on a second thread,
	   while it shows the commits before them */
	if (rc == 0 && opts->each && start_ahead(h) == 0)
		depth = LOOKAHEAD;
	while (rc == 0 && !(opts->max_count && log->ncommits >= opts->max_count)) {
		dd_log_commit lc, *lcs;
		pending *p;
		size_t pos;

		fill(h, walk, r, depth, opts->first_parent);
		p = &r->p[r->head];
		if ((rc = p->rc) != 0) {
			if (rc < 0)
				memcpy(err, &p->err, sizeof(*err));
			break;
		}
		log->walked++;
		if (opts->progress && !(log->walked % 256))
			opts->progress(opts->progress_data, log->walked,
				       log->ncommits);
		if (opts->each) {
			/* nothing refers to a parsed round between commits */
			evict(h, LIVE_ROUNDS);
			h->commit++;
		}
		rc = log_commit(h, opts->each ? &tmp : &log->arena,
				opts->each ? &tmpo : o, p, opts->first_parent,
				&lc, &shown, err);
		if (rc < 0)
			name_commit(err, &p->id);
		else if (shown && opts->each)
			rc = opts->each(opts->each_data, &lc, log->ncommits++,
					err);
		else if (shown && !(lcs = grow(log->commits, &alloc,
					       log->ncommits, sizeof(*lcs))))
			rc = dd_error_oom(err);
		else if (shown) {
			log->commits = lcs;
			log->commits[log->ncommits++] = lc;
		}
		if (opts->each) {
			drop_diffs(&tmpo);
			dd_arena_release(&tmp);
			release_spent(h);
		}
		pos = p->pos;
		pop(r);
		if (h->worker)
			drop_aheads(h, pos);
	}
	while (r->count)
		pop(r);
	free(r);
	stop_ahead(h);
	dd_git_walk_free(walk);
	free(tmpo.diffs);
	h->commit = 0;
	h->nspent = 0;
	if (rc < 0) {
		dd_log_free(log);
		return rc;
	}
	if (opts->progress)
		opts->progress(opts->progress_data, log->walked, log->ncommits);
	*out = log;
	return 0;
}
