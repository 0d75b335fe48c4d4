#!/usr/bin/env python3
"""Median wall-clock time of shell commands, each run as a cold process,
interleaved run by run so that a busy moment of a shared machine falls on
all of them alike. One warm-up run of each first (the page cache).

    python3 scripts/cold_runs.py RUNS 'CMD1' 'CMD2' ...

Used for BENCHMARKS.md section 8 (`summary` against `cat`) where hyperfine
is not installed. Prints, per command: median, min-max, the command.
"""
import statistics
import subprocess
import sys
import time


def main() -> None:
    runs = int(sys.argv[1])
    commands = sys.argv[2:]
    times = {command: [] for command in commands}
    for command in commands:
        subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, check=True)
    for _ in range(runs):
        for command in commands:
            start = time.perf_counter()
            subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, check=True)
            times[command].append(time.perf_counter() - start)
    for command, samples in times.items():
        print(
            f"{statistics.median(samples) * 1000:9.1f} ms median "
            f"({min(samples) * 1000:.1f}-{max(samples) * 1000:.1f})  {command}"
        )


if __name__ == "__main__":
    main()
