# A .deb of everything installed (the app, the nextstep CLI, the sync server and its systemd
# unit): `cpack -G DEB` in the build folder. Its library dependencies come from dpkg-shlibdeps.
# The QML modules the app imports are loaded at run time, so no library names them: they are
# listed here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nextstep)
set(CPACK_PACKAGE_VENDOR NextStep)
set(CPACK_PACKAGE_CONTACT "NextStep team <packaging@nextstep.app>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Sales app: never leave a meeting without the next one booked")
# Lines under 80 characters, as Debian's control files want them.
set(CPACK_PACKAGE_DESCRIPTION
    "NextStep is a sales rep's whole tool: the day's meetings, the pipeline and the
next step each deal needs. It works offline and keeps a team's pipeline in step
across devices through its sync server. Includes the desktop app (nextstep-app),
the command line (nextstep) and the sync server (nextstep-server) with its
systemd unit.")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, \
qml6-module-qtquick-shapes, qml6-module-qtquick-templates, qml6-module-qtquick-window, \
qml6-module-qtquick-dialogs, qml6-module-qtqml-workerscript")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)

include(CPack)
