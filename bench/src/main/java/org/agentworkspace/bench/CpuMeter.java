package org.agentworkspace.bench;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU seconds per process group over a measured window: the product (the process tree of the
 * serve command without PostgreSQL), PostgreSQL (the postmaster's tree), the ceiling server, the
 * load generator (this JVM, without its children) and the rest of the machine (busy time of
 * {@code /proc/stat} minus the four). Loopback TCP is processed by the kernel mostly in the
 * sender's context, so each group's system time includes delivering what it sends.
 */
final class CpuMeter {
    static final String PRODUCT = "product JVM";
    static final String POSTGRES = "PostgreSQL";
    static final String CEILING = "ceiling JVM";
    static final String LOAD = "load generator";
    static final String REST = "rest of machine";
    static final String MACHINE = "machine";

    private final long productRoot;
    private final long postmaster;
    private volatile long ceiling = -1;
    private final long self = ProcessHandle.current().pid();

    CpuMeter(long productRoot, long postmaster) {
        this.productRoot = productRoot;
        this.postmaster = postmaster;
    }

    void ceiling(long pid) {
        this.ceiling = pid;
    }

    /** Ticks per group at this instant. */
    Map<String, Long> sample() {
        Map<Long, Procs.Stat> all = Procs.all();
        long machine = Procs.machineBusyTicks();
        Set<Long> pg = Procs.tree(all, postmaster);
        Set<Long> product = new HashSet<>(Procs.tree(all, productRoot));
        product.removeAll(pg);
        Map<String, Long> s = new LinkedHashMap<>();
        s.put(PRODUCT, Procs.treeTicks(all, product, productRoot));
        s.put(POSTGRES, Procs.treeTicks(all, pg, postmaster));
        s.put(CEILING, ceiling < 0 ? 0 : Procs.treeTicks(all, Procs.tree(all, ceiling), ceiling));
        // This JVM alone: the servers are its children, and the CPU of children it reaped
        // (the first server, the login commands) is not the load generator's.
        Procs.Stat own = all.get(self);
        s.put(LOAD, own == null ? 0 : own.ticks());
        s.put(MACHINE, machine);
        return s;
    }

    /** CPU seconds per group between two samples, with the rest of the machine. */
    static Map<String, Double> seconds(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> d = new LinkedHashMap<>();
        double known = 0;
        for (String group : new String[] {PRODUCT, POSTGRES, CEILING, LOAD}) {
            double s = Math.max(0, after.get(group) - before.get(group)) / Procs.TICKS_PER_SECOND;
            d.put(group, s);
            known += s;
        }
        double machine = (after.get(MACHINE) - before.get(MACHINE)) / Procs.TICKS_PER_SECOND;
        d.put(REST, Math.max(0, machine - known));
        d.put(MACHINE, machine);
        return d;
    }

    /** The serving JVM of the product: the deepest {@code java} process of its tree (a launcher may start it). */
    long servingJvm() {
        Map<Long, Procs.Stat> all = Procs.all();
        Set<Long> tree = Procs.tree(all, productRoot);
        long best = productRoot;
        int bestDepth = -1;
        for (long pid : tree) {
            if (!all.get(pid).command().equals("java")) {
                continue;
            }
            int depth = 0;
            for (long p = pid; p != productRoot && all.containsKey(p); p = all.get(p).ppid()) {
                depth++;
            }
            if (depth > bestDepth) {
                best = pid;
                bestDepth = depth;
            }
        }
        return best;
    }

    /** The product's processes without PostgreSQL (the launcher and the JVM it runs, or just the JVM). */
    Set<Long> productProcesses() {
        Map<Long, Procs.Stat> all = Procs.all();
        Set<Long> product = new HashSet<>(Procs.tree(all, productRoot));
        product.removeAll(Procs.tree(all, postmaster));
        return product;
    }

    Set<Long> postgresProcesses() {
        return Procs.tree(Procs.all(), postmaster);
    }
}
