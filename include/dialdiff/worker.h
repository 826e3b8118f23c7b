/*
 * worker.h - one background thread that runs jobs in the order they were
 * queued, so that a pipeline can parse ahead while it renders.
 *
 * A job is a dd_job embedded in the caller's own struct; the caller owns it
 * and must not touch its fields, nor free it, between dd_worker_push and a
 * dd_worker_wait that returned for it.  The job's run function is called
 * on the worker thread, or on the thread in dd_worker_wait (which runs
 * queued jobs itself rather than sit idle), and must only touch what the
 * job owns, thread-safe state, and what its helper argument says is that
 * thread's.  Everything else about the worker (push, wait, stop) is for
 * the one thread that started it.
 */
#ifndef DIALDIFF_WORKER_H
#define DIALDIFF_WORKER_H

#include "error.h"

typedef struct dd_job {
	/* helper: 0 on the worker thread, 1 on the thread that started it */
	void (*run)(struct dd_job *job, int helper);
	struct dd_job *next;	/* the worker's queue */
	int done;		/* set by the worker, under its lock */
} dd_job;

typedef struct dd_worker dd_worker;

/* The processors this process may run on (as nproc(1) counts them). */
int dd_worker_cpus(void);

/*
 * Start a worker thread.  fini (may be NULL) runs last on it, e.g.
 * dd_json_release_thread.  0, or a negative code: no thread could be made
 * (the caller can then run jobs itself).
 */
int dd_worker_start(dd_worker **out, void (*fini)(void), dd_error *err);

/* Queue job; job->run must be set.  Never blocks. */
void dd_worker_push(dd_worker *w, dd_job *job);

/* Wait until job has run, running the jobs at the front of the queue
 * meanwhile (so jobs may finish out of order). */
void dd_worker_wait(dd_worker *w, dd_job *job);

/* A lock for state that jobs share with the thread that queues them
 * (either side may take it; it is not held while jobs run). */
void dd_worker_lock(dd_worker *w);
void dd_worker_unlock(dd_worker *w);

/* Run the queued jobs, stop the thread and free w (NULL: nothing). */
void dd_worker_stop(dd_worker *w);

#endif
