package org.agentworkspace.bench;

import java.util.Set;

/**
 * Samples the product's resident memory through the whole benchmark, from its start to its end:
 * the sum of {@code VmRSS} over the product's processes (PostgreSQL excluded) every 200 ms, and
 * PostgreSQL's proportional set size (shared buffers split among its processes) every second. The
 * kernel's own peak ({@code VmHWM}) is read at the end as a cross-check between samples.
 */
final class MemorySampler implements AutoCloseable {
    private final CpuMeter processes;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxProductKb;
    private volatile long lastProductKb;
    private volatile long maxLargestKb;
    private volatile long maxPostgresPssKb;
    private volatile long lastPostgresPssKb;

    MemorySampler(CpuMeter processes) {
        this.processes = processes;
        this.thread = new Thread(this::loop, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        Set<Long> product = processes.productProcesses();
        Set<Long> postgres = processes.postgresProcesses();
        for (long n = 0; running; n++) {
            if (n % 10 == 0) {
                // Trees change rarely (a launcher's child, PostgreSQL's workers): refresh every 2 s.
                product = processes.productProcesses();
                postgres = processes.postgresProcesses();
            }
            long kb = 0;
            long largest = 0;
            for (long pid : product) {
                long one = Math.max(0, Procs.statusKb(pid, "VmRSS"));
                kb += one;
                largest = Math.max(largest, one);
            }
            maxLargestKb = Math.max(maxLargestKb, largest);
            if (kb > 0) {
                lastProductKb = kb;
                maxProductKb = Math.max(maxProductKb, kb);
            }
            if (n % 5 == 0) {
                long pss = 0;
                for (long pid : postgres) {
                    pss += Math.max(0, Procs.pssKb(pid));
                }
                if (pss > 0) {
                    lastPostgresPssKb = pss;
                    maxPostgresPssKb = Math.max(maxPostgresPssKb, pss);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long maxProductMb() {
        return maxProductKb / 1024;
    }

    /** The largest single product process (with a launcher: the server JVM alone), max through the run. */
    long maxLargestProcessMb() {
        return maxLargestKb / 1024;
    }

    long lastProductMb() {
        return lastProductKb / 1024;
    }

    long maxPostgresPssMb() {
        return maxPostgresPssKb / 1024;
    }

    long lastPostgresPssMb() {
        return lastPostgresPssKb / 1024;
    }

    /** The kernel's peak resident set of each product process, summed (an upper bound on their peak together). */
    long productHighWaterMb() {
        long kb = 0;
        for (long pid : processes.productProcesses()) {
            kb += Math.max(0, Procs.statusKb(pid, "VmHWM"));
        }
        return kb / 1024;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
