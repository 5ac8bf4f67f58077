#!/usr/bin/env bash
# Installs every Debian package NextStep needs. Idempotent: when all are present it only checks.
set -euo pipefail

packages=(
  # build
  cmake g++ pkg-config ninja-build git clang-format
  # core
  libsqlite3-dev libicu-dev libhowardhinnant-date-dev libcli11-dev nlohmann-json3-dev libspdlog-dev
  libzstd-dev
  tzdata
  # wire and server
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc libsodium-dev openssl
  libpqxx-dev postgresql libjemalloc-dev
  # calendar, recaps and import
  libical-dev libcsv-dev python3-icalendar libgmime-3.0-dev libkainjow-mustache-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev nodejs python3
  # fuzzing (the fuzz preset): clang and its libFuzzer and sanitizer runtimes
  clang-14 libclang-rt-14-dev
  # a private session bus for the desktop-notification tests
  dbus-daemon
  # app
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qml6-module-qtqml
  qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qtquick
  qml6-module-qtquick-window qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qttest qml6-module-qtcore
  qml6-module-qtquick-shapes qml6-module-qt-labs-platform qml6-module-qtquick-dialogs libqt6svg6
  libgl1-mesa-dri xvfb xauth fonts-dejavu-core libdbus-1-dev qt6-l10n-tools
  # installing and packaging the app: the .desktop and metainfo validators, cpack's shlibdeps
  desktop-file-utils appstream dpkg-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done" >&2
