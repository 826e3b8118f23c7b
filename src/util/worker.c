/*
 * worker.c - one background thread and a FIFO of jobs (see worker.h).
 * One mutex guards the queue and every job's done flag; the worker
 * signals `more` when a job is queued (or it must stop) and `done` when a
 * job has run.
 */
#define _GNU_SOURCE	/* sched_getaffinity, CPU_COUNT */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/worker.h"

struct dd_worker {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t more, done;
	pthread_mutex_t user;	/* dd_worker_lock */
	dd_job *head, *tail;
	int stopping;
	void (*fini)(void);
};

/* Take the job at the front of the queue (there is one) and run it, the
 * lock being held before and after, not while it runs. */
static void run_next(dd_worker *w, int helper)
{
	dd_job *job = w->head;

	w->head = job->next;
	if (!w->head)
		w->tail = NULL;
	pthread_mutex_unlock(&w->lock);
	job->run(job, helper);
	pthread_mutex_lock(&w->lock);
	job->done = 1;
	pthread_cond_broadcast(&w->done);
}

static void *worker_main(void *arg)
{
	dd_worker *w = arg;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		if (w->head)
			run_next(w, 0);
		else if (w->stopping)
			break;
		else
			pthread_cond_wait(&w->more, &w->lock);
	}
	pthread_mutex_unlock(&w->lock);
	if (w->fini)
		w->fini();
	return NULL;
}

int dd_worker_start(dd_worker **out, void (*fini)(void), dd_error *err)
{
	dd_worker *w = calloc(1, sizeof(*w));
	int rc = 0, made = 0;

	*out = NULL;
	if (!w)
		return dd_error_oom(err);
	w->fini = fini;
	if ((rc = pthread_mutex_init(&w->lock, NULL)) == 0 && ++made &&
	    (rc = pthread_cond_init(&w->more, NULL)) == 0 && ++made &&
	    (rc = pthread_cond_init(&w->done, NULL)) == 0 && ++made &&
	    (rc = pthread_mutex_init(&w->user, NULL)) == 0 && ++made &&
	    (rc = pthread_create(&w->thread, NULL, worker_main, w)) == 0) {
		*out = w;
		return 0;
	}
	if (made > 3)
		pthread_mutex_destroy(&w->user);
	if (made > 2)
		pthread_cond_destroy(&w->done);
	if (made > 1)
		pthread_cond_destroy(&w->more);
	if (made > 0)
		pthread_mutex_destroy(&w->lock);
	free(w);
	return dd_error_set(err, DD_ERROR, NULL, 0, 0,
			    "cannot start a thread: %s", strerror(rc));
}

int dd_worker_cpus(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set) < 0)
		return 1;
	return CPU_COUNT(&set);
}

void dd_worker_push(dd_worker *w, dd_job *job)
{
	job->next = NULL;
	job->done = 0;
	pthread_mutex_lock(&w->lock);
	if (w->tail)
		w->tail->next = job;
	else
		w->head = job;
	w->tail = job;
	pthread_cond_signal(&w->more);
	pthread_mutex_unlock(&w->lock);
}

void dd_worker_wait(dd_worker *w, dd_job *job)
{
	pthread_mutex_lock(&w->lock);
	while (!job->done) {
		if (w->head)
			run_next(w, 1);
		else		/* job is running on the worker */
			pthread_cond_wait(&w->done, &w->lock);
	}
	pthread_mutex_unlock(&w->lock);
}

void dd_worker_lock(dd_worker *w)
{
	pthread_mutex_lock(&w->user);
}

void dd_worker_unlock(dd_worker *w)
{
	pthread_mutex_unlock(&w->user);
}

void dd_worker_stop(dd_worker *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stopping = 1;
	pthread_cond_signal(&w->more);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_mutex_destroy(&w->user);
	pthread_cond_destroy(&w->done);
	pthread_cond_destroy(&w->more);
	pthread_mutex_destroy(&w->lock);
	free(w);
}
