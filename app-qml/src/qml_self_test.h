// The --self-test run: creates every QML file of the NextStep module once (with the app's
// singletons in place) and reports errors; the caller fails on any warning.
#pragma once

class QQmlEngine;

// Returns the number of files that failed to load.
int loadEveryQmlFile(QQmlEngine& engine);
