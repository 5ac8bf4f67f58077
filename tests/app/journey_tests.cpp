// A rep's first day, driven through the real app window (Main.qml) with Qt's test hooks
// (journey/tst_journey.qml): a fresh install, then the method's whole loop. The store starts
// empty, as after installing; the test moves the app's clock to after the booked meeting.
// Each step's window is saved as a PNG in $NEXTSTEP_JOURNEY_SHOTS when it is set.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>

#include <memory>

#include "app_fixture.h"

Q_IMPORT_QML_PLUGIN(NextStepPlugin)

// What the journey needs beyond the window: the clock and where to save its pictures.
class JourneyHooks : public QObject {
  Q_OBJECT
  Q_PROPERTY(QString shots READ shots CONSTANT)

 public:
  explicit JourneyHooks(AppFixture& app) : app_(app) {}
  QString shots() const { return qEnvironmentVariable("NEXTSTEP_JOURNEY_SHOTS"); }

  // Puts the app's clock at a local date and time (YYYY-MM-DDTHH:MM); false if it is not one.
  Q_INVOKABLE bool setClock(const QString& local) {
    auto at = nextstep::CivilDateTime::parse(local.toStdString());
    if (!at) return false;
    auto t = app_.store().zone().toInstant(*at);
    if (!t) return false;
    app_.setClock(*t);
    return true;
  }

 private:
  AppFixture& app_;
};

class JourneySetup : public QObject {
  Q_OBJECT

 public Q_SLOTS:
  void applicationAvailable() {
    QQuickStyle::setStyle(QStringLiteral("Material"));
    qputenv("EMAIL", "rita.rep@nextstep.example");
    app_ = std::make_unique<AppFixture>(AppFixture::Start::kFresh);
    hooks_ = std::make_unique<JourneyHooks>(*app_);
  }
  void qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath(QStringLiteral("qrc:/"));
    engine->rootContext()->setContextProperty(QStringLiteral("journey"), hooks_.get());
    engine->rootContext()->setContextProperty(QStringLiteral("scratch"), app_->scratch());
  }
  void cleanupTestCase() {
    hooks_.reset();
    app_.reset();
  }

 private:
  std::unique_ptr<AppFixture> app_;
  std::unique_ptr<JourneyHooks> hooks_;
};

QUICK_TEST_MAIN_WITH_SETUP(app_journey_tests, JourneySetup)
#include "journey_tests.moc"
