// A new deal from the app: typed as a rep would, then handed to booking (rule 1).
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 390
    height: 844

    NewDealSheet { id: sheet; wide: false }
    DealController { id: deal; store: AppStore }
    SignalSpy { id: created; target: sheet; signalName: "createdAndBook" }
    SignalSpy { id: edited; target: sheet; signalName: "edited" }

    TestCase {
        name: "NewDeal"
        when: windowShown

        function initTestCase() {
            failOnWarning(/.*/)
            verify(demo.ok)
        }

        function test_aDealIsCreatedAndHandedToBooking() {
            sheet.openNew()
            var form = findChild(sheet, "newDeal")
            tryCompare(form, "loaded", true)
            tryCompare(sheet, "opened", true)
            var create = findChild(sheet, "createDealButton")
            verify(!create.enabled)
            compare(findChild(sheet, "newDealWhyNot").text, "Give the deal a title")
            form.title = "Fleet telematics pilot"
            form.account = "Acme Logistics"
            form.value = "12000.50"
            form.stageIndex = 1
            compare(form.whyNot, "")
            verify(create.enabled)
            mouseClick(create)
            tryCompare(created, "count", 1)
            var id = created.signalArguments[0][0]
            verify(id !== "")
            deal.dealId = id
            tryCompare(deal, "loaded", true)
            compare(deal.title, "Fleet telematics pilot")
            compare(deal.hasNextStep, false)
            tryCompare(sheet, "visible", false)
        }

        function test_aNearDuplicateAccountIsAskedAbout() {
            sheet.openNew()
            var form = findChild(sheet, "newDeal")
            tryCompare(form, "loaded", true)
            form.title = "Another"
            form.account = "Acme Logistics GmbH"  // the demo has "Acme Logistics"
            mouseClick(findChild(sheet, "createDealButton"))
            tryVerify(function() { return form.error.indexOf("did you mean the account") >= 0 })
            verify(sheet.visible)
            keyClick(Qt.Key_Escape)
            tryCompare(sheet, "visible", false)
        }

        function test_aDealIsEditedAndItsValueKeepsItsCents() {
            created.clear()
            sheet.openNew()
            var form = findChild(sheet, "newDeal")
            tryCompare(form, "loaded", true)
            form.title = "Cold chain audit"
            form.account = "Borealis Foods"
            form.value = "900"
            mouseClick(findChild(sheet, "createDealButton"))
            tryCompare(created, "count", 1)
            var id = created.signalArguments[0][0]
            tryCompare(sheet, "visible", false)

            sheet.openEdit(id)
            tryCompare(form, "title", "Cold chain audit")
            tryCompare(sheet, "opened", true)
            compare(sheet.title, "Edit deal")
            compare(form.account, "Borealis Foods")
            compare(form.value, "900")
            compare(form.whyNot, "Change a field to save")
            form.title = "Cold chain audit, two sites"
            form.account = "Cobalt Health"
            form.value = "12,000.50"
            form.currency = "usd"
            compare(form.whyNot, "")
            mouseClick(findChild(sheet, "createDealButton"))
            tryCompare(edited, "count", 1)
            tryCompare(sheet, "visible", false)

            deal.dealId = id
            tryCompare(deal, "title", "Cold chain audit, two sites")
            compare(deal.valueText, "$12,000.50")
            compare(deal.accountName, "Cobalt Health")
            sheet.openEdit(id)
            tryCompare(form, "value", "12000.50")
            form.value = "12000.505"
            compare(form.whyNot, "The value is an amount to the cent, like 12000.50")
            keyClick(Qt.Key_Escape)
            tryCompare(sheet, "visible", false)
        }

        function test_aValueThatIsNotAnAmountSaysSo() {
            sheet.openNew()
            var form = findChild(sheet, "newDeal")
            tryCompare(form, "loaded", true)
            form.title = "Pilot"
            form.value = "twelve"
            compare(form.whyNot, "The value is an amount to the cent, like 12000.50")
            verify(!findChild(sheet, "createDealButton").enabled)
            keyClick(Qt.Key_Escape)
            tryCompare(sheet, "visible", false)
        }
    }
}
