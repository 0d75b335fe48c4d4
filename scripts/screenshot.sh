#!/usr/bin/env bash
# Starts the real app in a virtual display of WIDTHxHEIGHT with the
# accessibility bus on, then runs scripts/screenshot.py's steps against it.
# Needs Debian's xvfb imagemagick xdotool at-spi2-core python3-pyatspi dbus.
# Usage: scripts/screenshot.sh BINARY WORKSPACE WIDTHxHEIGHT STEP...
set -euo pipefail
binary=$1 workspace=$2 size=$3
shift 3
here=$(cd "$(dirname "$0")/.." && pwd)
export SCORECARD_WORKSPACE=$workspace
export HOME=${SCREENSHOT_HOME:-$(mktemp -d)}
mkdir -p "$HOME/.local/share/scorecard"
export SHOT_SCRIPT=$here/scripts/screenshot.py
exec xvfb-run -a -s "-screen 0 ${size}x24" dbus-run-session -- bash -c '
    /usr/libexec/at-spi-bus-launcher --launch-immediately &
    for _ in $(seq 50); do
        dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress > /dev/null 2>&1 && break
        sleep 0.2
    done
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.freedesktop.DBus.Properties.Set \
        string:org.a11y.Status string:IsEnabled variant:boolean:true > /dev/null
    "$0" > /tmp/scorecard-shot.log 2>&1 &
    pid=$!
    for _ in $(seq 100); do
        id=$(xdotool search --name "^Scorecard$" 2>/dev/null | head -1) && [ -n "$id" ] && break
        sleep 0.2
    done
    w=${1%x*} h=${1#*x}
    xdotool windowmove "$id" 0 0 windowsize "$id" "$w" "$h" || true
    sleep 3
    shift
    /usr/bin/python3 "$SHOT_SCRIPT" "$@"
    status=$?
    kill $pid
    exit $status
' "$binary" "$size" "$@"
