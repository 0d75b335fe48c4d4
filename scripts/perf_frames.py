#!/usr/bin/env python3
"""The window thread's slow frames in a perf profile, and what they ran.

Record the app (the frame story, say) under perf, then group the window
thread's samples into frames (samples inside eframe's run_ui_and_paint, no
gap over 2 ms) and print, for each frame with at least MIN samples, the
app's, egui's and the painter's functions it was in. Only time on the CPU
is sampled: a frame whose clock time is far above its samples waited.

  perf record -F 2000 --call-graph dwarf,16384 -o story.perf -- scorecard ...
  perf script -i story.perf -F pid,tid,time,ip,sym > story.txt
  scripts/perf_frames.py story.txt [MIN]      # MIN samples, default 24 (12 ms)
"""
import collections
import re
import sys

HZ = 2000
WATCH = ("scorecard::", "paint_and_update", "tessellate", "accesskit_unix",
         "handle_platform_output", "layout_internal")


def samples(path):
    """(time, symbols) of each sample of the main thread (tid == pid)."""
    head, syms = None, []
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if not line.strip():
                if head and head[0] == head[1]:
                    yield head[2], syms
                head, syms = None, []
                continue
            m = re.match(r"\s*(\d+)/(\d+)\s+([\d.]+):", line)
            if m and not line.startswith("\t"):
                head, syms = (m.group(1), m.group(2), float(m.group(3))), []
                continue
            parts = line.strip().split(" ", 1)
            if len(parts) == 2:
                syms.append(parts[1].split("+0x")[0][:120])
    if head and head[0] == head[1]:
        yield head[2], syms


def main():
    path = sys.argv[1]
    least = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    frames, start = [], None
    for t, syms in samples(path):
        start = t if start is None else start
        if not any("run_ui_and_paint" in s for s in syms):
            continue
        if frames and t - frames[-1][-1][0] < 0.002:
            frames[-1].append((t, syms))
        else:
            frames.append([(t, syms)])
    for frame in (f for f in frames if len(f) >= least):
        seen_in = collections.Counter()
        for _, syms in frame:
            for s in set(syms):
                if any(w in s for w in WATCH):
                    seen_in[s] += 1
        print(f"--- frame at {frame[0][0] - start:.2f} s: {len(frame)} samples "
              f"({len(frame) * 1000 / HZ:.0f} ms on the CPU)")
        for s, n in seen_in.most_common(12):
            print(f"  {n:4d} {s}")


if __name__ == "__main__":
    main()
