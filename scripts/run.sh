#!/usr/bin/env bash
# Sets up the machine, builds NextStep, and runs the main job: the sync server on its embedded
# SQLite store, and two devices of one team (a rep's phone and laptop) that work offline and
# converge through it. With a display and the app built, the app opens against the same server.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target nextstep nextstep-server

bin=build/dev/cli/nextstep
server=build/dev/sync-server/nextstep-server
demo=$(mktemp -d /tmp/nextstep-demo.XXXXXX)
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
phone() { "$bin" --db "$demo/phone.db" "$@"; }
laptop() { "$bin" --db "$demo/laptop.db" "$@"; }

step "The team's sync server: one SQLite file in $demo/server, nothing else to set up"
"$server" admin --data "$demo/server" create-team fjord-sales
echo "a long demo password" | "$server" admin --data "$demo/server" add-user --team fjord-sales --email ana@fjord.example
"$server" --data "$demo/server" --listen 127.0.0.1:0 >"$demo/server.out" 2>"$demo/server.log" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q listening "$demo/server.out" 2>/dev/null && break; sleep 0.1; done
address=$(sed -n 's/^listening on //p' "$demo/server.out")
echo "listening on $address"

step "Ana signs in on her phone and her laptop"
echo "a long demo password" | phone login --server "$address" --email ana@fjord.example
echo "a long demo password" | laptop login --server "$address" --email ana@fjord.example

step "At the customer's table, offline, the phone books the next meeting"
deal=$(phone deal add --title "Fleet telematics pilot" --account "Fjord Logistics" --value 45000 --stage discovery)
dana=$(phone contact add --name "Dana Ito" --account "Fjord Logistics" --role decision_maker --email dana@fjord.example)
start=$(TZ=Europe/Berlin date -d "+3 days" +%Y-%m-%dT10:00)
meeting=$(phone meeting book --deal "$deal" --at "$start" --tz Europe/Berlin --duration 45m \
  --place "Fjord HQ, Oslo" --agenda "Go through the proposal together" --goal "Pilot scope agreed" \
  --attendee "$dana")
phone meeting plan "$meeting" --primary "Pilot scope signed off" --backup "Name of the approver and a date"
phone check

step "The invitation for Dana's calendar (iCalendar, in the zone it was booked in)"
phone export ics "$meeting" -o "$demo/invitation.ics"
sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' "$demo/invitation.ics" | grep -E '^(UID|SEQUENCE|DTSTART|DTEND|ORGANIZER|ATTENDEE|LOCATION)' || true

step "Back online: the phone syncs, then the laptop"
phone sync
laptop sync

step "The laptop now shows the same deal, next step on top (times in New York)"
laptop --tz America/New_York deal show "$deal"

step "Both devices edit the same deal offline; the later edit wins, the other is kept"
phone deal set "$deal" --stage proposal
sleep 1
laptop deal set "$deal" --stage negotiation --value 52000
phone sync && laptop sync && phone sync
laptop conflicts

step "Both devices agree"
diff <(phone --json deal show "$deal" | grep -v '"booked_at"') <(laptop --json deal show "$deal" | grep -v '"booked_at"') \
  && echo "phone and laptop hold the same deal:" && laptop deal list

step "Pipeline health, as the team sees it"
laptop health

app=build/dev/app-qml/nextstep-app
if [ -n "${DISPLAY:-}" ] && cmake --build --preset dev --target nextstep-app >/dev/null 2>&1 && [ -x "$app" ]; then
  step "Opening the app twice, as the phone and as the laptop, both syncing with the same server"
  echo "Book a next meeting in one window (even with the server stopped); the other shows it after sync."
  "$app" --db "$demo/phone.db" --size phone &
  phone_app=$!
  "$app" --db "$demo/laptop.db" --size desktop
  kill "$phone_app" 2>/dev/null || true
else
  echo
  echo "(No display here, so the app is not opened: the demo above is the same flow end to end.)"
fi
