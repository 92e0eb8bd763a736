package io.parceltrack.postgres;

import org.jdbi.v3.core.Handle;

/**
 * Where a request's unit of work stands, between its statements: a seam for the crash tests, which
 * end the transaction's database session at each step to prove that a retry then converges. In
 * production nothing listens ({@link #NONE}).
 */
@FunctionalInterface
interface UnitOfWorkSteps {
    UnitOfWorkSteps NONE = (step, handle) -> { };

    enum Step {
        /** The idempotency key is locked by this transaction; the work has not started. */
        KEY_LOCKED,
        /** The checkpoint's parcel is read (on the pessimistic path also locked); nothing is written yet. */
        PARCEL_READ,
        /** The checkpoint, the parcel's status and the outbox event are written (committed only if no caller's transaction holds them). */
        ROWS_WRITTEN,
        /** The work returned; its answer is not written yet. */
        WORK_DONE,
        /** The answer is written; the commit is next. */
        ANSWER_WRITTEN
    }

    void reached(Step step, Handle handle);
}
