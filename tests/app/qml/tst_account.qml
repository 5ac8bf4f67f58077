// Accounts at the table: a new one is added, a near duplicate is asked about with the account it
// probably means (then used, or added deliberately), the same name twice is refused, and an
// account is changed.
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 390
    height: 844

    AccountSheet { id: sheet; wide: false }
    SignalSpy { id: saved; target: sheet; signalName: "saved" }
    SignalSpy { id: used; target: sheet; signalName: "useExisting" }

    TestCase {
        name: "Account"
        when: windowShown

        function initTestCase() {
            failOnWarning(/.*/)
            verify(demo.ok)
        }

        function openNew() {
            sheet.openNew()
            var form = findChild(sheet, "accountForm")
            tryCompare(form, "loaded", true)
            tryCompare(sheet, "opened", true)
            return form
        }

        function close() {
            keyClick(Qt.Key_Escape)
            tryCompare(sheet, "visible", false)
        }

        function test_aNewAccountIsAddedAndChanged() {
            var form = openNew()
            var save = findChild(sheet, "saveAccountButton")
            verify(!save.enabled)
            compare(findChild(sheet, "accountWhyNot").text, "Give the account a name")
            form.name = "Nordwind Shipping"
            form.industry = "Shipping"
            form.cadence = "400"
            compare(form.whyNot, "Touch every 1 to 365 days, or leave it empty")
            form.cadence = "21"
            tryCompare(form.nameCheck, "current", true)
            compare(form.whyNot, "")
            saved.clear()
            mouseClick(save)
            tryCompare(saved, "count", 1)
            tryCompare(sheet, "visible", false)
            var id = saved.signalArguments[0][0]
            verify(id !== "")

            // Opened again on it: what was stored, then a change.
            sheet.openEdit(id)
            tryCompare(form, "name", "Nordwind Shipping")
            tryCompare(sheet, "opened", true)
            compare(form.industry, "Shipping")
            compare(form.cadence, "21")
            compare(form.whyNot, "Change a field to save")
            verify(!save.enabled)
            form.city = "Bremen"
            form.name = "Nordwind Shipping GmbH"  // its own name with a legal form: no near match
            tryCompare(form.nameCheck, "current", true)
            compare(form.whyNot, "")
            saved.clear()
            mouseClick(save)
            tryCompare(saved, "count", 1)
            tryCompare(sheet, "visible", false)
            sheet.openEdit(id)
            tryCompare(form, "city", "Bremen")
            compare(form.name, "Nordwind Shipping GmbH")
            close()
        }

        // The zone a customer works in, typed as a city; one that is none says so by Save.
        function test_theAccountsZoneIsACityOrAZone() {
            var form = openNew()
            form.name = "Kansai Robotics"
            form.zone = "Atlantis"
            tryCompare(form.nameCheck, "current", true)
            compare(form.whyNot, "No time zone is called 'Atlantis'; try a city like New York")
            verify(!findChild(sheet, "saveAccountButton").enabled)
            form.zone = "sao paulo"
            compare(form.zoneFound, "America/Sao_Paulo")
            compare(form.whyNot, "")
            saved.clear()
            mouseClick(findChild(sheet, "saveAccountButton"))
            tryCompare(saved, "count", 1)
            tryCompare(sheet, "visible", false)
            sheet.openEdit(saved.signalArguments[0][0])
            tryCompare(form, "zone", "America/Sao_Paulo")
            compare(form.name, "Kansai Robotics")
            compare(form.whyNot, "Change a field to save")
            form.zone = "SAO PAULO"
            compare(form.whyNot, "Change a field to save", "the same zone, typed as a city")
            close()
        }

        function test_aNearDuplicateIsAskedAboutWithTheAccountItMeans() {
            var form = openNew()
            form.name = "borealis foods AS"  // the demo has "Borealis Foods"
            tryCompare(form, "whyNot", "Did you mean the account 'Borealis Foods'?")
            verify(!findChild(sheet, "saveAccountButton").enabled)
            compare(findChild(sheet, "accountHint").text, "Did you mean the account 'Borealis Foods'?")
            // Using the existing account is one tap.
            used.clear()
            var use = findChild(sheet.contentItem, "useAccountButton")
            tryVerify(function() { return use.visible && use.width > 0 })
            wait(50)  // let the row that just appeared lay out
            mouseClick(use)
            tryCompare(used, "count", 1)
            compare(used.signalArguments[0][0], form.nameCheck.matchId)
            tryCompare(sheet, "visible", false)
        }

        function test_aNearNameCanBeAddedDeliberately() {
            var form = openNew()
            form.name = "Fjord Energy ASA Trading"  // not near: another company
            tryCompare(form.nameCheck, "current", true)
            compare(form.whyNot, "")
            form.name = "Fjord Energy AS"
            tryCompare(form, "whyNot", "Did you mean the account 'Fjord Energy'?")
            var keep = findChild(sheet.contentItem, "keepNameButton")
            tryVerify(function() { return keep.visible && keep.width > 0 })
            wait(50)
            mouseClick(keep)
            compare(form.whyNot, "")
            compare(findChild(sheet, "accountHint").text, "A second account beside 'Fjord Energy'.")
            saved.clear()
            mouseClick(findChild(sheet, "saveAccountButton"))
            tryCompare(saved, "count", 1)
            tryCompare(sheet, "visible", false)
        }

        function test_theSameNameTwiceIsRefused() {
            var form = openNew()
            form.name = "  DELTA   freight "
            tryCompare(form, "whyNot", "The account 'Delta Freight' exists already")
            verify(!findChild(sheet, "saveAccountButton").enabled)
            compare(findChild(sheet, "useAccountButton").text, "Open it")
            close()
        }
    }
}
