#pragma once
// Loading the app's window (Main.qml), as the app and its start benchmark both do it.
//
// On this machine's software renderer the OpenGL driver (Mesa's llvmpipe, which brings LLVM) takes
// about a tenth of a second to load, and the window's first frame waits for it. So:
// - before the QGuiApplication, skipThreadingProbeWithoutGpu() spares the GUI thread the throw-away
//   context that Qt's xcb GLX integration makes to ask whether the driver may render on a thread;
// - loadMainWindow() compiles the window's types first (the type loader's plugin loads would
//   otherwise wait on the dynamic loader's lock, held by the driver's), then loads the driver on a
//   thread of its own while the GUI thread creates the window's objects.
#include <QQmlApplicationEngine>
#include <QVariantMap>

// Sets QT_OPENGL_NO_SANITY_CHECK when the machine has no GPU render node (/dev/dri/renderD*),
// unless it is set already: without one, Mesa's driver is llvmpipe, whose answer to Qt's probe is
// "threads allowed", so the probe would only cost time. With a GPU, Qt's probe stays, as it keeps
// threaded rendering off for drivers known to fail with it.
void skipThreadingProbeWithoutGpu();

// Loads Main.qml with these initial properties; false when no window came of it.
bool loadMainWindow(QQmlApplicationEngine& engine, const QVariantMap& properties);
