// Closing the call from the meeting in progress: the flow refuses a Maybe without a date, takes a
// commitment the core classes as such, records the outcome, and hands over to booking.
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 1280
    height: 800

    CallCloseSheet { id: sheet; wide: true }
    SignalSpy { id: handedOver; target: sheet; signalName: "closedAndBook" }
    BookingController { id: dealPeople; store: AppStore }

    TestCase {
        name: "CallClose"
        when: windowShown

        // Scrolls the sheet until the item is in view, then taps it.
        function tap(name) {
            wait(50)   // let a section that just appeared lay out
            var item = findChild(sheet.contentItem, name)
            verify(item, name)
            var y = item.mapToItem(sheet.flickable.contentItem, 0, 0).y
            sheet.flickable.contentY = Math.max(0, Math.min(y - 80,
                sheet.flickable.contentHeight - sheet.flickable.height))
            wait(30)
            mouseClick(item)
            return item
        }

        function initTestCase() {
            failOnWarning(/.*/)
            verify(demo.ok)
        }

        function test_maybeNeedsADateThenBooks() {
            sheet.openFor(demo.meetingInProgress)
            var call = findChild(sheet, "callClose")
            tryCompare(call, "loaded", true)
            tryCompare(sheet, "opened", true)
            compare(call.decisionMakers.length, 1)
            var save = findChild(sheet.contentItem, "saveAndBook")
            compare(save.enabled, false)

            tap("result_maybe")
            compare(call.result, "maybe")
            compare(save.enabled, false)
            verify(call.missing.indexOf("date") >= 0)

            tap("followUp1")
            compare(call.followUp, call.dateChoices[1].date)
            compare(save.enabled, true)

            tap("actionText")
            var text = "introduce us to the decision maker"
            for (var i = 0; i < text.length; ++i) keyClick(text[i])
            compare(findChild(sheet.contentItem, "actionText").text, text)
            // Rule 7: the day the customer named goes with what they will do.
            var due = findChild(sheet.contentItem, "actionDue")
            verify(due.visible)
            due.picked(call.dateChoices[1].date)
            tap("actionText")
            keyClick(Qt.Key_Return)
            compare(call.actions.count, 1)
            compare(call.actions.get(0).kind, "commitment")
            verify(call.actions.get(0).when !== "", "the action has its due date")
            compare(findChild(sheet.contentItem, "actionDueText").text,
                    "by " + call.actions.get(0).when, "and the row shows it")
            compare(due.isoDate, "", "the next action starts without one")

            // Who else approves, and by when: picked, never typed as YYYY-MM-DD.
            var approveBy = findChild(sheet.contentItem, "approveBy")
            approveBy.picked(call.dateChoices[2].date)
            compare(call.approveBy, call.dateChoices[2].date)
            verify(approveBy.text.indexOf("-") < 0, "the day reads in words: " + approveBy.text)

            mouseClick(save)
            tryCompare(handedOver, "count", 1)
            compare(handedOver.signalArguments[0][0], call.dealId)
            compare(call.error, "")
        }

        function test_noNeedsAReason() {
            var call = findChild(sheet, "callClose")
            sheet.openFor(demo.upcomingMeeting)
            tryCompare(call, "loaded", true)
            tryCompare(sheet, "opened", true)
            tap("result_no")
            verify(call.missing.indexOf("reason") >= 0)
            tap("reason_wrong_time")
            compare(call.noReason, "wrong_time")
            compare(call.canClose, true)
            sheet.close()
        }

        function test_someoneNewAtTheTableBecomesAContactOfTheAccount() {
            var call = findChild(sheet, "callClose")
            sheet.openFor(demo.upcomingMeeting)
            tryCompare(call, "loaded", true)
            tryCompare(sheet, "opened", true)
            call.recap = "What the rep typed"
            tap("someoneNewButton")
            var add = findChild(sheet.contentItem, "addPersonButton")
            verify(!add.enabled, "a name first")
            findChild(sheet.contentItem, "personName").text = "Ole Dahl"
            findChild(sheet.contentItem, "personEmail").text = "ole.dahl@example.com"
            tap("role_decision_maker")
            tap("addPersonButton")
            tryCompare(findChild(sheet.contentItem, "personAdded"), "text",
                       "Added to the account's contacts.")
            verify(!findChild(sheet.contentItem, "newPerson").visible)
            compare(call.recap, "What the rep typed")
            // The deal's people (its account's contacts) now include them, as a champion.
            dealPeople.dealId = call.dealId
            tryVerify(function() {
                return dealPeople.people.filter(function(p) { return p.name === "Ole Dahl" }).length === 1
            })
            compare(dealPeople.people.filter(function(p) { return p.name === "Ole Dahl" })[0].role,
                    "Decision maker")
            // At the table, so asked the temperature check (rule 3).
            tryVerify(function() {
                return call.decisionMakers.filter(function(p) { return p.name === "Ole Dahl" }).length === 1
            })
            sheet.close()
        }
    }
}
