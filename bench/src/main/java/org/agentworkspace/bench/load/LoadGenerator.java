package org.agentworkspace.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Drives one scenario over a fixed number of connections, one platform thread each.
 *
 * <p>Closed loop: every connection sends its next request as soon as the previous answer is in;
 * latency is the service time and throughput the capacity at that concurrency. Open loop: the
 * requests follow a fixed schedule at {@code rate} per second over all connections, and latency
 * is measured from the intended send time, so a stall counts against every request it delayed
 * (no coordinated omission).
 */
public final class LoadGenerator {
    private static final long HIGHEST_MICROS = Duration.ofMinutes(5).toNanos() / 1000;
    private final InetSocketAddress address;

    public LoadGenerator(InetSocketAddress address) {
        this.address = address;
    }

    public Measurement closed(Scenario scenario, int connections, Duration warmup, Duration measure) {
        return run(scenario, connections, warmup, measure, 0);
    }

    public Measurement open(Scenario scenario, int connections, double rate, Duration warmup, Duration measure) {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        return run(scenario, connections, warmup, measure, rate);
    }

    private Measurement run(Scenario scenario, int connections, Duration warmup, Duration measure, double rate) {
        long begin = System.nanoTime() + 50_000_000L;
        long measureFrom = begin + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker(scenario.open(i), i, connections, rate, begin, measureFrom, end);
            workers.add(w);
        }
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            Thread t = new Thread(w, "load-" + scenario.name() + "-" + threads.size());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        long ok = 0;
        long errors = 0;
        long bytes = 0;
        long lastDone = measureFrom;
        for (Worker w : workers) {
            all.add(w.histogram);
            ok += w.ok;
            errors += w.errors;
            bytes += w.bytes;
            lastDone = Math.max(lastDone, w.lastDone);
        }
        double seconds = Math.max(measure.toNanos(), lastDone - measureFrom) / 1e9;
        return new Measurement(scenario.name(), rate > 0 ? "open" : "closed", connections, rate, ok, errors,
                seconds, all, bytes);
    }

    private final class Worker implements Runnable {
        final Scenario.Session session;
        final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        final long interval;
        final long begin;
        final long measureFrom;
        final long end;
        long ok;
        long errors;
        long bytes;
        long lastDone;

        Worker(Scenario.Session session, int index, int connections, double rate, long begin, long measureFrom,
               long end) {
            this.session = session;
            this.interval = rate > 0 ? (long) (connections * 1e9 / rate) : 0;
            // Connections start evenly staggered over one interval, so the aggregate rate is smooth.
            this.begin = begin + (interval > 0 ? interval * index / connections : 0);
            this.measureFrom = measureFrom;
            this.end = end;
        }

        @Override
        public void run() {
            try (HttpConnection connection = new HttpConnection(address)) {
                long intended = begin;
                // Closed loop too starts at the common instant, so a window without warmup counts
                // its first request (a slow scenario in a short window would otherwise count none).
                long until;
                while ((until = begin - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(until);
                }
                while (true) {
                    long start;
                    if (interval > 0) {
                        if (intended >= end) {
                            break;
                        }
                        long wait;
                        while ((wait = intended - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        start = intended;
                        intended += interval;
                    } else {
                        start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                    }
                    boolean success;
                    long body = 0;
                    try {
                        HttpConnection.Response response = connection.exchange(session.next(), session.keepBody());
                        success = session.accept(response);
                        body = response.bodyBytes();
                    } catch (IOException | RuntimeException e) {
                        success = false;
                    }
                    long done = System.nanoTime();
                    if (start >= measureFrom && start < end) {
                        histogram.recordValue(Math.min(HIGHEST_MICROS, (done - start) / 1000));
                        if (success) {
                            ok++;
                        } else {
                            errors++;
                        }
                        bytes += body;
                        lastDone = done;
                    }
                }
            }
        }
    }
}
