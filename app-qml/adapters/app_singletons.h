// The objects main.cpp creates, handed to QML as singletons (AppStore, AppSync): each a foreign
// type whose create() returns the C++-owned instance. This header is the app's whole QML surface
// besides the QML_ELEMENT controllers.
#pragma once

#include <QtQml/qqmlregistration.h>
#include <QJSEngine>
#include <QQmlEngine>

#include "local_store.h"
#include "sync_controller.h"

struct AppStoreSingleton {
  Q_GADGET
  QML_FOREIGN(LocalStore)
  QML_SINGLETON
  QML_NAMED_ELEMENT(AppStore)

 public:
  static LocalStore* create(QQmlEngine*, QJSEngine* engine) {
    Q_ASSERT(instance);
    Q_ASSERT(engine->thread() == instance->thread());
    QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
    return instance;
  }
  static inline LocalStore* instance = nullptr;
};

struct AppSyncSingleton {
  Q_GADGET
  QML_FOREIGN(SyncController)
  QML_SINGLETON
  QML_NAMED_ELEMENT(AppSync)

 public:
  static SyncController* create(QQmlEngine*, QJSEngine* engine) {
    Q_ASSERT(instance);
    Q_ASSERT(engine->thread() == instance->thread());
    QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
    return instance;
  }
  static inline SyncController* instance = nullptr;
};
