// Importing from the CRM the team used before: Import says why it cannot run until a file is
// checked, and the check reports in words what it will add and skip (nothing is written here).
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 390
    height: 844

    ImportSheet { id: sheet; wide: false }

    TestCase {
        name: "Import"
        when: windowShown

        function initTestCase() {
            failOnWarning(/.*/)
            verify(demo.ok)
        }

        function test_theCheckSaysWhatTheImportWillDo() {
            sheet.openNew()
            tryCompare(sheet, "opened", true)
            var form = findChild(sheet, "importForm")
            var run = findChild(sheet, "runImportButton")
            var check = findChild(sheet, "checkImportButton")
            var why = findChild(sheet, "importWhyNot")
            verify(!run.enabled)
            verify(!check.enabled)
            compare(why.text, "Choose the CSV file your CRM exported")

            mouseClick(findChild(sheet.contentItem, "source_hubspot"))
            compare(form.source, "hubspot")
            var field = findChild(sheet.contentItem, "importFile")
            field.forceActiveFocus()
            field.text = ""
            for (var i = 0; i < demo.crmExport.length; ++i) keyClick(demo.crmExport[i])
            compare(form.file, demo.crmExport)
            verify(check.enabled)
            verify(!run.enabled, "not before the check")
            compare(why.text, "Check the file first: nothing is written until you import.")

            mouseClick(check)
            tryCompare(form, "checked", true)
            compare(form.toAdd, 4)
            verify(run.enabled)
            compare(run.text, "Import 4")
            compare(why.text, "")
            verify(findChild(sheet.contentItem, "importSummary").text.indexOf("4 to add, 1 to skip") >= 0)

            // Another CRM is another reading of the file: the check is gone with it.
            mouseClick(findChild(sheet.contentItem, "source_salesforce"))
            compare(form.checked, false)
            verify(!run.enabled)
            sheet.close()
        }
    }
}
