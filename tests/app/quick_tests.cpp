// Qt Quick Tests of the app's components and flows (qml/tst_*.qml), against the app's real
// store on a demo pipeline in a temporary folder. The demo's ids reach the tests as the context
// property `demo`.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>

#include <memory>

#include "app_fixture.h"

Q_IMPORT_QML_PLUGIN(NextStepPlugin)

class QuickTestSetup : public QObject {
  Q_OBJECT

 public Q_SLOTS:
  void applicationAvailable() {
    QQuickStyle::setStyle(QStringLiteral("Material"));
    // The invitations the tests send come from this address (as if signed in).
    qputenv("EMAIL", "rita.rep@nextstep.example");
    app_ = std::make_unique<AppFixture>();
  }
  void qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath(QStringLiteral("qrc:/"));
    const auto& ids = app_->ids();
    engine->rootContext()->setContextProperty(
        QStringLiteral("demo"),
        QVariantMap{{"ok", app_->ok()},
                    {"dealWithConflict", QString::fromStdString(ids.deal_with_conflict)},
                    {"dealToBook", QString::fromStdString(ids.deal_to_book)},
                    {"meetingInProgress", QString::fromStdString(ids.meeting_in_progress)},
                    {"upcomingMeeting", QString::fromStdString(ids.upcoming_meeting)},
                    {"crmExport", QString::fromStdString(ids.crm_export)},
                    {"scratch", app_->scratch()}});
  }
  void cleanupTestCase() { app_.reset(); }

 private:
  std::unique_ptr<AppFixture> app_;
};

QUICK_TEST_MAIN_WITH_SETUP(app_quick_tests, QuickTestSetup)
#include "quick_tests.moc"
