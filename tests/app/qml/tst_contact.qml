// Contacts at the table: a new one at an account (a bad address is said next to Save), then
// changed; an account typed nearly like an existing one is asked about.
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 390
    height: 844

    DealPage {
        id: page
        anchors.fill: parent
        messagesLaunch: false
        messagesFolder: demo.scratch
        onNewContactRequested: (accountName) => sheet.openNew(accountName)
    }
    DealController { id: deal; store: AppStore }
    ContactSheet { id: sheet; wide: false }
    SignalSpy { id: saved; target: sheet; signalName: "saved" }

    TestCase {
        name: "Contact"
        when: windowShown

        function initTestCase() {
            failOnWarning(/.*/)
            verify(demo.ok)
        }

        function test_aContactIsAddedAtAnAccountAndChanged() {
            sheet.openNew("Acme Logistics")
            var form = findChild(sheet, "contactForm")
            tryCompare(form, "loaded", true)
            tryCompare(sheet, "opened", true)
            var save = findChild(sheet, "saveContactButton")
            compare(form.account, "Acme Logistics")
            compare(findChild(sheet, "contactWhyNot").text, "Give the contact a name")
            verify(!save.enabled)
            form.name = "Noor Visser"
            form.email = "noor.visser@acme"
            compare(form.whyNot, "The email is not an address like name@company.com")
            verify(!save.enabled)
            form.email = "noor.visser@acme.example"
            mouseClick(findChild(sheet.contentItem, "role_approver"))
            compare(form.role, "approver")
            form.jobTitle = "Head of Procurement"
            compare(form.whyNot, "")
            saved.clear()
            mouseClick(save)
            tryCompare(saved, "count", 1)
            tryCompare(sheet, "visible", false)
            var id = saved.signalArguments[0][0]

            sheet.openEdit(id)
            tryCompare(form, "name", "Noor Visser")
            tryCompare(sheet, "opened", true)
            compare(form.email, "noor.visser@acme.example")
            compare(form.account, "Acme Logistics")
            compare(form.role, "approver")
            compare(form.jobTitle, "Head of Procurement")
            compare(form.whyNot, "Change a field to save")
            form.phone = "+31 10 555 0101"
            form.jobTitle = "CPO"
            saved.clear()
            mouseClick(save)
            tryCompare(saved, "count", 1)
            tryCompare(sheet, "visible", false)
            sheet.openEdit(id)
            tryCompare(form, "jobTitle", "CPO")
            compare(form.phone, "+31 10 555 0101")
            keyClick(Qt.Key_Escape)
            tryCompare(sheet, "visible", false)
        }

        function test_aPersonIsAddedFromTheDealPageAtItsAccount() {
            page.dealId = demo.dealToBook
            deal.dealId = demo.dealToBook
            tryVerify(function() { return deal.accountName !== "" })
            var add = findChild(page, "newPersonButton")
            tryVerify(function() { return add.visible && add.width > 0 })
            waitForRendering(page)
            mouseClick(add)
            tryCompare(sheet, "opened", true)
            var form = findChild(sheet, "contactForm")
            compare(form.account, deal.accountName)
            compare(form.contactId, "")
            keyClick(Qt.Key_Escape)
            tryCompare(sheet, "visible", false)
        }

        function test_aNearAccountNameIsAskedAbout() {
            sheet.openNew("")
            var form = findChild(sheet, "contactForm")
            tryCompare(form, "loaded", true)
            form.name = "Piet Bakker"
            form.account = "Acme Logistics BV"
            tryCompare(form, "whyNot", "Did you mean the account 'Acme Logistics'?")
            verify(!findChild(sheet, "saveContactButton").enabled)
            var use = findChild(sheet.contentItem, "useAccountButton")
            tryVerify(function() { return use.visible && use.width > 0 })
            wait(50)  // let the row that just appeared lay out
            mouseClick(use)
            compare(form.account, "Acme Logistics")
            tryCompare(form, "whyNot", "")
            keyClick(Qt.Key_Escape)
            tryCompare(sheet, "visible", false)
        }
    }
}
