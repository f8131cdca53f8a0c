#!/usr/bin/env bash
# The shared evaluation drafts: precision and recall through the public CLI.
# Fails when F1 drops under the floor, so a regression in any mechanism shows.
set -euo pipefail
bin="$1"; root="$2"
score="$root/../shared/eval/score"
if [ ! -x "$score" ] && [ ! -f "$score" ]; then
  echo "skip: $score not found (the shared evaluation set is not checked out here)"
  exit 77
fi
out=$(python3 "$score" "$bin" --min-f1 0.9) || { echo "$out"; exit 1; }
echo "$out"
