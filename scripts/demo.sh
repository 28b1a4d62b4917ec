#!/usr/bin/env bash
# The main job on the bundled fixtures: the record-review Prefect flow pulls every fixture case
# from a folder inbox into a fresh case store (a temporary Prefect server, nothing to start by
# hand); then one case is shown and rendered as a review packet, and extraction is scored.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
OUT=out/demo
rm -rf "$OUT" && mkdir -p "$OUT"
export PREFECT_HOME="$PWD/$OUT/prefect-home"
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS=120
export PREFECT_SERVER_ANALYTICS_ENABLED=false
export CASEFACTS_DATABASE_URL="sqlite:///$PWD/$OUT/casefacts.db"
start=$(date +%s)

echo "== record-review flow over fixtures/cases -> $OUT/casefacts.db"
$BIN/casefacts run record-review --source folder:fixtures/cases
echo "== weekly report -> $OUT/reports"
$BIN/casefacts report weekly --out "$OUT/reports" --week-of "$(date +%F)"

case_id=case_013
echo "== one case: $case_id"
$BIN/casefacts extract "fixtures/cases/$case_id" -o "$OUT/$case_id.json"
$BIN/casefacts show "$OUT/$case_id.json"
$BIN/casefacts review-packet "$OUT/$case_id.json" -o "$OUT/$case_id.html"

echo "== extraction scored against the fixtures' gold labels"
$BIN/casefacts eval fixtures/cases
echo "demo finished in $(( $(date +%s) - start )) s: store $OUT/casefacts.db, packet $OUT/$case_id.html, reports $OUT/reports"
