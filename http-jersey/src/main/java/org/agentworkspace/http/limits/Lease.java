package org.agentworkspace.http.limits;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * One subject's units that this instance drew ahead from its shared bucket, valid until the end
 * of the window they were drawn in, and the memory of the shared bucket's last refusal, valid
 * until its retry-after. Both exist so that most requests are answered without a database round
 * trip; neither can grant a unit the shared bucket did not hand out.
 *
 * <p>Every unit is given out under the lease's lock, so concurrent requests for one subject never
 * share a unit. Once {@linkplain #retireIfEnded retired} a lease answers nothing more: the caller
 * replaces it, and units drawn into a lease nobody holds cannot exist.
 */
final class Lease {
    private final ReentrantLock lock = new ReentrantLock();
    private long units;
    private long sharedRemaining;
    private long windowEndsAt;
    private long refusedUntil;
    private boolean retired;

    Lease(long nanoTime) {
        this.windowEndsAt = nanoTime;
        this.refusedUntil = nanoTime;
    }

    /**
     * Gives one unit from the lease, or draws a new lease of {@code size} units, or refuses.
     *
     * @param draw takes up to the given units from the shared bucket (may throw {@link RateLimiterUnavailable})
     * @return the decision, or {@code null} when this lease was retired and must be replaced
     */
    RateDecision take(RateLimitPolicy policy, long size, LongFunction<BucketDraw> draw) {
        lock.lock();
        try {
            if (retired) {
                return null;
            }
            long now = System.nanoTime();
            if (now - refusedUntil < 0) {
                return RateDecision.refused(policy, refusedUntil - now, windowEndsAt - now);
            }
            if (units == 0 || now - windowEndsAt >= 0) {
                // Leftovers of an ended window are worth nothing: the shared bucket refilled anyway.
                units = 0;
                BucketDraw drawn = draw.apply(size);
                // Timed from before the draw, so the lease ends no later than the window the
                // shared bucket counted it in.
                windowEndsAt = now + drawn.nanosToReset();
                sharedRemaining = drawn.remaining();
                if (drawn.granted() == 0) {
                    refusedUntil = now + drawn.nanosToRefill();
                    return RateDecision.refused(policy, drawn.nanosToRefill(), drawn.nanosToReset());
                }
                units = drawn.granted();
            }
            units--;
            // Exact while this is the only instance drawing; otherwise the others' draws since
            // this lease are unseen until the next one.
            return RateDecision.granted(policy, sharedRemaining + units, windowEndsAt - now);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Retires the lease when its window and any refusal have ended, so it can be forgotten; a
     * lease busy with a request is in use and left alone.
     */
    boolean retireIfEnded() {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            long now = System.nanoTime();
            if (now - windowEndsAt >= 0 && now - refusedUntil >= 0) {
                retired = true;
            }
            return retired;
        } finally {
            lock.unlock();
        }
    }
}
