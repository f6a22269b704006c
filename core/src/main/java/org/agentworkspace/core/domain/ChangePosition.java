package org.agentworkspace.core.domain;

/**
 * A place in an agent's change log: the writing transaction's id, then a sequence number. Positions
 * are handed out only below the visibility horizon, so everything committed later lands after them
 * (persistence V15 explains why a sequence alone is not enough).
 */
public record ChangePosition(long txid, long seq) implements Comparable<ChangePosition> {
    /** Before every change: where a full sync starts. */
    public static final ChangePosition START = new ChangePosition(0, 0);

    @Override
    public int compareTo(ChangePosition other) {
        int byTxid = Long.compareUnsigned(txid, other.txid);
        return byTxid != 0 ? byTxid : Long.compare(seq, other.seq);
    }
}
