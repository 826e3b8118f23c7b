/*
 * git.c - the repository through libgit2: the only file that includes it.
 */
/* realpath(3) is XSI */
#define _XOPEN_SOURCE 700

#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

#include "dialdiff/git.h"

struct dd_git_repo {
	git_repository *repo;
	char *workdir;		/* NULL when bare */
	char *gitdir;
	char *prefix;
	git_tree **trees;	/* TREE_SLOTS, made on first use (tree_get) */
	char *promisor;		/* a partial clone's promisor remote, or NULL */
};

#define TREE_SLOTS 1024

struct dd_git_walk {
	git_revwalk *walk;
};

/* ---- object ids ----------------------------------------------------- */

void dd_oid_fmt(char out[DD_OID_HEXSZ + 1], const dd_oid *id)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < DD_OID_RAWSZ; i++) {
		out[2 * i] = hex[id->id[i] >> 4];
		out[2 * i + 1] = hex[id->id[i] & 15];
	}
	out[DD_OID_HEXSZ] = '\0';
}

int dd_oid_equal(const dd_oid *a, const dd_oid *b)
{
	return !memcmp(a->id, b->id, DD_OID_RAWSZ);
}

int dd_oid_is_zero(const dd_oid *id)
{
	static const dd_oid zero;

	return dd_oid_equal(id, &zero);
}

/* dd_oid and git_oid hold the same 20 bytes. */
static void to_git(git_oid *out, const dd_oid *in)
{
	memcpy(out->id, in->id, DD_OID_RAWSZ);
}

static void from_git(dd_oid *out, const git_oid *in)
{
	memcpy(out->id, in->id, DD_OID_RAWSZ);
}

/* ---- errors --------------------------------------------------------- */

/* The message of the libgit2 call that just failed. */
static const char *last_message(void)
{
	const git_error *e = git_error_last();

	return e && e->message ? e->message : "unknown error";
}

static int code_of(int rc)
{
	return rc == GIT_ENOTFOUND ? DD_ENOTFOUND :
	       rc == GIT_EAMBIGUOUS ? DD_EAMBIGUOUS : DD_EGIT;
}

/* Fill err from the libgit2 failure rc: "what: <libgit2's message>". */
static int fail(dd_error *err, int rc, const char *what)
{
	return dd_error_set(err, code_of(rc), what, 0, 0, "%s", last_message());
}

/*
 * An object id lookup failed with rc: in a partial clone a missing object
 * is one the clone left out, which git would fetch and libgit2 1.5 cannot;
 * say so, and how to fetch it (DD_EMISSING).  Otherwise as fail().
 */
static int fail_object(dd_error *err, const dd_git_repo *r, int rc,
		       const char *file, const char *what, const git_oid *id)
{
	char hex[GIT_OID_HEXSZ + 1];

	if (rc != GIT_ENOTFOUND || !r->promisor)
		return fail(err, rc, file);
	git_oid_tostr(hex, sizeof(hex), id);
	return dd_error_set(err, DD_EMISSING, file, 0, 0,
			    "%s %s is missing: this is a partial clone, and "
			    "libgit2 cannot fetch what the clone left out; "
			    "fetch it with git: git -c remote.%s.partialclonefilter=blob:limit=1g "
			    "fetch --refetch %s (in CI: a checkout without a filter)",
			    what, hex, r->promisor, r->promisor);
}

/* git_libgit2_init(): 0, or DD_EGIT with err filled. */
static int init(dd_error *err)
{
	if (git_libgit2_init() < 0)
		return dd_error_set(err, DD_EGIT, NULL, 0, 0,
				    "cannot initialise libgit2: %s",
				    last_message());
	return 0;
}

static const char shallow_advice[] =
	"this is a shallow clone, and libgit2 cannot walk shallow history; "
	"fetch all of it with 'git fetch --unshallow' (in CI: a full-depth "
	"checkout, e.g. fetch-depth: 0)";

/* ---- the repository ------------------------------------------------- */

/* realpath(3) of path with a trailing '/', or a copy of path. */
static char *real_dir(const char *path)
{
	char buf[PATH_MAX], *p;
	size_t n;

	if (!realpath(path, buf))
		snprintf(buf, sizeof(buf), "%s", path);
	n = strlen(buf);
	p = malloc(n + 2);
	if (!p)
		return NULL;
	memcpy(p, buf, n + 1);
	if (!n || p[n - 1] != '/') {
		p[n] = '/';
		p[n + 1] = '\0';
	}
	return p;
}

/* 1 when dir holds a repository: a .git entry, or the layout of a bare
 * one.  *git gets the entry whose owner counts. */
static int holds_repo(const char *dir, char *git, size_t size)
{
	static const char *const bare[] = { "HEAD", "objects", "refs" };
	struct stat st;
	size_t i;

	if (snprintf(git, size, "%s/.git", dir) < (int)size &&
	    lstat(git, &st) == 0)
		return 1;
	for (i = 0; i < 3; i++) {
		if (snprintf(git, size, "%s/%s", dir, bare[i]) >= (int)size ||
		    stat(git, &st) < 0)
			return 0;
	}
	snprintf(git, size, "%s", dir);
	return 1;
}

/*
 * Walk dir (absolute, changed in place) up to the first folder that holds
 * a repository (holds_repo fills git): 1, or 0 past the root, or when a
 * folder on the way is not on file system *dev (dev NULL: any), where
 * libgit2's discovery stops too.
 */
static int repo_above(char *dir, char *git, size_t size, const dev_t *dev)
{
	struct stat st;
	char *slash;

	for (;;) {
		if (dev && (stat(dir, &st) < 0 || st.st_dev != *dev))
			return 0;
		if (holds_repo(dir, git, size))
			return 1;
		slash = strrchr(dir, '/');
		if (!slash || !dir[1])
			return 0;
		slash[slash == dir] = '\0';
	}
}

/*
 * libgit2 1.5 reports a repository owned by another user as "not found"
 * (with a stale message about safe.directory).  Look for it ourselves:
 * GIT_DIR, else the nearest folder upward that holds a repository; 1 and
 * its top in out when another user owns it.
 */
static int foreign_repo(char *out, size_t size)
{
	char dir[PATH_MAX], git[PATH_MAX + 16];
	const char *env = getenv("GIT_DIR");
	struct stat st;

	if (env && *env) {
		if (!realpath(env, dir) || stat(dir, &st) < 0)
			return 0;
		snprintf(out, size, "%s", dir);
		return st.st_uid != geteuid();
	}
	if (!getcwd(dir, sizeof(dir)) ||
	    !repo_above(dir, git, sizeof(git), NULL) ||
	    lstat(git, &st) < 0 || st.st_uid == geteuid())
		return 0;
	snprintf(out, size, "%s", dir);
	return 1;
}

/*
 * libgit2 before 1.9.2 (Debian 12 has 1.5) loops forever reading a loose
 * object whose zlib stream is cut short (libgit2 issue #7342, fixed by
 * PR #7346): inflate() reports Z_BUF_ERROR, which libgit2's drain loop
 * takes for "try again", and every read of the object -- whole, streamed,
 * or only its header -- spins there.  So a guard sits in the object
 * database between the pack files and libgit2's loose-object reader: for
 * an object that has a loose file it inflates the file to the end of its
 * zlib stream (16 KiB at a time, keeping nothing) and fails when the file
 * ends first or the stream is not valid; otherwise it passes the read on.
 * A file that does not start like a zlib stream is left to libgit2, which
 * reports it.  The guard covers every object folder libgit2 reads loose
 * objects from, in libgit2's order: the repository's own (GIT_OBJECT_DIRECTORY
 * or objects/), then its alternates (objects/info/alternates, followed as
 * deep as libgit2 does, and GIT_ALTERNATE_OBJECT_DIRECTORIES); the first
 * folder that holds the object's file decides, as it does for libgit2.
 */
#define GUARD_MAX_DIRS 32
#define GUARD_ALT_DEPTH 5	/* libgit2's GIT_ALTERNATES_MAX_DEPTH */

typedef struct {
	git_odb_backend parent;
	char *objects[GUARD_MAX_DIRS];	/* "<folder>/", own folder first */
	size_t ndirs;
} loose_guard;

/* The problem with the zlib stream in f, or NULL; *oom on no memory. */
static const char *zlib_problem(FILE *f, int *oom)
{
	unsigned char in[16384], out[16384];
	const char *problem = NULL;
	z_stream zs;
	size_t n = fread(in, 1, sizeof(in), f);
	int zr;

	/* a zlib header: deflate, and a multiple of 31 (RFC 1950) */
	if (n < 2 || (in[0] & 0x8f) != 0x08 || ((in[0] << 8) | in[1]) % 31)
		return NULL;
	memset(&zs, 0, sizeof(zs));
	if (inflateInit(&zs) != Z_OK) {
		*oom = 1;
		return NULL;
	}
	zs.next_in = in;
	zs.avail_in = (uInt)n;
	for (;;) {
		if (!zs.avail_in) {
			n = fread(in, 1, sizeof(in), f);
			if (!n) {
				problem = "its loose file is truncated";
				break;
			}
			zs.next_in = in;
			zs.avail_in = (uInt)n;
		}
		zs.next_out = out;
		zs.avail_out = sizeof(out);
		zr = inflate(&zs, Z_NO_FLUSH);
		if (zr == Z_STREAM_END)
			break;
		if (zr == Z_MEM_ERROR) {
			*oom = 1;
			break;
		}
		if (zr != Z_OK && !(zr == Z_BUF_ERROR && !zs.avail_in)) {
			problem = "its loose file is not a valid zlib stream";
			break;
		}
	}
	inflateEnd(&zs);
	return problem;
}

/* Check the loose file objects/HEX[0..1]/NAME: GIT_ENOTFOUND when there
   is none, GIT_PASSTHROUGH (read on) when it is sound, an error set for
   libgit2 when it is not. */
static int guard_file(loose_guard *g, const char *hex, const char *name)
{
	char path[PATH_MAX];
	const char *problem;
	int oom = 0;
	FILE *f = NULL;
	size_t i;

	for (i = 0; !f && i < g->ndirs; i++)
		if (snprintf(path, sizeof(path), "%s%.2s/%s", g->objects[i],
			     hex, name) < (int)sizeof(path))
			f = fopen(path, "rb");
	if (!f)
		return GIT_ENOTFOUND;
	problem = zlib_problem(f, &oom);
	fclose(f);
	if (oom) {
		git_error_set_oom();
		return GIT_ERROR;
	}
	if (problem) {
		git_error_set(GIT_ERROR_ODB, "corrupt object %.2s%s: %s", hex,
			      name, problem);
		return GIT_ERROR;
	}
	return GIT_PASSTHROUGH;
}

static int guard_id(git_odb_backend *b, const git_oid *id)
{
	char hex[GIT_OID_HEXSZ + 1];

	git_oid_tostr(hex, sizeof(hex), id);
	return guard_file((loose_guard *)b, hex, hex + 2);
}

static int guard_read(void **data, size_t *len, git_object_t *type,
		      git_odb_backend *b, const git_oid *id)
{
	(void)data, (void)len, (void)type;
	return guard_id(b, id);
}

static int guard_read_header(size_t *len, git_object_t *type,
			     git_odb_backend *b, const git_oid *id)
{
	(void)len, (void)type;
	return guard_id(b, id);
}

/* An abbreviated id (len hex digits, at least 4): every loose file it
   matches. */
static int guard_read_prefix(git_oid *out, void **data, size_t *len,
			     git_object_t *type, git_odb_backend *b,
			     const git_oid *prefix, size_t plen)
{
	loose_guard *g = (loose_guard *)b;
	char hex[GIT_OID_HEXSZ + 1], path[PATH_MAX];
	struct dirent *e;
	DIR *d;
	size_t i;
	int rc = GIT_PASSTHROUGH;

	(void)out, (void)data, (void)len, (void)type;
	git_oid_tostr(hex, sizeof(hex), prefix);
	if (plen >= GIT_OID_HEXSZ)
		return guard_file(g, hex, hex + 2);
	hex[plen] = '\0';
	for (i = 0; rc == GIT_PASSTHROUGH && i < g->ndirs; i++) {
		if (snprintf(path, sizeof(path), "%s%.2s", g->objects[i],
			     hex) >= (int)sizeof(path) || !(d = opendir(path)))
			continue;
		while (rc == GIT_PASSTHROUGH && (e = readdir(d)))
			if (strlen(e->d_name) == GIT_OID_HEXSZ - 2 &&
			    !strncmp(e->d_name, hex + 2, plen - 2) &&
			    guard_file(g, hex, e->d_name) == GIT_ERROR)
				rc = GIT_ERROR;
		closedir(d);
	}
	return rc;
}

static void guard_free(git_odb_backend *b)
{
	loose_guard *g = (loose_guard *)b;
	size_t i;

	for (i = 0; i < g->ndirs; i++)
		free(g->objects[i]);
	free(g);
}

/* Add folder dir (relative ones to base, a "<folder>/") to g's list with a
   trailing '/', unless it is there or the list is full; then, depth
   permitting, the alternates it names.  -1 on no memory. */
static int guard_add_dir(loose_guard *g, const char *base, const char *dir,
			 int depth)
{
	char path[PATH_MAX], line[PATH_MAX];
	size_t i, n;
	FILE *f;
	char *p;

	if (!*dir || g->ndirs == GUARD_MAX_DIRS ||
	    snprintf(path, sizeof(path), "%s%s", dir[0] == '/' ? "" : base,
		     dir) >= (int)sizeof(path))
		return 0;
	if (!(p = real_dir(path)))
		return -1;
	for (i = 0; i < g->ndirs; i++)
		if (!strcmp(g->objects[i], p)) {
			free(p);
			return 0;
		}
	g->objects[g->ndirs++] = p;
	if (depth > GUARD_ALT_DEPTH)
		return 0;
	snprintf(path, sizeof(path), "%sinfo/alternates", p);
	if (!(f = fopen(path, "r")))
		return 0;
	while (fgets(line, sizeof(line), f)) {
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (line[0] == '#')
			continue;
		if (guard_add_dir(g, p, line, depth + 1) < 0) {
			fclose(f);
			return -1;
		}
	}
	fclose(f);
	return 0;
}

/* The folders of the loose objects libgit2 reads for repo, into g. */
static int guard_dirs(loose_guard *g, git_repository *repo)
{
	const char *env = getenv("GIT_OBJECT_DIRECTORY");
	char own[PATH_MAX], *alts, *dir, *next;
	int rc;

	if (env && *env)
		snprintf(own, sizeof(own), "%s", env);
	else
		snprintf(own, sizeof(own), "%sobjects",
			 git_repository_commondir(repo));
	if (guard_add_dir(g, "", own, 0) < 0)
		return -1;
	env = getenv("GIT_ALTERNATE_OBJECT_DIRECTORIES");
	if (!env || !*env)
		return 0;
	if (!(alts = strdup(env)))
		return -1;
	rc = 0;
	for (dir = alts; rc == 0 && dir; dir = next) {
		if ((next = strchr(dir, ':')))
			*next++ = '\0';
		rc = guard_add_dir(g, "", dir, 1);	/* as libgit2: from here */
	}
	free(alts);
	return rc;
}

/* Put the guard into repo's object database, after the packs (priority 3,
   set in dd_git_open) and before the loose objects (1). */
static int add_guard(git_repository *repo)
{
	loose_guard *g;
	git_odb *odb;
	int rc;

	if ((rc = git_repository_odb(&odb, repo)) < 0)
		return rc;
	if (!(g = calloc(1, sizeof(*g))) || guard_dirs(g, repo) < 0) {
		if (g)
			guard_free(&g->parent);
		git_odb_free(odb);
		git_error_set_oom();
		return GIT_ERROR;
	}
	git_odb_init_backend(&g->parent, GIT_ODB_BACKEND_VERSION);
	g->parent.read = guard_read;
	g->parent.read_header = guard_read_header;
	g->parent.read_prefix = guard_read_prefix;
	g->parent.free = guard_free;
	if ((rc = git_odb_add_backend(odb, &g->parent, 2)) < 0)
		guard_free(&g->parent);
	git_odb_free(odb);
	return rc;
}

/* remote.NAME.promisor = true (e): NAME into *out; 0, or -1 on no memory. */
static int promisor_of(char **out, const git_config_entry *e)
{
	size_t n = strlen(e->name);
	int yes = 0;

	if (n <= sizeof("remote..promisor") - 1 ||
	    strncmp(e->name, "remote.", 7) ||
	    strcmp(e->name + n - 9, ".promisor") ||
	    git_config_parse_bool(&yes, e->value) < 0 || !yes)
		return 0;
	n -= sizeof("remote..promisor") - 1;
	if (!(*out = malloc(n + 1)))
		return -1;
	memcpy(*out, e->name + 7, n);
	(*out)[n] = '\0';
	return 0;
}

/* r->promisor: the remote a partial clone fetches from (as git decides:
   extensions.partialclone, else a remote.NAME.promisor); 0, or -1 on no
   memory. */
static int find_promisor(dd_git_repo *r)
{
	git_config *cfg = NULL;
	git_config_iterator *it;
	git_config_entry *e;
	git_buf b = GIT_BUF_INIT;
	int rc = 0;

	if (git_repository_config_snapshot(&cfg, r->repo) < 0)
		return 0;	/* no config: not a partial clone */
	if (git_config_get_string_buf(&b, cfg, "extensions.partialclone") == 0) {
		if (!(r->promisor = strdup(b.ptr)))
			rc = -1;
		git_buf_dispose(&b);
	} else if (git_config_iterator_new(&it, cfg) == 0) {
		/* not git_config_foreach_match: libgit2 1.5's regex leaks a
		   PCRE2 match data per entry */
		while (!rc && !r->promisor && git_config_next(&e, it) == 0)
			rc = promisor_of(&r->promisor, e);
		git_config_iterator_free(it);
	}
	git_config_free(cfg);
	return rc;
}

/* 1 when repo's config sets key (any value). */
static int config_has(git_repository *repo, const char *key)
{
	git_config *cfg = NULL;
	git_config_entry *e = NULL;
	int has;

	if (git_repository_config_snapshot(&cfg, repo) < 0)
		return 0;
	has = git_config_get_entry(&e, cfg, key) == 0;
	git_config_entry_free(e);
	git_config_free(cfg);
	return has;
}

/* git_repository_set_workdir(repo, dir, 0), unless dir is the work tree
   already: libgit2 1.5 leaks its copy of the path then. */
static int set_workdir(git_repository *repo, const char *dir)
{
	const char *cur = git_repository_workdir(repo);
	char *want = real_dir(dir), *have = cur ? real_dir(cur) : NULL;
	int rc = 0;

	if (!want || !have || strcmp(want, have))
		rc = git_repository_set_workdir(repo, dir, 0);
	free(want);
	free(have);
	return rc;
}

/*
 * Open the repository the environment names, as git does.  libgit2 1.5
 * honours GIT_DIR (and GIT_OBJECT_DIRECTORY, ...) but refuses GIT_WORK_TREE
 * ("unimplemented"), so that one is hidden from it and applied after.  And
 * where git takes the current folder for the top of the work tree -- GIT_DIR
 * set, GIT_WORK_TREE not, no core.worktree, not bare -- libgit2 takes the
 * folder above the git folder: set the current one.
 */
static int open_from_env(git_repository **repo)
{
	const char *env = getenv("GIT_WORK_TREE"), *gd = getenv("GIT_DIR");
	char *wt = NULL, cwd[PATH_MAX];
	int rc;

	if (env && !(wt = strdup(env))) {
		git_error_set_oom();
		return GIT_ERROR;
	}
	if (wt)
		unsetenv("GIT_WORK_TREE");
	rc = git_repository_open_ext(repo, NULL, GIT_REPOSITORY_OPEN_FROM_ENV,
				     NULL);
	if (wt)
		setenv("GIT_WORK_TREE", wt, 1);	/* for the programs we run */
	if (rc == 0 && wt && *wt)
		rc = set_workdir(*repo, wt);
	else if (rc == 0 && !wt && gd && *gd &&
		 !git_repository_is_bare(*repo) &&
		 !config_has(*repo, "core.worktree") && getcwd(cwd, sizeof(cwd)))
		rc = set_workdir(*repo, cwd);
	free(wt);
	if (rc < 0 && *repo) {
		git_repository_free(*repo);
		*repo = NULL;
	}
	return rc;
}

int dd_git_open(dd_git_repo **out, dd_error *err)
{
	dd_git_repo *r;
	char cwd[PATH_MAX];
	int rc;

	*out = NULL;
	if ((rc = init(err)) < 0)
		return rc;
	/* git itself does not re-hash every object it reads; libgit2 does by
	   default, which costs a seventh of a long log */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	/* libgit2 keeps up to 256 MiB of parsed objects: a long log's
	   memory would grow with the history.  Trees are cached by tree_get
	   instead (see there); what is left here is commits, which a walk
	   reads once or twice each, so 10 MiB is plenty */
	git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)(10 << 20));
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE,
			 (size_t)0);
	/* packs first, then the loose-object guard (2), then loose objects */
	git_libgit2_opts(GIT_OPT_SET_ODB_PACKED_PRIORITY, 3);
	r = calloc(1, sizeof(*r));
	if (!r) {
		git_libgit2_shutdown();
		return dd_error_oom(err);
	}
	rc = open_from_env(&r->repo);
	if (rc < 0) {
		char path[PATH_MAX];

		if ((rc == GIT_ENOTFOUND || rc == GIT_EOWNER) &&
		    foreign_repo(path, sizeof(path)))
			rc = dd_error_set(err, DD_EGIT, path, 0, 0,
					  "the repository is owned by another user, "
					  "so git does not trust it; if you do, run: "
					  "git config --global --add safe.directory %s",
					  path);
		else if (rc == GIT_ENOTFOUND)
			rc = dd_error_set(err, DD_ENOTFOUND, NULL, 0, 0,
					  "not in a git repository (or any parent folder)");
		else
			rc = dd_error_set(err, DD_EGIT, NULL, 0, 0,
					  "cannot open the repository: %s",
					  last_message());
		free(r);
		git_libgit2_shutdown();
		return rc;
	}
	if ((rc = add_guard(r->repo)) < 0) {
		rc = fail(err, rc, "repository");
		dd_git_free(r);
		return rc;
	}
	if (find_promisor(r) < 0) {
		dd_git_free(r);
		return dd_error_oom(err);
	}
	if (git_repository_workdir(r->repo) && !git_repository_is_bare(r->repo) &&
	    !(r->workdir = real_dir(git_repository_workdir(r->repo)))) {
		dd_git_free(r);
		return dd_error_oom(err);
	}
	r->gitdir = real_dir(git_repository_path(r->repo));
	if (r->workdir && getcwd(cwd, sizeof(cwd))) {
		char *here = real_dir(cwd);
		size_t n = strlen(r->workdir);

		if (here && !strncmp(here, r->workdir, n))
			r->prefix = strdup(here + n);
		free(here);
	}
	if (!r->prefix)
		r->prefix = strdup("");
	if (!r->gitdir || !r->prefix) {
		dd_git_free(r);
		return dd_error_oom(err);
	}
	*out = r;
	return 0;
}

/* 1 when the config file at path may make a repository bare or move its
 * work tree (or cannot be read): then libgit2 must read it. */
static int config_unusual(const char *path)
{
	char line[512], *p;
	FILE *f = fopen(path, "r");
	int odd = 0;

	if (!f)
		return 1;
	while (!odd && fgets(line, sizeof(line), f)) {
		for (p = line; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		odd = strstr(line, "worktree") ||
		      (strstr(line, "bare") && strstr(line, "true"));
	}
	fclose(f);
	return odd;
}

/* The first line of file path, without its line break, into out; 0 or -1. */
static int first_line(char *out, size_t size, const char *path)
{
	FILE *f = fopen(path, "r");
	int ok = f && fgets(out, (int)size, f);

	if (f)
		fclose(f);
	if (!ok)
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

/* 1 when git (a .git entry, st its lstat) is a plain repository of the
 * folder it is in, that folder (top) being owned as st is. */
static int plain_git(const char *git, const struct stat *st,
		     const struct stat *top)
{
	char path[2 * PATH_MAX + 64], gitdir[PATH_MAX + 16], line[PATH_MAX];

	if (st->st_uid != geteuid() || top->st_uid != geteuid())
		return 0;
	if (S_ISDIR(st->st_mode))
		snprintf(gitdir, sizeof(gitdir), "%s", git);
	else if (!S_ISREG(st->st_mode) || first_line(line, sizeof(line), git) ||
		 strncmp(line, "gitdir: /", 9))
		return 0;	/* a linked work tree or a submodule: "gitdir: PATH" */
	else
		snprintf(gitdir, sizeof(gitdir), "%s", line + 8);
	snprintf(path, sizeof(path), "%s/HEAD", gitdir);
	if (access(path, R_OK) < 0)
		return 0;
	/* a linked work tree's config is its main repository's */
	snprintf(path, sizeof(path), "%s/commondir", gitdir);
	if (first_line(line, sizeof(line), path) == 0)
		snprintf(path, sizeof(path), "%s%s%s/config",
			 line[0] == '/' ? "" : gitdir, line[0] == '/' ? "" : "/",
			 line);
	else
		snprintf(path, sizeof(path), "%s/config", gitdir);
	return !config_unusual(path);
}

int dd_git_find_worktree(char **top, char **prefix)
{
	static const char *const env[] = {
		"GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR",
		"GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM"
	};
	char cwd[PATH_MAX], dir[PATH_MAX], git[PATH_MAX + 16];
	struct stat here, st, ds;
	size_t i, n;

	*top = *prefix = NULL;
	for (i = 0; i < sizeof(env) / sizeof(env[0]); i++)
		if (getenv(env[i]))
			return 0;
	if (!getcwd(git, sizeof(git)) || !realpath(git, cwd) ||
	    stat(cwd, &here) < 0)
		return 0;
	memcpy(dir, cwd, strlen(cwd) + 1);
	/* none found (libgit2 says so), or a bare repository: libgit2 */
	if (!repo_above(dir, git, sizeof(git), &here.st_dev) ||
	    strcmp(git + strlen(dir), "/.git") || stat(dir, &ds) < 0 ||
	    lstat(git, &st) < 0 || !plain_git(git, &st, &ds))
		return 0;
	/* both as dd_git_open makes them: "/top/", and "a/b/" or "" */
	n = strlen(dir);
	snprintf(git, sizeof(git), "%s%s", dir, dir[n - 1] == '/' ? "" : "/");
	*top = strdup(git);
	n = strlen(git);
	snprintf(git, sizeof(git), "%s%s", cwd, cwd[1] ? "/" : "");
	*prefix = strdup(git + n);
	if (!*top || !*prefix) {
		free(*top);
		free(*prefix);
		*top = *prefix = NULL;
		return DD_ENOMEM;
	}
	return 1;
}

int dd_git_reopen(dd_git_repo **out, const dd_git_repo *r, dd_error *err)
{
	dd_git_repo *c;
	int rc;

	*out = NULL;
	if ((rc = init(err)) < 0)
		return rc;
	c = calloc(1, sizeof(*c));
	if (!c) {
		git_libgit2_shutdown();
		return dd_error_oom(err);
	}
	rc = git_repository_open_ext(&c->repo, git_repository_path(r->repo),
				     GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
	if (rc >= 0)
		rc = add_guard(c->repo);
	if (rc < 0) {
		rc = fail(err, rc, "repository");
		dd_git_free(c);
		return rc;
	}
	if (r->promisor && !(c->promisor = strdup(r->promisor))) {
		dd_git_free(c);
		return dd_error_oom(err);
	}
	*out = c;
	return 0;
}

void dd_git_free(dd_git_repo *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; r->trees && i < TREE_SLOTS; i++)
		git_tree_free(r->trees[i]);
	free(r->trees);
	git_repository_free(r->repo);
	free(r->workdir);
	free(r->gitdir);
	free(r->prefix);
	free(r->promisor);
	free(r);
	git_libgit2_shutdown();
}

const char *dd_git_workdir(const dd_git_repo *r)
{
	return r->workdir;
}

const char *dd_git_dir(const dd_git_repo *r)
{
	return r->gitdir;
}

const char *dd_git_prefix(const dd_git_repo *r)
{
	return r->prefix;
}

int dd_git_is_bare(const dd_git_repo *r)
{
	return r->workdir == NULL;
}

int dd_git_is_shallow(dd_git_repo *r)
{
	return git_repository_is_shallow(r->repo) == 1;
}

int dd_git_head_unborn(dd_git_repo *r)
{
	return git_repository_head_unborn(r->repo) == 1;
}

int dd_git_modified(dd_git_repo *r, const char *path, dd_error *err)
{
	git_status_options opts = GIT_STATUS_OPTIONS_INIT;
	git_status_list *list = NULL;
	char *spec[1];
	size_t n;
	int rc;

	if (git_repository_is_bare(r->repo))
		return 0;
	spec[0] = (char *)path;
	opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED |
		     GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH |
		     GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	if (*path) {
		opts.pathspec.strings = spec;
		opts.pathspec.count = 1;
	}
	rc = git_status_list_new(&list, r->repo, &opts);
	if (rc < 0)
		return fail(err, rc, *path ? path : ".");
	n = git_status_list_entrycount(list);
	git_status_list_free(list);
	return n > 0;
}

/* ---- revisions, trees, blobs ---------------------------------------- */

static const char *type_name(git_object_t t)
{
	return t == GIT_OBJECT_BLOB ? "a file" :
	       t == GIT_OBJECT_TREE ? "a folder" :
	       t == GIT_OBJECT_TAG ? "a tag" : "not a commit";
}

int dd_git_resolve(dd_oid *out, dd_git_repo *r, const char *rev,
		   dd_error *err)
{
	git_object *obj = NULL, *commit = NULL;
	int rc;

	rc = git_revparse_single(&obj, r->repo, rev);
	if (rc < 0) {
		if (dd_git_head_unborn(r) && strstr(rev, "HEAD"))
			return dd_error_set(err, DD_ENOTFOUND, rev, 0, 0,
					    "the repository has no commits yet");
		if (rc == GIT_EAMBIGUOUS)
			return dd_error_set(err, DD_EAMBIGUOUS, rev, 0, 0,
					    "ambiguous short revision: several objects start with '%s'; give more digits",
					    rev);
		if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC)
			return dd_error_set(err, DD_ENOTFOUND, rev, 0, 0,
					    "unknown revision '%s'", rev);
		return fail(err, rc, rev);
	}
	rc = git_object_peel(&commit, obj, GIT_OBJECT_COMMIT);
	if (rc < 0) {
		rc = dd_error_set(err, DD_EUSAGE, rev, 0, 0,
				  "'%s' names %s, not a commit", rev,
				  type_name(git_object_type(obj)));
		git_object_free(obj);
		return rc;
	}
	from_git(out, git_object_id(commit));
	git_object_free(commit);
	git_object_free(obj);
	return 0;
}

int dd_git_commit_tree(dd_oid *out, dd_git_repo *r, const dd_oid *commit,
		       dd_error *err)
{
	git_commit *c = NULL;
	git_oid id;
	int rc;

	to_git(&id, commit);
	rc = git_commit_lookup(&c, r->repo, &id);
	if (rc < 0)
		return fail_object(err, r, rc, "commit", "commit", &id);
	from_git(out, git_commit_tree_id(c));
	git_commit_free(c);
	return 0;
}

/*
 * Trees are cached here, not in libgit2's object cache (dd_git_open keeps
 * them out of it): libgit2 1.5 evicts by scanning its hash table from the
 * start, every time an object is stored while the cache is full, and a
 * log fills it with trees; over 20,000 commits that scan was an eighth of
 * the time.  Direct-mapped on the id's first two bytes (TREE_SLOTS); *out
 * is a new reference (git_tree_free it).
 */
static int tree_get(git_tree **out, dd_git_repo *r, const git_oid *id)
{
	git_tree **slot;
	int rc;

	if (!r->trees && !(r->trees = calloc(TREE_SLOTS, sizeof(*r->trees)))) {
		git_error_set_oom();
		return GIT_ERROR;
	}
	slot = &r->trees[((unsigned)id->id[0] << 8 | id->id[1]) % TREE_SLOTS];
	if (!*slot || !git_oid_equal(git_tree_id(*slot), id)) {
		git_tree *t;

		if ((rc = git_tree_lookup(&t, r->repo, id)) < 0)
			return rc;
		git_tree_free(*slot);
		*slot = t;
	}
	return git_tree_dup(out, *slot);
}

/* What entry e is: DD_GIT_TREE, DD_GIT_BLOB (not a symbolic link) or
   DD_GIT_NONE. */
static int entry_type(const git_tree_entry *e)
{
	git_object_t t = git_tree_entry_type(e);

	if (t == GIT_OBJECT_TREE)
		return DD_GIT_TREE;
	return t == GIT_OBJECT_BLOB &&
	       git_tree_entry_filemode(e) != GIT_FILEMODE_LINK ?
	       DD_GIT_BLOB : DD_GIT_NONE;
}

static int lookup_tree(git_tree **out, dd_git_repo *r, const dd_oid *tree,
		       dd_error *err)
{
	git_oid id;
	int rc;

	to_git(&id, tree);
	rc = tree_get(out, r, &id);
	return rc < 0 ? fail_object(err, r, rc, "tree", "tree", &id) : 0;
}

int dd_git_entry(dd_oid *id, int *type, dd_git_repo *r, const dd_oid *tree,
		 const char *path, dd_error *err)
{
	const git_tree_entry *e = NULL;
	git_tree *t = NULL, *sub;
	char name[PATH_MAX];
	const char *p = path;
	int rc;

	*type = DD_GIT_NONE;
	if (!*path) {
		*type = DD_GIT_TREE;
		if (id)
			*id = *tree;
		return 0;
	}
	if ((rc = lookup_tree(&t, r, tree, err)) < 0)
		return rc;
	/* one folder at a time, through the tree cache */
	for (;;) {
		size_t n = strcspn(p, "/");

		e = NULL;	/* an entry of t, the folder looked in */
		if (!n || n >= sizeof(name))
			break;		/* no such entry */
		memcpy(name, p, n);
		name[n] = '\0';
		p += n;
		if (*p == '/')
			p++;
		if (!(e = git_tree_entry_byname(t, name)) || !*p)
			break;
		if (git_tree_entry_type(e) != GIT_OBJECT_TREE) {
			e = NULL;	/* a file where a folder should be */
			break;
		}
		rc = tree_get(&sub, r, git_tree_entry_id(e));
		if (rc < 0) {
			rc = fail_object(err, r, rc, path, "tree",
					 git_tree_entry_id(e));
			git_tree_free(t);
			return rc;
		}
		git_tree_free(t);
		t = sub;
	}
	*type = e ? entry_type(e) : DD_GIT_NONE;
	if (id && *type)
		from_git(id, git_tree_entry_id(e));
	git_tree_free(t);
	return 0;
}

int dd_git_read_blob(dd_buf *out, dd_git_repo *r, const dd_oid *blob,
		     size_t max_size, dd_error *err)
{
	git_blob *b = NULL;
	git_object_size_t size;
	git_oid id;
	int rc;

	to_git(&id, blob);
	rc = git_blob_lookup(&b, r->repo, &id);
	if (rc < 0)
		return fail_object(err, r, rc, "blob", "blob", &id);
	size = git_blob_rawsize(b);
	if (max_size && size > max_size) {
		git_blob_free(b);
		return dd_error_set(err, DD_ERROR, NULL, 0, 0,
				    "file larger than %zu bytes", max_size);
	}
	dd_buf_reset(out);
	dd_buf_add(out, git_blob_rawcontent(b), (size_t)size);
	git_blob_free(b);
	if (dd_buf_oom(out))
		return dd_error_oom(err);
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int dd_git_list(char ***out, size_t *count, dd_git_repo *r,
		const dd_oid *tree, const char *dir, unsigned mask,
		dd_error *err)
{
	git_tree *t = NULL;
	char **names;
	dd_oid sub;
	size_t i, n, k = 0;
	int type, rc;

	*out = NULL;
	*count = 0;
	if ((rc = dd_git_entry(&sub, &type, r, tree, dir, err)) < 0)
		return rc;
	if (type == DD_GIT_NONE)
		return dd_error_set(err, DD_ENOTFOUND, dir, 0, 0,
				    "no such folder");
	if (type != DD_GIT_TREE)
		return dd_error_set(err, DD_ERROR, dir, 0, 0,
				    "a file, not a folder");
	if ((rc = lookup_tree(&t, r, &sub, err)) < 0)
		return rc;
	n = git_tree_entrycount(t);
	names = calloc(n + 1, sizeof(*names));
	if (!names) {
		git_tree_free(t);
		return dd_error_oom(err);
	}
	for (i = 0; i < n; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(t, i);

		if (!(entry_type(e) & mask))
			continue;
		if (!(names[k] = strdup(git_tree_entry_name(e)))) {
			while (k)
				free(names[--k]);
			free(names);
			git_tree_free(t);
			return dd_error_oom(err);
		}
		k++;
	}
	git_tree_free(t);
	qsort(names, k, sizeof(*names), cmp_names);
	*out = names;
	*count = k;
	return 0;
}

/* ---- commits and history -------------------------------------------- */

int dd_git_commit_load(dd_git_commit *out, dd_git_repo *r, const dd_oid *id,
		       dd_error *err)
{
	const git_signature *sig;
	const char *summary;
	git_commit *c = NULL;
	git_oid gid;
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	to_git(&gid, id);
	rc = git_commit_lookup(&c, r->repo, &gid);
	if (rc < 0)
		return fail(err, rc, "commit");
	out->id = *id;
	from_git(&out->tree, git_commit_tree_id(c));
	out->nparents = git_commit_parentcount(c);
	out->parents = calloc(out->nparents ? out->nparents : 1,
			      sizeof(*out->parents));
	for (i = 0; out->parents && i < out->nparents; i++)
		from_git(&out->parents[i], git_commit_parent_id(c, (unsigned)i));
	sig = git_commit_author(c);
	summary = git_commit_summary(c);
	out->author_name = strdup(sig && sig->name ? sig->name : "");
	out->author_email = strdup(sig && sig->email ? sig->email : "");
	out->time = sig ? (long long)sig->when.time : 0;
	out->offset = sig ? sig->when.offset : 0;
	out->subject = strdup(summary ? summary : "");
	git_commit_free(c);
	if (!out->parents || !out->author_name || !out->author_email ||
	    !out->subject) {
		dd_git_commit_release(out);
		return dd_error_oom(err);
	}
	return 0;
}

void dd_git_commit_release(dd_git_commit *c)
{
	free(c->parents);
	free(c->author_name);
	free(c->author_email);
	free(c->subject);
	memset(c, 0, sizeof(*c));
}

int dd_git_merge_base(dd_oid *out, dd_git_repo *r, const dd_oid *a,
		      const dd_oid *b, dd_error *err)
{
	git_oid ga, gb, base;
	int rc;

	if (dd_git_is_shallow(r))
		return dd_error_set(err, DD_EGIT, NULL, 0, 0,
				    "cannot find the merge base: %s",
				    shallow_advice);
	to_git(&ga, a);
	to_git(&gb, b);
	rc = git_merge_base(&base, r->repo, &ga, &gb);
	if (rc == GIT_ENOTFOUND)
		return dd_error_set(err, DD_ENOTFOUND, NULL, 0, 0,
				    "the two revisions have no common ancestor");
	if (rc < 0)
		return fail(err, rc, "merge base");
	from_git(out, &base);
	return 0;
}

int dd_git_walk_new(dd_git_walk **out, dd_git_repo *r,
		    const dd_oid *include, size_t ninclude,
		    const dd_oid *exclude, size_t nexclude, int first_parent,
		    dd_error *err)
{
	dd_git_walk *w;
	git_oid id;
	size_t i;
	int rc;

	*out = NULL;
	if (dd_git_is_shallow(r))
		return dd_error_set(err, DD_EGIT, NULL, 0, 0,
				    "cannot walk the history: %s",
				    shallow_advice);
	w = calloc(1, sizeof(*w));
	if (!w)
		return dd_error_oom(err);
	rc = git_revwalk_new(&w->walk, r->repo);
	if (rc < 0)
		goto fail;
	rc = git_revwalk_sorting(w->walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
	for (i = 0; rc >= 0 && i < ninclude; i++) {
		to_git(&id, &include[i]);
		rc = git_revwalk_push(w->walk, &id);
	}
	for (i = 0; rc >= 0 && i < nexclude; i++) {
		to_git(&id, &exclude[i]);
		rc = git_revwalk_hide(w->walk, &id);
	}
	if (rc >= 0 && first_parent)
		rc = git_revwalk_simplify_first_parent(w->walk);
	if (rc < 0)
		goto fail;
	*out = w;
	return 0;
fail:
	fail(err, rc, "history");
	dd_git_walk_free(w);
	return code_of(rc);
}

int dd_git_walk_next(dd_oid *out, dd_git_walk *w, dd_error *err)
{
	git_oid id;
	int rc = git_revwalk_next(&id, w->walk);

	if (rc == GIT_ITEROVER)
		return 1;
	if (rc < 0)
		return fail(err, rc, "history");
	from_git(out, &id);
	return 0;
}

void dd_git_walk_free(dd_git_walk *w)
{
	if (!w)
		return;
	git_revwalk_free(w->walk);
	free(w);
}

/* ---- changes -------------------------------------------------------- */

void dd_git_changes_free(dd_git_change *c, size_t n)
{
	size_t i;

	for (i = 0; c && i < n; i++) {
		free(c[i].old_path);
		free(c[i].new_path);
	}
	free(c);
}

static char *prefixed(const char *base, const char *path)
{
	size_t a = strlen(base), b = strlen(path);
	char *p = malloc(a + b + 1);

	if (p) {
		memcpy(p, base, a);
		memcpy(p + a, path, b + 1);
	}
	return p;
}

static const char *change_path(const dd_git_change *c)
{
	return c->new_path ? c->new_path : c->old_path;
}

static int cmp_changes(const void *a, const void *b)
{
	return strcmp(change_path(a), change_path(b));
}

/* The deltas of diff as dd_git_changes, after rename detection. */
static int collect(dd_git_change **out, size_t *count, git_diff *diff,
		   unsigned find_flags, const char *base, dd_error *err)
{
	static const char status[] = {
		[GIT_DELTA_ADDED] = DD_GIT_ADDED,
		[GIT_DELTA_UNTRACKED] = DD_GIT_ADDED,
		[GIT_DELTA_COPIED] = DD_GIT_ADDED,
		[GIT_DELTA_DELETED] = DD_GIT_DELETED,
		[GIT_DELTA_MODIFIED] = DD_GIT_MODIFIED,
		[GIT_DELTA_TYPECHANGE] = DD_GIT_MODIFIED,
		[GIT_DELTA_RENAMED] = DD_GIT_RENAMED,
	};
	git_diff_find_options fopts = GIT_DIFF_FIND_OPTIONS_INIT;
	dd_git_change *c;
	size_t i, n, k = 0;
	int rc;

	fopts.flags = find_flags;
	rc = git_diff_find_similar(diff, &fopts);
	if (rc < 0)
		return fail(err, rc, "rename detection");
	n = git_diff_num_deltas(diff);
	c = calloc(n ? n : 1, sizeof(*c));
	if (!c)
		return dd_error_oom(err);
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		dd_git_change *ch = &c[k];

		if ((size_t)d->status >= sizeof(status) || !status[d->status])
			continue;	/* unmodified, ignored, unreadable */
		ch->status = (dd_git_status)status[d->status];
		if (ch->status != DD_GIT_ADDED)
			from_git(&ch->old_id, &d->old_file.id);
		if (ch->status != DD_GIT_DELETED &&
		    (d->new_file.flags & GIT_DIFF_FLAG_VALID_ID))
			from_git(&ch->new_id, &d->new_file.id);
		if (ch->status == DD_GIT_MODIFIED && !dd_oid_is_zero(&ch->new_id) &&
		    dd_oid_equal(&ch->old_id, &ch->new_id))
			continue;	/* only the mode changed */
		if ((ch->status != DD_GIT_ADDED &&
		     !(ch->old_path = prefixed(base, d->old_file.path))) ||
		    (ch->status != DD_GIT_DELETED &&
		     !(ch->new_path = prefixed(base, d->new_file.path)))) {
			dd_git_changes_free(c, k + 1);
			return dd_error_oom(err);
		}
		k++;
	}
	qsort(c, k, sizeof(*c), cmp_changes);
	*out = c;
	*count = k;
	return 0;
}

/* A growing list of changes. */
typedef struct change_list {
	dd_git_change *items;
	size_t n, alloc;
	int adds, dels;
} change_list;

static int add_change(change_list *l, dd_git_status st, const char *dir,
		      const char *name, const git_oid *old_id,
		      const git_oid *new_id)
{
	dd_git_change *c;
	char *path;

	if (l->n == l->alloc) {
		size_t na = l->alloc ? l->alloc * 2 : 8;
		dd_git_change *p = realloc(l->items, na * sizeof(*p));

		if (!p)
			return -1;
		l->items = p;
		l->alloc = na;
	}
	if (!(path = prefixed(dir, name)))
		return -1;
	c = &l->items[l->n++];
	memset(c, 0, sizeof(*c));
	c->status = st;
	if (old_id) {
		from_git(&c->old_id, old_id);
		c->old_path = path;
	}
	if (new_id) {
		from_git(&c->new_id, new_id);
		if (old_id && !(c->new_path = strdup(path)))
			return -1;
		if (!old_id)
			c->new_path = path;
	}
	l->adds += st == DD_GIT_ADDED;
	l->dels += st == DD_GIT_DELETED;
	return 0;
}

static int is_file(const git_tree_entry *e)
{
	return git_tree_entry_type(e) == GIT_OBJECT_BLOB;
}

static int is_dir(const git_tree_entry *e)
{
	return git_tree_entry_type(e) == GIT_OBJECT_TREE;
}

static int compare_trees(change_list *l, dd_git_repo *r,
			 const git_tree *a, const git_tree *b, const char *dir);

/* Compare the folders that entries ea and eb of folder dir name (either
   NULL: none), under their own name. */
static int compare_dirs(change_list *l, dd_git_repo *r,
			const git_tree_entry *ea, const git_tree_entry *eb,
			const char *dir)
{
	const char *name = git_tree_entry_name(ea ? ea : eb);
	git_tree *ta = NULL, *tb = NULL;
	size_t n = strlen(dir) + strlen(name) + 2;
	char *sub = malloc(n);
	int rc = sub ? 0 : -1;

	if (!rc) {
		snprintf(sub, n, "%s%s/", dir, name);
		if (ea)
			rc = tree_get(&ta, r, git_tree_entry_id(ea));
	}
	if (!rc && eb)
		rc = tree_get(&tb, r, git_tree_entry_id(eb));
	if (!rc)
		rc = compare_trees(l, r, ta, tb, sub);
	git_tree_free(ta);
	git_tree_free(tb);
	free(sub);
	return rc;
}

/* Every file under tree entry e (a file or a folder) as added or deleted. */
static int whole(change_list *l, dd_git_repo *r, const git_tree_entry *e,
		 const char *dir, int added)
{
	if (is_file(e))
		return add_change(l, added ? DD_GIT_ADDED : DD_GIT_DELETED, dir,
				  git_tree_entry_name(e),
				  added ? NULL : git_tree_entry_id(e),
				  added ? git_tree_entry_id(e) : NULL);
	if (!is_dir(e))
		return 0;	/* a submodule */
	return compare_dirs(l, r, added ? NULL : e, added ? e : NULL, dir);
}

/*
 * The files that differ between trees a and b (either may be NULL), by
 * entry: equal ids are skipped without reading, folders with different
 * ids are compared recursively.  What git's tree diff does, without its
 * attribute and configuration lookups.
 */
static int compare_trees(change_list *l, dd_git_repo *r,
			 const git_tree *a, const git_tree *b, const char *dir)
{
	size_t na = a ? git_tree_entrycount(a) : 0;
	size_t nb = b ? git_tree_entrycount(b) : 0, i;
	int rc;

	for (i = 0; i < na; i++) {
		const git_tree_entry *ea = git_tree_entry_byindex(a, i);
		const git_tree_entry *eb = b ? git_tree_entry_byname(b,
					git_tree_entry_name(ea)) : NULL;

		if (eb && !git_oid_cmp(git_tree_entry_id(ea), git_tree_entry_id(eb)) &&
		    is_dir(ea) == is_dir(eb))
			continue;
		if (eb && is_file(ea) && is_file(eb)) {
			rc = add_change(l, DD_GIT_MODIFIED, dir,
					git_tree_entry_name(ea),
					git_tree_entry_id(ea),
					git_tree_entry_id(eb));
		} else if (eb && is_dir(ea) && is_dir(eb)) {
			rc = compare_dirs(l, r, ea, eb, dir);
		} else {
			/* gone, or a file became a folder (or the reverse) */
			rc = whole(l, r, ea, dir, 0);
			if (!rc && eb)
				rc = whole(l, r, eb, dir, 1);
		}
		if (rc)
			return rc;
	}
	for (i = 0; i < nb; i++) {
		const git_tree_entry *eb = git_tree_entry_byindex(b, i);

		if (a && git_tree_entry_byname(a, git_tree_entry_name(eb)))
			continue;
		if ((rc = whole(l, r, eb, dir, 1)))
			return rc;
	}
	return 0;
}

int dd_git_diff_trees(dd_git_change **out, size_t *count, dd_git_repo *r,
		      const dd_oid *old_tree, const dd_oid *new_tree,
		      const char *base, dd_error *err)
{
	git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
	git_tree *a = NULL, *b = NULL;
	git_diff *diff = NULL;
	change_list l;
	int rc;

	*out = NULL;
	*count = 0;
	memset(&l, 0, sizeof(l));
	if ((old_tree && (rc = lookup_tree(&a, r, old_tree, err)) < 0) ||
	    (new_tree && (rc = lookup_tree(&b, r, new_tree, err)) < 0))
		goto out;
	rc = compare_trees(&l, r, a, b, base);
	if (rc < 0) {
		rc = git_error_last() ? fail(err, rc, "diff") : dd_error_oom(err);
		dd_git_changes_free(l.items, l.n);
		goto out;
	}
	if (!l.adds || !l.dels) {
		/* no rename possible: the common case, done */
		if (l.n)
			qsort(l.items, l.n, sizeof(*l.items), cmp_changes);
		*out = l.items;
		*count = l.n;
		goto out;
	}
	/* files both added and deleted: let git find the renames */
	dd_git_changes_free(l.items, l.n);
	opts.flags = GIT_DIFF_SKIP_BINARY_CHECK;
	rc = git_diff_tree_to_tree(&diff, r->repo, a, b, &opts);
	if (rc < 0)
		rc = fail(err, rc, "diff");
	else
		rc = collect(out, count, diff, GIT_DIFF_FIND_RENAMES, base, err);
out:
	git_diff_free(diff);
	git_tree_free(a);
	git_tree_free(b);
	return rc;
}

int dd_git_diff_workdir(dd_git_change **out, size_t *count, dd_git_repo *r,
			const dd_oid *tree, const char *dir, dd_error *err)
{
	git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
	char *spec[1];
	git_tree *a = NULL;
	git_diff *diff = NULL;
	int rc;

	*out = NULL;
	*count = 0;
	if (!r->workdir)
		return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
				    "a bare repository has no working tree");
	if (tree && (rc = lookup_tree(&a, r, tree, err)) < 0)
		return rc;
	spec[0] = (char *)dir;
	opts.pathspec.strings = spec;
	opts.pathspec.count = *dir && strcmp(dir, ".") ? 1 : 0;
	opts.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
		     GIT_DIFF_DISABLE_PATHSPEC_MATCH | GIT_DIFF_SKIP_BINARY_CHECK;
	rc = git_diff_tree_to_workdir(&diff, r->repo, a, &opts);
	if (rc < 0)
		rc = fail(err, rc, "diff");
	else
		rc = collect(out, count, diff, GIT_DIFF_FIND_RENAMES |
			     GIT_DIFF_FIND_FOR_UNTRACKED, "", err);
	git_diff_free(diff);
	git_tree_free(a);
	return rc;
}

/* ---- configuration -------------------------------------------------- */

int dd_git_config_set(dd_git_repo *r, const char *key, const char *value,
		      dd_error *err)
{
	git_config *all = NULL, *local = NULL;
	int rc;

	rc = git_repository_config(&all, r->repo);
	if (rc >= 0)
		rc = git_config_open_level(&local, all, GIT_CONFIG_LEVEL_LOCAL);
	if (rc >= 0)
		rc = git_config_set_string(local, key, value);
	if (rc < 0)
		fail(err, rc, key);
	git_config_free(local);
	git_config_free(all);
	return rc < 0 ? code_of(rc) : 0;
}

/* Where a value of level lvl comes from, for messages. */
static const char *level_name(git_config_level_t lvl)
{
	static const char *const names[] = {
		[GIT_CONFIG_LEVEL_PROGRAMDATA] = "the ProgramData git config",
		[GIT_CONFIG_LEVEL_SYSTEM] = "the system git config",
		[GIT_CONFIG_LEVEL_XDG] = "~/.config/git/config",
		[GIT_CONFIG_LEVEL_GLOBAL] = "~/.gitconfig",
		[GIT_CONFIG_LEVEL_LOCAL] = ".git/config",
	};

	if (lvl < 0 || (size_t)lvl >= sizeof(names) / sizeof(names[0]) ||
	    !names[lvl])
		return "git config";
	return names[lvl];
}

void dd_git_settings_release(dd_git_setting *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(s[i].value);
		s[i].value = NULL;
		s[i].set = 0;
		s[i].origin = NULL;
	}
}

int dd_git_config_read(dd_git_setting *s, size_t n, dd_git_repo *r,
		       dd_error *err)
{
	git_config *cfg = NULL, *snap = NULL;
	git_config_entry *e;
	size_t i;
	int rc, found = 0;

	for (i = 0; i < n; i++) {
		s[i].value = NULL;
		s[i].set = 0;
		s[i].origin = NULL;
	}
	if (!r && (rc = init(err)) < 0)
		return rc;
	rc = r ? git_repository_config(&cfg, r->repo)
	       : git_config_open_default(&cfg);
	if (rc >= 0)
		rc = git_config_snapshot(&snap, cfg);
	for (i = 0; rc >= 0 && i < n; i++) {
		rc = git_config_get_entry(&e, snap, s[i].key);
		if (rc == GIT_ENOTFOUND) {
			rc = 0;
			continue;
		}
		if (rc < 0) {
			fail(err, rc, s[i].key);
			break;
		}
		s[i].set = 1;
		s[i].origin = level_name(e->level);
		/* a key with no value ("[dialdiff] color") has none */
		if (e->value && !(s[i].value = strdup(e->value)))
			rc = dd_error_oom(err);
		git_config_entry_free(e);
		found++;
	}
	if (rc < 0 && rc != DD_ENOMEM && (!cfg || !snap))
		fail(err, rc, "git config");
	git_config_free(snap);
	git_config_free(cfg);
	if (!r)
		git_libgit2_shutdown();
	if (rc < 0) {
		dd_git_settings_release(s, n);
		return rc == DD_ENOMEM ? rc : code_of(rc);
	}
	return found;
}

int dd_git_config_get(char **out, dd_git_repo *r, const char *key,
		      dd_error *err)
{
	dd_git_setting s;
	int rc;

	s.key = key;
	rc = dd_git_config_read(&s, 1, r, err);
	*out = s.value;
	if (rc > 0 && !s.value)
		rc = 0;		/* no value: not a string */
	return rc;
}

/* ---- merging text -------------------------------------------------- */

int dd_git_merge_file(dd_buf *out, int *conflicts, const char *base,
		      size_t nbase, const char *ours, size_t nours,
		      const char *theirs, size_t ntheirs, dd_error *err)
{
	git_merge_file_input in[3] = {
		{ GIT_MERGE_FILE_INPUT_VERSION, base, nbase },
		{ GIT_MERGE_FILE_INPUT_VERSION, ours, nours },
		{ GIT_MERGE_FILE_INPUT_VERSION, theirs, ntheirs }
	};
	git_merge_file_options opts = GIT_MERGE_FILE_OPTIONS_INIT;
	git_merge_file_result res;
	int rc;

	*conflicts = 0;
	dd_buf_reset(out);
	if ((rc = init(err)) < 0)
		return rc;
	opts.ancestor_label = "base";
	opts.our_label = "ours";
	opts.their_label = "theirs";
	memset(&res, 0, sizeof(res));
	rc = git_merge_file(&res, &in[0], &in[1], &in[2], &opts);
	if (rc < 0) {
		rc = fail(err, rc, "merge");
	} else {
		*conflicts = !res.automergeable;
		/* a binary file has no merged text: ours, as git keeps it */
		if (res.ptr)
			dd_buf_add(out, res.ptr, res.len);
		else
			dd_buf_add(out, ours, nours);
		rc = dd_buf_oom(out) ? dd_error_oom(err) : 0;
	}
	git_merge_file_result_free(&res);
	git_libgit2_shutdown();
	return rc;
}

/* 1 when the file at path mentions word or an include, case aside. */
static int mentions(const char *path, const char *word)
{
	char line[4096], *p;
	FILE *f = fopen(path, "r");
	int yes = 0;

	if (!f)
		return 0;
	while (!yes && fgets(line, sizeof(line), f)) {
		for (p = line; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		yes = strstr(line, word) || strstr(line, "include");
	}
	fclose(f);
	return yes;
}

int dd_git_config_may_set(const char *top, const char *section)
{
	const char *home = getenv("HOME"), *xdg = getenv("XDG_CONFIG_HOME");
	char path[PATH_MAX], word[64];
	struct stat st;
	size_t i;

	for (i = 0; section[i] && i + 1 < sizeof(word); i++)
		word[i] = (char)tolower((unsigned char)section[i]);
	word[i] = '\0';
	if (!top)
		return 1;
	snprintf(path, sizeof(path), "%s.git", top);
	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
		return 1;	/* a linked work tree: only libgit2 knows */
	snprintf(path, sizeof(path), "%s.git/config", top);
	if (mentions(path, word) || mentions("/etc/gitconfig", word))
		return 1;
	if (home) {
		snprintf(path, sizeof(path), "%s/.gitconfig", home);
		if (mentions(path, word))
			return 1;
	}
	if (xdg && *xdg)
		snprintf(path, sizeof(path), "%s/git/config", xdg);
	else if (home)
		snprintf(path, sizeof(path), "%s/.config/git/config", home);
	else
		return 0;
	return mentions(path, word);
}
