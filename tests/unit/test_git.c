/* Unit tests of the git module and the git-revision source, on a small
 * repository made with the git command line in a temporary folder. */
#include "unit.h"

#include <limits.h>
#include <unistd.h>

#include "dialdiff/git.h"
#include "dialdiff/source.h"

static char top[PATH_MAX], saved_cwd[PATH_MAX];

static void sh(const char *cmd)
{
	char buf[8192];

	snprintf(buf, sizeof(buf), "cd '%s' && (%s) >/dev/null 2>&1", top, cmd);
	if (system(buf) != 0)
		fail_msg("command failed: %s", cmd);
}

static int setup(void **state)
{
	char tmpl[] = "/tmp/dialdiff-unit-git.XXXXXX";

	(void)state;
	if (!getcwd(saved_cwd, sizeof(saved_cwd)) || !mkdtemp(tmpl))
		return -1;
	snprintf(top, sizeof(top), "%s", tmpl);
	setenv("GIT_AUTHOR_NAME", "A U Thor", 1);
	setenv("GIT_AUTHOR_EMAIL", "author@example.com", 1);
	setenv("GIT_COMMITTER_NAME", "C O Mitter", 1);
	setenv("GIT_COMMITTER_EMAIL", "committer@example.com", 1);
	setenv("GIT_AUTHOR_DATE", "2020-01-01T00:00:00+0200", 1);
	setenv("GIT_COMMITTER_DATE", "2020-01-01T00:00:00Z", 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	sh("git init -q -b main . && mkdir -p d/s sub && "
	   "echo one > d/s/a.json && echo keep > d/s/c.json && "
	   "echo x > sub/x && git add . && git commit -q -m 'first commit'");
	sh("echo two > d/s/a.json && echo new > d/s/b.json && "
	   "git mv d/s/c.json d/s/e.json && git add . && "
	   "git commit -q -m 'second commit' -m 'body text'");
	return chdir(top);
}

static int teardown(void **state)
{
	char buf[PATH_MAX + 16];

	(void)state;
	if (chdir(saved_cwd) < 0)
		return -1;
	snprintf(buf, sizeof(buf), "rm -rf '%s'", top);
	return system(buf);
}

static dd_git_repo *open_in(const char *sub)
{
	char path[PATH_MAX + 8];
	dd_git_repo *repo = NULL;
	dd_error err;

	snprintf(path, sizeof(path), "%s/%s", top, sub);
	assert_int_equal(chdir(path), 0);
	if (dd_git_open(&repo, &err) < 0)
		fail_msg("open: %s", err.message);
	return repo;
}

static void test_oid(void **state)
{
	char hex[DD_OID_HEXSZ + 1];
	dd_oid a, zero;

	(void)state;
	memset(&zero, 0, sizeof(zero));
	memset(&a, 0xab, sizeof(a));
	a.id[0] = 0x01;
	a.id[DD_OID_RAWSZ - 1] = 0xf0;
	dd_oid_fmt(hex, &a);
	assert_string_equal(hex, "01ababababababababababababababababababf0");
	assert_true(dd_oid_is_zero(&zero));
	assert_false(dd_oid_equal(&a, &zero));
}

static void test_open_and_resolve(void **state)
{
	dd_git_repo *repo = open_in("sub");
	dd_oid head, parent, tree;
	dd_git_commit c;
	dd_error err;
	char hex[DD_OID_HEXSZ + 1];

	(void)state;
	assert_string_equal(dd_git_prefix(repo), "sub/");
	assert_non_null(dd_git_workdir(repo));
	assert_int_equal(dd_git_workdir(repo)[strlen(dd_git_workdir(repo)) - 1], '/');
	assert_false(dd_git_is_bare(repo));
	assert_false(dd_git_is_shallow(repo));
	assert_false(dd_git_head_unborn(repo));

	assert_int_equal(dd_git_resolve(&head, repo, "HEAD", &err), 0);
	assert_int_equal(dd_git_resolve(&parent, repo, "main~1", &err), 0);
	assert_false(dd_oid_equal(&head, &parent));
	assert_int_equal(dd_git_resolve(&tree, repo, "nosuch", &err), DD_ENOTFOUND);
	assert_string_equal(err.file, "nosuch");
	assert_non_null(strstr(err.message, "unknown revision"));
	assert_int_equal(dd_git_resolve(&tree, repo, "HEAD:d", &err), DD_EUSAGE);
	assert_non_null(strstr(err.message, "folder"));

	assert_int_equal(dd_git_commit_load(&c, repo, &head, &err), 0);
	assert_string_equal(c.subject, "second commit");
	assert_string_equal(c.author_name, "A U Thor");
	assert_string_equal(c.author_email, "author@example.com");
	assert_int_equal(c.time, 1577829600LL);	/* 2019-12-31T22:00:00Z */
	assert_int_equal(c.offset, 120);
	assert_int_equal(c.nparents, 1);
	assert_true(dd_oid_equal(&c.parents[0], &parent));
	dd_oid_fmt(hex, &c.id);
	dd_git_commit_release(&c);

	assert_int_equal(dd_git_merge_base(&tree, repo, &head, &parent, &err), 0);
	assert_true(dd_oid_equal(&tree, &parent));
	dd_git_free(repo);
}

static void test_trees_and_source(void **state)
{
	dd_git_repo *repo = open_in("");
	dd_source *src = NULL;
	dd_buf buf = DD_BUF_INIT;
	char **names;
	size_t n;
	dd_oid id;
	dd_error err;

	(void)state;
	assert_int_equal(dd_source_git(&src, repo, "HEAD~1", &err), 0);
	assert_string_equal(dd_source_rev_name(src), "HEAD~1");
	assert_int_equal(strlen(dd_source_rev(src)), 40);
	assert_int_equal(dd_source_read(&buf, src, "d/s/a.json", 0, &err), 0);
	assert_string_equal(buf.ptr, "one\n");
	assert_int_equal(dd_source_type(src, "d/s"), DD_SOURCE_DIR);
	assert_int_equal(dd_source_type(src, "d/s/c.json"), DD_SOURCE_FILE);
	assert_int_equal(dd_source_type(src, "d/s/b.json"), 0);
	/* a path is walked a folder at a time: through a file, an empty
	   component or a missing folder it names nothing */
	assert_int_equal(dd_source_type(src, "d/s/c.json/x"), 0);
	assert_int_equal(dd_source_type(src, "d//s"), 0);
	assert_int_equal(dd_source_type(src, "nope/s/c.json"), 0);
	assert_int_equal(dd_source_type(src, "d/s/"), DD_SOURCE_DIR);
	assert_int_equal(dd_source_type(src, "sub/x"), DD_SOURCE_FILE);
	assert_null(dd_source_fault(src));
	assert_int_equal(dd_source_read(&buf, src, "d/s/b.json", 0, &err),
			 DD_ENOTFOUND);
	assert_string_equal(err.file, "HEAD~1:d/s/b.json");
	assert_string_equal(err.message, "no such file in HEAD~1");
	assert_int_equal(dd_source_read(&buf, src, "d/s", 0, &err), DD_ERROR);
	assert_string_equal(err.file, "HEAD~1:d/s");
	assert_non_null(strstr(err.message, "folder"));
	assert_int_equal(dd_source_read(&buf, src, "d/s/a.json", 2, &err),
			 DD_ERROR);
	assert_int_equal(dd_source_list(&names, &n, src, "d/s", DD_SOURCE_FILE,
					&err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(names[0], "a.json");
	assert_string_equal(names[1], "c.json");
	assert_null(names[2]);
	dd_source_names_free(names);
	assert_int_equal(dd_source_list(&names, &n, src, "d", DD_SOURCE_FILE,
					&err), 0);
	assert_int_equal(n, 0);
	dd_source_names_free(names);
	assert_int_equal(dd_source_list(&names, &n, src, "nope", DD_SOURCE_DIR,
					&err), DD_ENOTFOUND);
	assert_string_equal(err.file, "HEAD~1:nope");
	assert_int_equal(dd_source_blob_id(&id, src, "d/s/a.json", &err), 0);
	dd_source_free(src);

	assert_int_equal(dd_source_git(&src, repo, "nosuch", &err), DD_ENOTFOUND);
	assert_null(src);
	dd_buf_release(&buf);
	dd_git_free(repo);
}

static void test_changes_and_walk(void **state)
{
	dd_git_repo *repo = open_in("");
	dd_oid head, parent, ta, tb, sa, sb, next;
	dd_git_change *ch;
	dd_git_walk *walk;
	size_t n;
	int type;
	dd_error err;

	(void)state;
	assert_int_equal(dd_git_resolve(&head, repo, "HEAD", &err), 0);
	assert_int_equal(dd_git_resolve(&parent, repo, "HEAD^", &err), 0);
	assert_int_equal(dd_git_commit_tree(&ta, repo, &parent, &err), 0);
	assert_int_equal(dd_git_commit_tree(&tb, repo, &head, &err), 0);
	assert_int_equal(dd_git_entry(&sa, &type, repo, &ta, "d", &err), 0);
	assert_int_equal(type, DD_GIT_TREE);
	assert_int_equal(dd_git_entry(&sb, &type, repo, &tb, "d", &err), 0);
	assert_false(dd_oid_equal(&sa, &sb));
	assert_int_equal(dd_git_entry(&sa, &type, repo, &ta, "sub", &err), 0);
	assert_int_equal(dd_git_entry(&sb, &type, repo, &tb, "sub", &err), 0);
	assert_true(dd_oid_equal(&sa, &sb));	/* untouched folder */
	assert_int_equal(dd_git_entry(NULL, &type, repo, &tb, "none/x", &err), 0);
	assert_int_equal(type, DD_GIT_NONE);

	assert_int_equal(dd_git_entry(&sa, &type, repo, &ta, "d", &err), 0);
	assert_int_equal(dd_git_entry(&sb, &type, repo, &tb, "d", &err), 0);
	assert_int_equal(dd_git_diff_trees(&ch, &n, repo, &sa, &sb, "d/", &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(ch[0].status, DD_GIT_MODIFIED);
	assert_string_equal(ch[0].new_path, "d/s/a.json");
	assert_int_equal(ch[1].status, DD_GIT_ADDED);
	assert_string_equal(ch[1].new_path, "d/s/b.json");
	assert_null(ch[1].old_path);
	assert_int_equal(ch[2].status, DD_GIT_RENAMED);
	assert_string_equal(ch[2].old_path, "d/s/c.json");
	assert_string_equal(ch[2].new_path, "d/s/e.json");
	dd_git_changes_free(ch, n);

	assert_int_equal(dd_git_diff_trees(&ch, &n, repo, NULL, &sa, "d/", &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ch[0].status, DD_GIT_ADDED);
	dd_git_changes_free(ch, n);

	sh("echo three > d/s/a.json && echo untracked > d/s/u.json && "
	   "echo elsewhere > sub/y");
	assert_int_equal(dd_git_diff_workdir(&ch, &n, repo, &tb, "d", &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ch[0].status, DD_GIT_MODIFIED);
	assert_string_equal(ch[0].new_path, "d/s/a.json");
	assert_int_equal(ch[1].status, DD_GIT_ADDED);
	assert_string_equal(ch[1].new_path, "d/s/u.json");
	dd_git_changes_free(ch, n);
	sh("git checkout -q -- d && rm d/s/u.json sub/y");

	assert_int_equal(dd_git_walk_new(&walk, repo, &head, 1, NULL, 0, 0, &err), 0);
	assert_int_equal(dd_git_walk_next(&next, walk, &err), 0);
	assert_true(dd_oid_equal(&next, &head));
	assert_int_equal(dd_git_walk_next(&next, walk, &err), 0);
	assert_true(dd_oid_equal(&next, &parent));
	assert_int_equal(dd_git_walk_next(&next, walk, &err), 1);
	dd_git_walk_free(walk);
	assert_int_equal(dd_git_walk_new(&walk, repo, &head, 1, &parent, 1, 1,
					 &err), 0);
	assert_int_equal(dd_git_walk_next(&next, walk, &err), 0);
	assert_int_equal(dd_git_walk_next(&next, walk, &err), 1);
	dd_git_walk_free(walk);

	assert_int_equal(dd_git_config_set(repo, "diff.unit.textconv", "cat", &err), 0);
	dd_git_free(repo);
	sh("test \"$(git config diff.unit.textconv)\" = cat");
}

/* Several keys from one snapshot: a value, a key with no value (a
 * boolean's true), a key not set; each with where it is set. */
static void test_config_read(void **state)
{
	dd_git_setting s[3] = { { "dialdiff.lang" }, { "dialdiff.color" },
				{ "dialdiff.unit-never-set" } };
	dd_git_repo *repo;
	dd_error err;
	char *value;

	(void)state;
	sh("git config dialdiff.lang zh && printf '[dialdiff]\\n\\tcolor\\n' >> .git/config");
	repo = open_in("");
	assert_int_equal(dd_git_config_read(s, 3, repo, &err), 2);
	assert_true(s[0].set);
	assert_string_equal(s[0].value, "zh");
	assert_string_equal(s[0].origin, ".git/config");
	assert_true(s[1].set);
	assert_null(s[1].value);
	assert_false(s[2].set);
	assert_null(s[2].value);
	dd_git_settings_release(s, 3);
	assert_null(s[0].value);
	/* one key: a string, or not one */
	assert_int_equal(dd_git_config_get(&value, repo, "dialdiff.lang", &err), 1);
	assert_string_equal(value, "zh");
	free(value);
	assert_int_equal(dd_git_config_get(&value, repo, "dialdiff.color", &err), 0);
	assert_null(value);
	dd_git_free(repo);
	sh("git config --remove-section dialdiff");
}

/* The quick look for .git agrees with libgit2 on the top and the prefix,
 * at the top and below it, and leaves GIT_DIR to libgit2. */
static void test_find_worktree(void **state)
{
	static const char *const subs[] = { "", "sub", "sub/" };
	char *top_found, *prefix;
	dd_git_repo *repo;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		repo = open_in(subs[i]);
		assert_int_equal(dd_git_find_worktree(&top_found, &prefix), 1);
		assert_string_equal(top_found, dd_git_workdir(repo));
		assert_string_equal(prefix, dd_git_prefix(repo));
		free(top_found);
		free(prefix);
		dd_git_free(repo);
	}
	setenv("GIT_DIR", ".git", 1);
	assert_int_equal(dd_git_find_worktree(&top_found, &prefix), 0);
	assert_null(top_found);
	assert_null(prefix);
	unsetenv("GIT_DIR");
}

static void test_not_a_repository(void **state)
{
	dd_git_repo *repo = NULL;
	dd_error err;

	(void)state;
	assert_int_equal(chdir("/"), 0);
	setenv("GIT_CEILING_DIRECTORIES", "/", 1);
	assert_int_equal(dd_git_open(&repo, &err), DD_ENOTFOUND);
	assert_null(repo);
	unsetenv("GIT_CEILING_DIRECTORIES");
}

/* git's line merge: changes to different lines merge; two changes of
 * one line are left between markers. */
static void test_merge_file(void **state)
{
	const char *base = "a\nb\nc\nd\ne\n";
	const char *ours = "A\nb\nc\nd\ne\n", *theirs = "a\nb\nc\nd\nE\n";
	dd_buf out = DD_BUF_INIT;
	dd_error err;
	int conflicts = -1;

	(void)state;
	assert_int_equal(dd_git_merge_file(&out, &conflicts, base,
					   strlen(base), ours, strlen(ours),
					   theirs, strlen(theirs), &err), 0);
	assert_int_equal(conflicts, 0);
	assert_string_equal(out.ptr, "A\nb\nc\nd\nE\n");
	theirs = "X\nb\nc\nd\ne\n";
	assert_int_equal(dd_git_merge_file(&out, &conflicts, base,
					   strlen(base), ours, strlen(ours),
					   theirs, strlen(theirs), &err), 0);
	assert_int_equal(conflicts, 1);
	assert_string_equal(out.ptr, "<<<<<<< ours\nA\n=======\nX\n"
			    ">>>>>>> theirs\nb\nc\nd\ne\n");
	/* no common ancestor */
	assert_int_equal(dd_git_merge_file(&out, &conflicts, "", 0, ours,
					   strlen(ours), ours, strlen(ours),
					   &err), 0);
	assert_int_equal(conflicts, 0);
	assert_string_equal(out.ptr, ours);
	dd_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oid),
		cmocka_unit_test(test_open_and_resolve),
		cmocka_unit_test(test_trees_and_source),
		cmocka_unit_test(test_changes_and_walk),
		cmocka_unit_test(test_config_read),
		cmocka_unit_test(test_find_worktree),
		cmocka_unit_test(test_not_a_repository),
		cmocka_unit_test(test_merge_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
