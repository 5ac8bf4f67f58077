#!/usr/bin/env bash
# check_deb.sh CPACK BUILD_DIR OUT_DIR: builds the .deb (`cpack -G DEB`) into OUT_DIR and checks
# its fields, its dependencies (dpkg-shlibdeps' and the QML modules) and where its files go.
set -euo pipefail
cpack=$1 build=$2 out=$3
id=app.nextstep.NextStep

for tool in dpkg-shlibdeps dpkg-deb; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (apt-get install dpkg-dev)"
    exit 77
  fi
done
rm -rf "$out"
mkdir -p "$out"
(cd "$out" && "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$out" >cpack.log) || {
  cat "$out/cpack.log"
  exit 1
}
debs=("$out"/nextstep_*.deb)
deb=${debs[0]}
[ -f "$deb" ] || { echo "FAIL: no nextstep_*.deb in $out"; exit 1; }

failed=0
fail() {
  echo "FAIL: $*"
  failed=1
}
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6quick6 libqt6gui6 libdbus-1-3 libsqlite3-0 libstdc++6 libpqxx-6.4 \
  qml6-module-qtquick-controls; do
  [[ ", $depends," == *", $dep"[\ ,]* ]] || fail "Depends lacks $dep: $depends"
done
[ "$(dpkg-deb -f "$deb" Section)" = misc ] || fail "Section is not misc"
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no Maintainer"
[ -n "$(dpkg-deb -f "$deb" Description)" ] || fail "no Description"
contents=$(dpkg-deb -c "$deb")
for f in usr/bin/nextstep-app usr/bin/nextstep usr/bin/nextstep-server \
  usr/lib/systemd/system/nextstep-server.service usr/share/applications/$id.desktop \
  usr/share/metainfo/$id.metainfo.xml usr/share/icons/hicolor/scalable/apps/$id.svg; do
  grep -q " \./$f\$" <<<"$contents" || fail "$f is not in the package"
done
((failed == 0)) && dpkg-deb -f "$deb" Package Version Architecture Section Depends
exit "$failed"
