/*
 * classify [--series S] TEXT...: which taxonomy entries match each text.
 * extract [--series S] [--round N] [--date D] [--lang en|zh|auto]
 *         [--format round|json|text] [--write] FILE|-: a draft round from a source.
 *
 * Both read the taxonomy of a series: --series, else the only series of
 * the record; classify, in a record of several series and without
 * --series, the dialogues folder's taxonomy.json (--taxonomy wins over
 * all of these).  The work is the library's (extract.h); this file reads
 * options and the source, and tells the analyst on stderr what was read
 * and what matched nothing.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "dialdiff/author.h"
#include "dialdiff/extract.h"

enum { OPT_SERIES = 1100, OPT_ROUND, OPT_DATE, OPT_WRITE };

const struct option cli_classify_options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "series", required_argument, NULL, OPT_SERIES },
	CLI_OUTPUT_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

const struct option cli_extract_options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "series", required_argument, NULL, OPT_SERIES },
	{ "round", required_argument, NULL, OPT_ROUND },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "write", no_argument, NULL, OPT_WRITE },
	CLI_OUTPUT_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

/* The taxonomy classify reads (see above). */
static int classify_taxonomy(cli_ctx *ctx, dd_taxonomy **tx)
{
	char **names = NULL;
	dd_project *p;
	size_t n = 0;
	int rc;

	if ((rc = cli_project(ctx, &p)) ||
	    (rc = cli_series_ids(p, ctx->series_id, &names, &n)))
		return rc;
	if (ctx->series_id)
		rc = cli_taxonomy_of_series(ctx, ctx->series_id, tx);
	else if (n == 1)
		rc = cli_taxonomy_of_series(ctx, names[0], tx);
	else
		rc = cli_taxonomy(ctx, tx);
	dd_source_names_free(names);
	return rc;
}

int cmd_classify(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("classify");
	dd_taxonomy *tx;
	dd_buf out = DD_BUF_INIT;
	size_t unmatched;
	dd_error err;
	int c, rc;

	while ((c = cli_getopt(cmd, argc, argv)) != -1) {
		if (c == OPT_SERIES)
			ctx->series_id = optarg;
		else if ((rc = cli_other_option(ctx, cmd, c, argv)) >= 0)
			return rc;
	}
	if (optind >= argc)
		return cli_usage(cmd, "no text to classify");
	if (strcmp(ctx->format, "text") && strcmp(ctx->format, "json"))
		return cli_failf("format '%s' does not apply to 'classify' (text, json)",
				 ctx->format);
	if ((rc = classify_taxonomy(ctx, &tx)))
		return rc;
	if (dd_extract_classify(&out, &unmatched, tx,
				(const char *const *)argv + optind,
				(size_t)(argc - optind),
				!strcmp(ctx->format, "json"), ctx->ropts.lang,
				&err) < 0) {
		dd_buf_release(&out);
		return cli_fail(&err);
	}
	rc = cli_emit(&out);
	dd_buf_release(&out);
	/* as grep: 1 when a text matched no entry */
	return rc ? rc : unmatched ? EXIT_DIFF : 0;
}

/* Read standard input whole (at most max bytes) into buf. */
static int read_stdin(dd_buf *buf, size_t max)
{
	char chunk[65536];
	ssize_t got;

	for (;;) {
		got = read(STDIN_FILENO, chunk, sizeof(chunk));
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return cli_failf("-: cannot read standard input: %s",
					 strerror(errno));
		if (got == 0)
			break;
		if (buf->len + (size_t)got > max)
			return cli_failf("-: standard input is over %zu bytes",
					 max);
		dd_buf_add(buf, chunk, (size_t)got);
	}
	return dd_buf_oom(buf) ? cli_failf("out of memory") : 0;
}

/* What extract tells the analyst on stderr (see the top). */
static void summary(const dd_extract *x, const char *source)
{
	dd_buf line = DD_BUF_INIT;
	size_t k, s, unmatched = 0;

	for (k = 0; k < x->nstmts; k++)
		unmatched += x->stmts[k].nhits == 0;
	dd_buf_addf(&line, "extract: %zu statement%s read (%s), %zu matched nothing; %zu item%s:",
		    x->nstmts, x->nstmts == 1 ? "" : "s", dd_lang_name(x->lang),
		    unmatched, x->nitems, x->nitems == 1 ? "" : "s");
	for (s = 0; s < x->tx->nsections; s++)
		dd_buf_addf(&line, "%s %s %zu", s ? "," : "",
			    x->tx->sections[s].id, x->per_section[s]);
	cli_warnf("%s", line.ptr);
	dd_buf_release(&line);
	for (k = 0; k < x->nstmts; k++)
		if (!x->stmts[k].nhits)
			cli_warnf("%s:%d:%d: no entry matches: %s",
				  source ? source : "-", x->stmts[k].line,
				  x->stmts[k].column, x->stmts[k].text);
	if (!x->nitems)
		cli_warnf("extract: no entry matched: the draft round has no items");
}

/* A round number: 1 .. INT_MAX; 0 when malformed. */
static long long parse_round(const char *s)
{
	char *end;
	long long n;

	if (!*s || *s < '0' || *s > '9')
		return 0;
	errno = 0;
	n = strtoll(s, &end, 10);
	return *end || errno || n < 1 || n > INT_MAX ? 0 : n;
}

int cmd_extract(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("extract");
	const char *format = ctx->format_given ? ctx->format : "round";
	const char *file, *date = NULL;
	int lang = ctx->lang_given ? (int)ctx->ropts.lang : DD_EXTRACT_AUTO;
	dd_buf src = DD_BUF_INIT, round = DD_BUF_INIT, out = DD_BUF_INIT;
	dd_extract *x = NULL;
	dd_extract_meta meta;
	dd_taxonomy *tx;
	dd_series *s;
	dd_error err;
	char today[16], *path = NULL;
	long long number = 0, next;
	int c, rc, write = 0;

	while ((c = cli_getopt(cmd, argc, argv)) != -1) {
		switch (c) {
		case OPT_SERIES:
			ctx->series_id = optarg;
			break;
		case OPT_ROUND:
			if (!(number = parse_round(optarg)))
				return cli_usage(cmd, "--round takes a round number (1, 2, ...), not '%s'",
						 optarg);
			break;
		case OPT_WRITE:
			write = 1;
			break;
		case OPT_DATE:
			if (!dd_date_valid(optarg))
				return cli_usage(cmd, "--date takes a date YYYY-MM-DD, not '%s'",
						 optarg);
			date = optarg;
			break;
		case CLI_OPT_FORMAT:
			format = optarg;
			break;
		case CLI_OPT_LANG:	/* the text's language; auto detects */
			if (!strcmp(optarg, "auto"))
				lang = DD_EXTRACT_AUTO;
			else if (!strcmp(optarg, "en") || !strcmp(optarg, "zh"))
				lang = !strcmp(optarg, "zh") ? DD_LANG_ZH : DD_LANG_EN;
			else
				return cli_usage(cmd, "--lang takes en, zh or auto, not '%s'",
						 optarg);
			break;
		default:
			if ((rc = cli_other_option(ctx, cmd, c, argv)) >= 0)
				return rc;
		}
	}
	if (optind != argc - 1)
		return cli_usage(cmd, optind >= argc ? "no source file (FILE, or - for standard input)" :
				 "one source file at a time");
	file = argv[optind];
	if (strcmp(format, "round") && strcmp(format, "json") &&
	    strcmp(format, "text"))
		return cli_failf("format '%s' does not apply to 'extract' (round, json, text)",
				 format);
	/* the series first: a wrong one is told before stdin is read */
	if ((rc = cli_series(ctx, &s)) ||
	    (rc = cli_taxonomy_of_series(ctx, s->id, &tx)))
		return rc;
	if (!date) {
		time_t now = time(NULL);
		struct tm tm;

		if (!gmtime_r(&now, &tm) ||
		    !strftime(today, sizeof(today), "%Y-%m-%d", &tm))
			return cli_failf("cannot tell today's date: give --date");
		date = today;
		cli_warnf("extract: no --date: the draft is dated today (%s)",
			  date);
	}
	if (write) {	/* the next round file, as new writes it */
		if (strcmp(format, "round"))
			return cli_usage(cmd, "--write saves the draft round: not with --format %s",
					 format);
		if ((rc = cli_need_worktree(ctx, "extract --write")))
			return rc;
		if (dd_author_next_round(&path, &next, s, &err) < 0)
			return cli_fail(&err);
		if (number && number != next) {
			free(path);
			return cli_usage(cmd, "--write saves the next round of %s, %lld, not %lld",
					 s->id, next, number);
		}
		number = next;
	}
	if (!number)
		number = s->nrounds ? s->rounds[s->nrounds - 1]->number + 1 : 1;
	else if (!write && dd_series_round(s, number))
		cli_warnf("extract: series %s has a round %lld already (%s): the draft is for comparison",
			  s->id, number, dd_series_round(s, number)->path);
	if (!strcmp(file, "-"))
		rc = read_stdin(&src, DD_SOURCE_MAX_SIZE);
	else if (dd_buf_read_file(&src, file, DD_SOURCE_MAX_SIZE, &err) < 0)
		rc = cli_fail(&err);
	memset(&meta, 0, sizeof(meta));
	meta.series = s->id;
	meta.round = number;
	meta.date = date;
	meta.source = strcmp(file, "-") ? file : NULL;
	if (!rc && dd_extract_run(&x, tx, src.ptr, src.len, file, lang,
				  &err) < 0)
		rc = cli_fail(&err);
	if (!rc && dd_extract_round(&round, x, &meta, &err) < 0)
		rc = cli_fail(&err);
	if (!rc && !strcmp(format, "json") &&
	    dd_extract_json(&out, x, &meta, &round, &err) < 0)
		rc = cli_fail(&err);
	if (!rc && !strcmp(format, "text"))
		dd_extract_text(&out, x, ctx->ropts.lang);
	if (!rc) {
		summary(x, meta.source);
		rc = write ? cli_write_round(ctx, "extract --write", path, &round)
			   : cli_emit(!strcmp(format, "round") ? &round : &out);
	}
	free(path);
	dd_extract_free(x);
	dd_buf_release(&src);
	dd_buf_release(&round);
	dd_buf_release(&out);
	return rc;
}
