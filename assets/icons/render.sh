#!/bin/sh
# Renders the PNG icons from scorecard.svg (needs rsvg-convert, from
# librsvg2-bin on Debian and Ubuntu). Run from anywhere.
set -eu
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" scorecard.svg -o "scorecard-$size.png"
done
