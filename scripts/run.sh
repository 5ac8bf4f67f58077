#!/usr/bin/env bash
# Sets up the machine, builds NextStep, and runs the main job: a demo of the core through the
# nextstep CLI on a fresh database (a deal, a booked meeting, today's agenda, the pipeline health).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target nextstep

bin=build/dev/cli/nextstep
demo=$(mktemp -d /tmp/nextstep-demo.XXXXXX)
db="$demo/nextstep.db"
ns() { "$bin" --db "$db" "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "A rep adds a deal and its decision maker"
deal=$(ns deal add --title "Fleet telematics pilot" --account "Fjord Logistics" --value 45000 --currency EUR --stage discovery)
dana=$(ns contact add --name "Dana Ito" --account "Fjord Logistics" --role decision_maker --email dana@fjord.example)
echo "deal $deal, contact $dana"

step "The pipeline health shows the deal has no next step (rule 1)"
ns health

step "At the table, the rep books the next meeting in the customer's zone"
start=$(date -u -d "+1 hour" +%Y-%m-%dT%H:00)
meeting=$(ns meeting book --deal "$deal" --at "$start" --tz Europe/Berlin --duration 45m \
  --place "Fjord HQ, Oslo" --agenda "Go through the proposal together" --goal "Pilot scope agreed" \
  --attendee "$dana")
echo "meeting $meeting"
ns meeting plan "$meeting" --primary "Pilot scope signed off" --backup "Name of the approver and a date" \
  --asks "Introduce us to the head of IT"

step "Today's agenda, seen from New York"
ns --tz America/New_York today

step "The deal page: next step on top"
ns deal show "$deal"

step "Search"
ns search fjord

step "The pipeline health now"
ns health
echo
echo "The demo database is $db; try: $bin --db $db deal list"
