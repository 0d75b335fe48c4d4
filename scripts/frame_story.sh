#!/usr/bin/env bash
# Issue #21's story, with frame stats: the app starts on WORKSPACE, shows
# Home, turns on coordinator view, opens Compare, a colleague's new
# scorecard is renamed into place (as a sync tool does) while Compare is
# open, and the user goes back to Home. Each frame's CPU time goes to STATS
# (SCORECARD_FRAME_STATS), then p99 and max are printed, the first three
# frames left out. The colleague's file is removed again afterwards.
# With a fourth argument `opening`, Compare stays open 5 s longer, and 4 s
# after the scorecard a colleague's edit of an opening arrives the same way
# (its title changed: every candidate's references are checked again); the
# opening is put back afterwards.
# Needs what scripts/screenshot.sh needs. Usage:
#   scripts/frame_story.sh BINARY WORKSPACE STATS [opening]
set -euo pipefail
binary=$1 ws=$2 stats=$3 extra=${4:-}
here=$(cd "$(dirname "$0")/.." && pwd)
f=$(find "$ws/candidates" -path '*/scorecards/*--*.ron' -print -quit)
dir=$(dirname "$f")
stage=$(basename "$f" .ron)
stage=${stage#*--}
colleague="$dir/zed-colleague--$stage.ron"
opening= saved=
# The workspace is left as it was, even if the story is interrupted.
put_back() {
    rm -f "$colleague" "$dir/.zed.tmp" "$ws/openings/.opening.tmp"
    if [ -n "$saved" ] && [ -f "$saved" ]; then mv "$saved" "$opening"; fi
}
trap put_back EXIT
sed 's/interviewer: "[^"]*"/interviewer: "Zed Colleague"/' "$f" > "$dir/.zed.tmp"
rm -f "$stats"
# About 26 s after the start the story is on Compare (window, 3 s, 8 s on
# Home, 2 s, then 12 s on Compare).
(sleep 26 && mv "$dir/.zed.tmp" "$colleague") &
on_compare=12
if [ "$extra" = opening ]; then
    opening=$(find "$ws/openings" -name '*.ron' -print -quit)
    saved=$(mktemp)
    cp "$opening" "$saved"
    sed 's/title: "/title: "Renamed: /' "$opening" > "$ws/openings/.opening.tmp"
    (sleep 30 && mv "$ws/openings/.opening.tmp" "$opening") &
    on_compare=17
fi
SCORECARD_FRAME_STATS=$stats timeout 120 "$here/scripts/screenshot.sh" "$binary" "$ws" 1280x800 \
    wait:8 "click:Coordinator view" wait:2 click:Compare wait:$on_compare click:Home wait:5 \
    > /dev/null 2>&1 || true
wait
put_back
tail -n +4 "$stats" | cut -d, -f1 | sort -n | awk '{a[NR]=$1} END {
    i = int(NR * 0.99); if (i < 1) i = 1
    printf "frames %d  median %.1f  p99 %.1f  max %.1f ms\n", NR, a[int((NR + 1) / 2)], a[i], a[NR] }'
tail -n +4 "$stats" | awk -F, '{n[$2]++; if ($1 > m[$2]) m[$2] = $1} END {
    for (s in n) printf "  %s: %d frames, max %.1f ms\n", s, n[s], m[s] }'
