#!/usr/bin/env bash
# Sets up the machine, builds NextStep, and runs the main job: the sync server on its embedded
# SQLite store, and two devices of one team (a rep's phone and laptop) that work offline and
# converge through it. With a display and the app built, the app opens against the same server.
#   --postgres: the same on PostgreSQL (a throw-away cluster in the demo's folder) with two server
#               replicas; the phone syncs through the first, the laptop through the second, and
#               at the end the first is stopped and the phone goes on at the second.
set -euo pipefail
cd "$(dirname "$0")/.."
postgres=false
case "${1:-}" in
  "") ;;
  --postgres) postgres=true ;;
  *) echo "usage: $0 [--postgres]" >&2; exit 2 ;;
esac

./scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target nextstep nextstep-server

bin=build/dev/cli/nextstep
server=build/dev/sync-server/nextstep-server
demo=$(mktemp -d /tmp/nextstep-demo.XXXXXX)
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
phone() { "$bin" --db "$demo/phone.db" "$@"; }
laptop() { "$bin" --db "$demo/laptop.db" "$@"; }

server_pids=()
pg_data=""
cleanup() {
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${server_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$pg_data" ]; then as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
# initdb refuses root: the cluster then belongs to the postgres user the package made.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# Starts a server replica on a free loopback port; sets $started to its address.
start_server() {
  local log=$demo/server-$((${#server_pids[@]} + 1))
  "$server" "${store[@]}" --listen 127.0.0.1:0 >"$log.out" 2>"$log.log" &
  server_pids+=($!)
  for _ in $(seq 50); do grep -q listening "$log.out" 2>/dev/null && break; sleep 0.1; done
  started=$(sed -n 's/^listening on //p' "$log.out")
}

if $postgres; then
  step "The team's store: PostgreSQL (a throw-away cluster in $demo/pg), two server replicas on it"
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$demo/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$demo/pg" && chmod 755 "$demo"
  as_postgres "$pg_bin/initdb" -D "$demo/pg/data" -U postgres --auth=trust >/dev/null
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_postgres "$pg_bin/pg_ctl" -D "$demo/pg/data" -w -l "$demo/pg/log" \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $demo/pg" start >/dev/null
  pg_data=$demo/pg/data
  as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres nextstep
  store=(--store "postgresql://postgres@127.0.0.1:$pg_port/nextstep")
else
  step "The team's sync server: one SQLite file in $demo/server, nothing else to set up"
  store=(--data "$demo/server")
fi
"$server" admin "${store[@]}" create-team fjord-sales
echo "a long demo password" | "$server" admin "${store[@]}" add-user --team fjord-sales --email ana@fjord.example
start_server
address=$started
echo "listening on $address"
phone_servers=$address
laptop_servers=$address
if $postgres; then
  start_server
  second=$started
  echo "a second replica listening on $second"
  phone_servers=$address,$second
  laptop_servers=$second,$address
fi

step "Ana signs in on her phone and her laptop"
echo "a long demo password" | phone login --server "$phone_servers" --email ana@fjord.example
echo "a long demo password" | laptop login --server "$laptop_servers" --email ana@fjord.example

step "Offline, on the train, the phone adds the deal and books its first meeting (not at a table: health counts it so)"
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

if $postgres; then
  step "The phone's replica stops; the phone goes on at the second one"
  kill "${server_pids[0]}" && wait "${server_pids[0]}" 2>/dev/null || true
  phone deal set "$deal" --value 55000
  phone sync
  laptop sync
  laptop deal show "$deal" | grep -i -E "value|€" | head -2
fi

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
