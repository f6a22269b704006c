#!/usr/bin/env python3
"""Summarises a JFR recording of the product: where CPU samples and sampled allocation go.

usage: bench/jfr-top.py product.jfr [top-n]
Needs the JDK's `jfr` tool on PATH. For CPU it counts jdk.ExecutionSample stacks; for memory it
sums the weight of jdk.ObjectAllocationSample. Both are grouped by the top frame (where the time or
bytes are spent) and by the first AgentWorkspace frame on the stack (which product code caused it).
"""
import collections
import json
import subprocess
import sys


def frames(event):
    st = event["values"].get("stackTrace") or {}
    out = []
    for f in st.get("frames") or []:
        m = f.get("method") or {}
        t = (m.get("type") or {}).get("name", "?")
        out.append(t + "." + m.get("name", "?"))
    return out


def first_product(fs):
    for f in fs:
        if f.startswith("org.agentworkspace."):
            return f
    return "(no product frame)"


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events",
                          "jdk.ExecutionSample,jdk.ObjectAllocationSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    cpu_top, cpu_app, alloc_top, alloc_app, alloc_class = (collections.Counter() for _ in range(5))
    samples = 0
    total_weight = 0
    for e in events:
        fs = frames(e)
        if not fs:
            continue
        if e["type"] == "jdk.ExecutionSample":
            samples += 1
            cpu_top[fs[0]] += 1
            cpu_app[first_product(fs)] += 1
        else:
            w = e["values"].get("weight", 0)
            total_weight += w
            alloc_top[fs[0]] += w
            alloc_app[first_product(fs)] += w
            alloc_class[(e["values"].get("objectClass") or {}).get("name", "?")] += w

    def show(title, counter, total, unit):
        print(f"\n## {title}\n")
        for k, v in counter.most_common(n):
            share = 100.0 * v / total if total else 0
            print(f"{share:5.1f} %  {v / unit:>10.1f}  {k}")

    show(f"CPU samples by top frame ({samples} samples)", cpu_top, samples, 1)
    show("CPU samples by first product frame", cpu_app, samples, 1)
    show(f"Sampled allocation by top frame (MB, {total_weight / 1e6:.0f} MB total)", alloc_top, total_weight, 1e6)
    show("Sampled allocation by first product frame (MB)", alloc_app, total_weight, 1e6)
    show("Sampled allocation by class (MB)", alloc_class, total_weight, 1e6)


if __name__ == "__main__":
    main()
