#!/usr/bin/env bash
# check_install.sh CMAKE BUILD_DIR PREFIX: `cmake --install` into an empty PREFIX, then every file
# is where a desktop looks for it, and the names that tie them together agree.
set -euo pipefail
cmake=$1 build=$2 prefix=$3
id=app.nextstep.NextStep

rm -rf "$prefix"
"$cmake" --install "$build" --prefix "$prefix" >/dev/null

failed=0
fail() {
  echo "FAIL: $*"
  failed=1
}
for f in bin/nextstep-app bin/nextstep bin/nextstep-server lib/systemd/system/nextstep-server.service \
  share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
  share/icons/hicolor/scalable/apps/$id.svg; do
  [ -f "$prefix/$f" ] || fail "$prefix/$f is missing"
done
for f in bin/nextstep-app bin/nextstep bin/nextstep-server; do
  [ -x "$prefix/$f" ] || fail "$prefix/$f is not executable"
done
if ((failed == 0)); then
  entry=$prefix/share/applications/$id.desktop
  grep -qx "Exec=nextstep-app" "$entry" || fail "the .desktop entry does not start nextstep-app"
  grep -qx "Icon=$id" "$entry" || fail "the .desktop entry's icon is not $id"
  meta=$prefix/share/metainfo/$id.metainfo.xml
  grep -q "<id>$id</id>" "$meta" || fail "the metainfo's id is not $id"
  grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$meta" ||
    fail "the metainfo does not launch $id.desktop"
  grep -q "<svg" "$prefix/share/icons/hicolor/scalable/apps/$id.svg" || fail "the icon is no SVG"
  grep -qx "ExecStart=nextstep-server .*" "$prefix/lib/systemd/system/nextstep-server.service" ||
    fail "the server's unit does not start nextstep-server"
fi
((failed == 0)) && echo "installed under $prefix: $(cd "$prefix" && find . -type f | sort | tr '\n' ' ')"
exit "$failed"
