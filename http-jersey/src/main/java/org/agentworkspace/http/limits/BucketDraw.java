package org.agentworkspace.http.limits;

/**
 * What one withdrawal from a shared bucket returned.
 *
 * @param granted units taken (0 when the bucket was empty)
 * @param remaining units left in the shared bucket after the withdrawal
 * @param nanosToReset until the bucket's window ends and the whole quota returns
 * @param nanosToRefill until one unit is available again (0 while some remain)
 */
record BucketDraw(long granted, long remaining, long nanosToReset, long nanosToRefill) {
}
