package org.agentworkspace.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Linux's {@code /proc} says about the processes of one run, read without any agent in them:
 * CPU time ({@code utime + stime} of {@code /proc/<pid>/stat}), resident memory
 * ({@code VmRSS}/{@code VmHWM} of {@code status}, {@code Pss} of {@code smaps_rollup}) and the
 * parent of each process, so that a group can be a whole process tree.
 *
 * <p>PostgreSQL is the postmaster and its children (backends, WAL writer, checkpointer,
 * autovacuum, ...). The CPU of a child that exited is added to its parent's {@code cutime +
 * cstime} once reaped, so a group's CPU is the sum over its live processes plus the reaped
 * children of its root: a delta between two snapshots counts every process that ran in between.
 */
final class Procs {
    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ); 100 on every Linux build in use. */
    static final double TICKS_PER_SECOND = ticksPerSecond();

    private Procs() {
    }

    /** One line of {@code /proc/<pid>/stat}: the fields after the command name. */
    record Stat(long pid, long ppid, String command, long ticks, long reapedChildTicks) {
    }

    static Map<Long, Stat> all() {
        Map<Long, Stat> result = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), p -> isNumber(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                Stat s = stat(Long.parseLong(dir.getFileName().toString()));
                if (s != null) {
                    result.put(s.pid(), s);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc", e);
        }
        return result;
    }

    static Stat stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return null; // the process ended in between
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        String command = line.substring(open + 1, close);
        String[] f = line.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state); utime, stime, cutime, cstime are fields 14-17.
        return new Stat(pid, Long.parseLong(f[1]), command, Long.parseLong(f[11]) + Long.parseLong(f[12]),
                Long.parseLong(f[13]) + Long.parseLong(f[14]));
    }

    /** {@code root} and all its live descendants. */
    static Set<Long> tree(Map<Long, Stat> all, long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (Stat s : all.values()) {
            children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s.pid());
        }
        Set<Long> result = new HashSet<>();
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.remove(todo.size() - 1);
            if (all.containsKey(pid) && result.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return result;
    }

    /** CPU ticks of a tree: its live processes plus the reaped children of its root. */
    static long treeTicks(Map<Long, Stat> all, Set<Long> tree, long root) {
        long ticks = 0;
        for (long pid : tree) {
            ticks += all.get(pid).ticks();
        }
        Stat r = all.get(root);
        return ticks + (r == null ? 0 : r.reapedChildTicks());
    }

    /**
     * Busy ticks of the whole machine (all CPUs) from {@code /proc/stat}: user, nice, system, irq
     * and softirq (not idle, iowait, or steal, the hypervisor's time for other guests).
     */
    static long machineBusyTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal ... (guest is already inside user)
            for (int i : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A field of {@code /proc/<pid>/status} in kB (VmHWM: peak resident set; VmRSS: now); -1 when gone. */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Proportional set size in kB (shared pages split among their users), or -1. */
    static long pssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** A variable of a process's environment ({@code /proc/<pid>/environ}), if set and readable. */
    static java.util.Optional<String> environment(long pid, String name) {
        try {
            String all = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                    java.nio.charset.StandardCharsets.UTF_8);
            for (String entry : all.split("\0")) {
                if (entry.startsWith(name + "=")) {
                    return java.util.Optional.of(entry.substring(name.length() + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    /** The processes of a tree with their command names, for the report. */
    static Map<Long, String> describe(Map<Long, Stat> all, Set<Long> tree) {
        Map<Long, String> result = new LinkedHashMap<>();
        tree.stream().sorted().forEach(pid -> result.put(pid, all.get(pid).command()));
        return result;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static double ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
