/* Unit tests of the utility layer: buffers, arena, UTF-8, string map,
 * diagnostics, error records, atomic writes and the worker thread. */
#include "unit.h"

#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dialdiff/arena.h"
#include "dialdiff/buf.h"
#include "dialdiff/diag.h"
#include "dialdiff/error.h"
#include "dialdiff/hash.h"
#include "dialdiff/strmap.h"
#include "dialdiff/text.h"
#include "dialdiff/worker.h"

static void test_buf(void **state)
{
	dd_buf b = DD_BUF_INIT;
	size_t len;
	char *s;
	int i;

	(void)state;
	assert_string_equal(b.ptr, "");
	dd_buf_adds(&b, "abc");
	dd_buf_addc(&b, '-');
	dd_buf_addf(&b, "%d/%s", 42, "x");
	dd_buf_addn(&b, '.', 3);
	assert_string_equal(b.ptr, "abc-42/x...");
	for (i = 0; i < 1000; i++)
		dd_buf_addf(&b, "%04d", i);
	assert_int_equal(b.len, 11 + 4000);
	assert_int_equal(b.ptr[b.len], '\0');
	s = dd_buf_detach(&b, &len);
	assert_int_equal(len, 4011);
	assert_string_equal(b.ptr, "");
	free(s);
	dd_buf_release(&b);
}

static void test_arena(void **state)
{
	dd_arena a = DD_ARENA_INIT;
	char *s;
	int *big, i;

	(void)state;
	for (i = 0; i < 10000; i++) {
		s = dd_arena_strdup(&a, "hello");
		assert_string_equal(s, "hello");
	}
	big = dd_arena_array(&a, 100000, sizeof(int));
	assert_non_null(big);
	assert_int_equal(big[99999], 0);
	assert_null(dd_arena_strdup(&a, NULL));
	assert_null(dd_arena_array(&a, SIZE_MAX / 2, 4));
	dd_arena_release(&a);
}

static void test_utf8(void **state)
{
	size_t bad = 0;

	(void)state;
	assert_true(dd_utf8_valid("abc \xe4\xb8\xad\xe6\x96\x87", 10, NULL));
	assert_false(dd_utf8_valid("ab\xc0\xaf", 4, &bad));	/* overlong '/' */
	assert_int_equal(bad, 2);
	assert_false(dd_utf8_valid("\xed\xa0\x80", 3, &bad));	/* surrogate */
	assert_false(dd_utf8_valid("\xf4\x90\x80\x80", 4, &bad)); /* > U+10FFFF */
	assert_false(dd_utf8_valid("\xe4\xb8", 2, &bad));	/* truncated */
	assert_int_equal(dd_utf8_chars("a\xe4\xb8\xad" "b", 5), 3);
	assert_int_equal(dd_utf8_width("abc"), 3);
	assert_int_equal(dd_utf8_width("\xe7\xbd\x91\xe7\xbb\x9c"), 4); /* 网络 */
	assert_int_equal(dd_utf8_width("\xef\xbc\x88x"), 3);	/* full-width ( */
}

static void test_normalize(void **state)
{
	char *s;

	(void)state;
	s = dd_text_normalize("  Online\t FRAUD \xe3\x80\x80 scams ");
	assert_string_equal(s, "online fraud scams");
	free(s);
	s = dd_text_normalize("");
	assert_string_equal(s, "");
	free(s);
}

static void vformat(char *dst, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	dd_text_vformat(dst, size, fmt, ap);
	va_end(ap);
}

/* Long messages keep their start and their end; nothing raw reaches a
 * terminal. */
static void test_safe_messages(void **state)
{
	char small[32], big[600];
	dd_buf b = DD_BUF_INIT;
	size_t i;

	(void)state;
	vformat(small, sizeof(small), "%s", "short");
	assert_string_equal(small, "short");
	/* 40 three-byte characters, then the end that matters */
	for (i = 0; i < 40; i++)
		memcpy(big + 3 * i, "\xe7\xbd\x91", 3);
	strcpy(big + 120, " matches no entry");
	vformat(small, sizeof(small), "label %s", big);
	assert_true(strlen(small) < sizeof(small));
	assert_true(dd_utf8_valid(small, strlen(small), NULL));
	assert_non_null(strstr(small, "\xe2\x80\xa6"));
	assert_true(strstr(small, "no entry") != NULL);
	assert_int_equal(strncmp(small, "label ", 6), 0);

	dd_text_add_safe(&b, "a\x1b]0;PWNED\x07\x1b[2J\tz\xc2\x9bq\xc3\xa9");
	assert_string_equal(b.ptr, "a?]0;PWNED??[2J z?q\xc3\xa9");
	dd_buf_release(&b);
}

static void test_text(void **state)
{
	dd_text t = { NULL, "\xe7\xbd\x91" };
	dd_text u = { NULL, "\xe7\xbd\x91" };
	dd_lang lang;

	(void)state;
	assert_string_equal(dd_text_get(&t, DD_LANG_EN), "\xe7\xbd\x91");
	t.en = "net";
	assert_string_equal(dd_text_get(&t, DD_LANG_EN), "net");
	assert_false(dd_text_equal(&t, &u));
	u.en = "net";
	assert_true(dd_text_equal(&t, &u));
	assert_int_equal(dd_lang_parse(&lang, "zh"), 0);
	assert_int_equal(lang, DD_LANG_ZH);
	assert_int_equal(dd_lang_parse(&lang, "fr"), -1);
	setenv("LC_ALL", "zh_CN.UTF-8", 1);
	assert_int_equal(dd_lang_from_env(), DD_LANG_ZH);
	setenv("LC_ALL", "C", 1);
	assert_int_equal(dd_lang_from_env(), DD_LANG_EN);
}

static void test_strmap(void **state)
{
	dd_strmap m = DD_STRMAP_INIT;
	static char keys[5000][8];
	void *old;
	int i;

	(void)state;
	dd_strmap_prefetch(&m, "k1");	/* no table yet: nothing to fetch */
	for (i = 0; i < 5000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		assert_int_equal(dd_strmap_put(&m, keys[i], &keys[i], NULL), 1);
	}
	assert_int_equal(dd_strmap_put(&m, "k17", NULL, &old), 0);
	assert_ptr_equal(old, &keys[17]);
	for (i = 0; i < 5000; i++) {
		/* a hint only: the map and its answers stay the same */
		dd_strmap_prefetch(&m, i + 8 < 5000 ? keys[i + 8] : "nope");
		assert_ptr_equal(dd_strmap_get(&m, keys[i]), &keys[i]);
	}
	assert_null(dd_strmap_get(&m, "nope"));
	assert_int_equal(m.count, 5000);
	dd_strmap_release(&m);
	assert_null(dd_strmap_get(&m, "k1"));
}

/* FNV-1a, strmap's former hash, over n bytes of s. */
static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ull;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ull;
	}
	return h;
}

/*
 * Keys built to collide in the low 16 bits under FNV-1a -- all in one slot
 * of a 65536-slot table, so that every insertion walks every key before it
 * -- spread over the table under the keyed hash.  Each key is "k<i>" and
 * two bytes: the first chosen so that the second can bring the low 16 bits
 * to the target (multiplying by the odd prime is invertible mod 2^16).
 */
static void test_strmap_crafted(void **state)
{
	enum { N = 20000 };
	const uint64_t prime = 1099511628211ull;
	uint16_t inv = 1, target = 0x5a5a;
	static char keys[N][24];
	static unsigned char seen[65536];
	dd_strmap m = DD_STRMAP_INIT;
	size_t made = 0, distinct = 0, i;
	int j;

	(void)state;
	for (j = 0; j < 16; j++)	/* Newton: inv = prime^-1 mod 2^16 */
		inv = (uint16_t)(inv * (2 - (uint16_t)prime * inv));
	for (i = 0; made < N; i++) {
		char *k = keys[made];
		int n = snprintf(k, 20, "k%zu", i), b1;
		uint64_t h = fnv1a(k, (size_t)n);
		uint16_t u = (uint16_t)(target * inv);

		for (b1 = 1; b1 < 256; b1++) {
			uint64_t h1 = (h ^ (uint64_t)b1) * prime;
			unsigned b2 = (unsigned)((h1 ^ u) & 0xff);

			if (((h1 ^ u) & 0xff00) || !b2)
				continue;
			k[n] = (char)b1;
			k[n + 1] = (char)b2;
			k[n + 2] = '\0';
			assert_int_equal(fnv1a(k, (size_t)n + 2) & 0xffff, target);
			made++;
			break;
		}
	}
	for (i = 0; i < N; i++) {
		size_t slot = dd_hash_bytes(keys[i], strlen(keys[i])) & 0xffff;

		distinct += !seen[slot];
		seen[slot] = 1;
		assert_int_equal(dd_strmap_put(&m, keys[i], keys[i], NULL), 1);
	}
	/* at random, about 17,300 slots; FNV-1a: 1 */
	assert_true(distinct > N / 2);
	for (i = 0; i < N; i++)
		assert_ptr_equal(dd_strmap_get(&m, keys[i]), keys[i]);
	dd_strmap_release(&m);
}

static void test_diags(void **state)
{
	dd_diags d = DD_DIAGS_INIT;

	(void)state;
	dd_diags_add(&d, DD_SEV_WARNING, "w", "b.json", 3, 1, "third");
	dd_diags_add(&d, DD_SEV_ERROR, "e", "a.json", 9, 2, "first %d", 1);
	dd_diags_add(&d, DD_SEV_ERROR, "e", "b.json", 3, 1, "fourth");
	dd_diags_add(&d, DD_SEV_ERROR, "e", "b.json", 1, 5, "second");
	dd_diags_add(NULL, DD_SEV_ERROR, "e", "x", 1, 1, "ignored");
	assert_int_equal(d.errors, 3);
	assert_int_equal(d.warnings, 1);
	dd_diags_sort(&d);
	assert_string_equal(d.items[0].message, "first 1");
	assert_string_equal(d.items[1].message, "second");
	assert_string_equal(d.items[2].message, "third");	/* stable */
	assert_string_equal(d.items[3].message, "fourth");
	dd_diags_release(&d);
}

static void test_error(void **state)
{
	dd_error err;
	char buf[256];

	(void)state;
	assert_int_equal(dd_error_set(&err, DD_ERROR, "f.json", 3, 7, "bad %s", "thing"),
			 DD_ERROR);
	dd_error_format(buf, sizeof(buf), &err);
	assert_string_equal(buf, "f.json:3:7: bad thing");
	dd_error_set(&err, DD_ENOTFOUND, "f.json", 0, 0, "missing");
	dd_error_format(buf, sizeof(buf), &err);
	assert_string_equal(buf, "f.json: missing");
	dd_error_set(&err, DD_ERROR, NULL, 0, 0, "plain");
	dd_error_format(buf, sizeof(buf), &err);
	assert_string_equal(buf, "plain");
	assert_int_equal(dd_error_set(NULL, DD_EUSAGE, NULL, 0, 0, "x"), DD_EUSAGE);
}

static void test_files(void **state)
{
	char dir[] = "/tmp/dd-unit-XXXXXX", path[128];
	dd_buf b = DD_BUF_INIT;
	dd_error err;
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/f.json", dir);
	assert_int_equal(dd_write_file_atomic(path, "{}\n", 3, &err), 0);
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(dd_write_file_atomic(path, "[1]\n", 4, &err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);	/* mode kept */
	assert_int_equal(dd_buf_read_file(&b, path, 0, &err), 0);
	assert_string_equal(b.ptr, "[1]\n");
	assert_int_equal(dd_buf_read_file(&b, path, 2, &err), DD_ETOOBIG);
	assert_non_null(strstr(err.message, "size cap"));
	assert_int_equal(dd_buf_read_file(&b, dir, 0, &err), DD_ERROR);
	assert_non_null(strstr(err.message, "folder"));
	snprintf(path, sizeof(path), "%s/missing.json", dir);
	assert_int_equal(dd_buf_read_file(&b, path, 0, &err), DD_ENOTFOUND);
	snprintf(path, sizeof(path), "%s/nodir/f.json", dir);
	assert_true(dd_write_file_atomic(path, "x", 1, &err) < 0);
	snprintf(path, sizeof(path), "rm -rf %s", dir);
	assert_int_equal(system(path), 0);
	dd_buf_release(&b);
}

/* A job that records which thread ran it; the first one holds the worker
 * until the test lets it go. */
typedef struct test_job {
	dd_job job;
	int ran_by;		/* 0 worker, 1 the waiting thread, -1 not yet */
	int hold;
} test_job;

static pthread_mutex_t hold_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hold_cond = PTHREAD_COND_INITIALIZER;
static int held, released;

static void run_test_job(dd_job *job, int helper)
{
	test_job *t = (test_job *)job;

	t->ran_by = helper;
	if (!t->hold)
		return;
	pthread_mutex_lock(&hold_lock);
	held = 1;
	pthread_cond_broadcast(&hold_cond);
	while (!released)
		pthread_cond_wait(&hold_cond, &hold_lock);
	pthread_mutex_unlock(&hold_lock);
}

static void test_worker(void **state)
{
	test_job jobs[4];
	dd_worker *w;
	dd_error err;
	int i;

	(void)state;
	assert_true(dd_worker_cpus() >= 1);
	assert_int_equal(dd_worker_start(&w, NULL, &err), 0);
	for (i = 0; i < 4; i++) {
		jobs[i].job.run = run_test_job;
		jobs[i].ran_by = -1;
		jobs[i].hold = i == 0;
		dd_worker_push(w, &jobs[i].job);
	}
	/* the worker is inside job 0: waiting for job 2 runs jobs 1 and 2
	   on this thread, and leaves job 3 queued */
	pthread_mutex_lock(&hold_lock);
	while (!held)
		pthread_cond_wait(&hold_cond, &hold_lock);
	pthread_mutex_unlock(&hold_lock);
	dd_worker_wait(w, &jobs[2].job);
	assert_int_equal(jobs[1].ran_by, 1);
	assert_int_equal(jobs[2].ran_by, 1);
	assert_int_equal(jobs[0].job.done, 0);
	/* waiting for job 0, held by the worker, takes job 3 meanwhile */
	pthread_mutex_lock(&hold_lock);
	released = 1;
	pthread_cond_broadcast(&hold_cond);
	pthread_mutex_unlock(&hold_lock);
	dd_worker_wait(w, &jobs[0].job);
	assert_int_equal(jobs[0].ran_by, 0);
	dd_worker_wait(w, &jobs[3].job);
	assert_int_not_equal(jobs[3].ran_by, -1);
	dd_worker_stop(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_safe_messages),
		cmocka_unit_test(test_strmap),
		cmocka_unit_test(test_strmap_crafted),
		cmocka_unit_test(test_diags),
		cmocka_unit_test(test_error),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_worker),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
