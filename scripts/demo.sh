#!/usr/bin/env bash
# The main job on the bundled fixtures: every case through the pipeline, then a look at one case
# and the extraction scores against the fixtures' gold labels.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
mkdir -p out
start=$(date +%s)
$BIN/casefacts extract fixtures/cases -o out/casefiles.json
first=$(ls fixtures/cases | head -1)
$BIN/casefacts show out/casefiles.json --case "$first"
$BIN/casefacts eval fixtures/cases
echo "case files: out/casefiles.json ($(( $(date +%s) - start )) s)"
