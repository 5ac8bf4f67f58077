// Importing from the CRM the team used before, from the app: ImportController over the app's real
// store on a demo pipeline, with the demo's HubSpot export.
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include "app_fixture.h"
#include "import_controller.h"
#include "nextstep/pipeline/pipeline.h"

class ImportTests : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

  // A team's HubSpot export from the app: the check writes nothing and says what will happen,
  // the import then adds exactly what the check said.
  void importChecksThenImportsACrmExport() {
    AppFixture app;
    QVERIFY(app.ok());
    auto harbour = [&]() -> std::optional<nextstep::Deal> {
      auto other = nextstep::Store::open({app.store().path().toStdString(), false});
      if (!other) return std::nullopt;
      nextstep::DealFilter all;
      all.limit = 0;
      auto deals = nextstep::listDeals(**other, all);
      if (!deals) return std::nullopt;
      for (const auto& row : *deals) {
        if (row.deal.title == "Harbour cranes retrofit") return row.deal;
      }
      return std::nullopt;
    };
    ImportController form;
    form.setStore(&app.store());
    QVERIFY(!form.whyNot().isEmpty());  // no file yet, and it says so
    form.setSource(QStringLiteral("hubspot"));
    form.setFile(QString::fromStdString(app.ids().crm_export));
    QCOMPARE(form.whyNot(), QString());
    form.check();
    QTRY_VERIFY(form.checked());
    QCOMPARE(form.toAdd(), 4);
    QVERIFY2(form.summary().startsWith(
                 QStringLiteral("5 rows of deals in the file: 4 to add, 1 to skip.")),
             qPrintable(form.summary()));
    QVERIFY2(form.summary().contains(QStringLiteral("Create Date")), qPrintable(form.summary()));
    QVERIFY2(form.problems().filter(QStringLiteral("Row 5:")).size() == 1,
             qPrintable(form.problems().join(QLatin1Char('|'))));
    QVERIFY(!harbour().has_value());  // a check writes nothing

    QSignalSpy done(&form, &ImportController::done);
    form.run();
    QVERIFY(done.wait(5000));
    QCOMPARE(done.first().first().toInt(), 4);
    QVERIFY(form.imported());
    const auto deal = harbour();
    QVERIFY(deal.has_value());
    QCOMPARE(deal->value.minor, 8400000);
    QCOMPARE(deal->account_name, std::string("Nordhafen Port Services"));
  }

  void aFileThatIsNotThereIsAnErrorNotAnEmptyReport() {
    AppFixture app;
    QVERIFY(app.ok());
    ImportController form;
    form.setStore(&app.store());
    form.setFile(QStringLiteral("file:///nowhere/deals.csv"));
    form.check();
    QTRY_VERIFY(!form.error().isEmpty());
    QVERIFY2(form.error().contains(QStringLiteral("/nowhere/deals.csv")), qPrintable(form.error()));
    QVERIFY(!form.checked());
    QCOMPARE(form.summary(), QString());
  }
};

QTEST_GUILESS_MAIN(ImportTests)
#include "import_tests.moc"
