#!/usr/bin/env python3
"""Summarises a JFR recording of the product: where CPU samples and sampled allocation go.

usage: bench/jfr-top.py product.jfr [top-n]
Needs the JDK's `jfr` tool on PATH. For CPU it counts jdk.ExecutionSample stacks; for memory it
sums the weight of jdk.ObjectAllocationSample. Both are grouped by the top frame (where the time or
bytes are spent) and by the first AgentWorkspace frame on the stack (which product code caused it).
The text output of `jfr print` is read as a stream: a recording's JSON does not fit in memory.
"""
import collections
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")


def events(path, kind):
    proc = subprocess.Popen(["jfr", "print", "--stack-depth", "48", "--events", kind, path],
                            stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    current = None
    for line in proc.stdout:
        if line.startswith(kind + " {"):
            current = {"frames": [], "weight": 0, "class": "?"}
        elif line.startswith("}") and current is not None:
            yield current
            current = None
        elif current is not None:
            m = FRAME.match(line)
            if m:
                current["frames"].append(m.group(1))
            elif line.strip().startswith("weight = "):
                current["weight"] = parse_size(line.split("=", 1)[1].strip())
            elif line.strip().startswith("objectClass = "):
                current["class"] = line.split("=", 1)[1].strip().split(" ")[0]
    proc.wait()


def parse_size(text):
    units = {"bytes": 1, "byte": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}
    parts = text.replace(",", "").split()
    try:
        return float(parts[0]) * units.get(parts[1], 1) if len(parts) > 1 else float(parts[0])
    except ValueError:
        return 0


def first_product(fs):
    for f in fs:
        if f.startswith("org.agentworkspace."):
            return f
    return "(no product frame)"


def show(title, counter, total, unit, n):
    print(f"\n## {title}\n")
    for k, v in counter.most_common(n):
        share = 100.0 * v / total if total else 0
        print(f"{share:5.1f} %  {v / unit:>10.1f}  {k}")


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    cpu_top, cpu_app = collections.Counter(), collections.Counter()
    samples = 0
    for e in events(path, "jdk.ExecutionSample"):
        if e["frames"]:
            samples += 1
            cpu_top[e["frames"][0]] += 1
            cpu_app[first_product(e["frames"])] += 1
    alloc_top, alloc_app, alloc_class = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for e in events(path, "jdk.ObjectAllocationSample"):
        if e["frames"]:
            w = e["weight"]
            total += w
            alloc_top[e["frames"][0]] += w
            alloc_app[first_product(e["frames"])] += w
            alloc_class[e["class"]] += w
    show(f"CPU samples by top frame ({samples} samples)", cpu_top, samples, 1, n)
    show("CPU samples by first product frame", cpu_app, samples, 1, n)
    show(f"Sampled allocation by top frame (MB, {total / 1e6:.0f} MB total)", alloc_top, total, 1e6, n)
    show("Sampled allocation by first product frame (MB)", alloc_app, total, 1e6, n)
    show("Sampled allocation by class (MB)", alloc_class, total, 1e6, n)


if __name__ == "__main__":
    main()
