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

    TestCase {
        name: "CallClose"
        when: windowShown

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

            mouseClick(findChild(sheet.contentItem, "result_maybe"))
            compare(call.result, "maybe")
            compare(save.enabled, false)
            verify(call.missing.indexOf("date") >= 0)

            var twoWeeks = findChild(sheet.contentItem, "followUp1")
            sheet.flickable.contentY = Math.max(0, twoWeeks.mapToItem(sheet.flickable.contentItem, 0, 0).y - 100)
            wait(50)
            mouseClick(twoWeeks)
            compare(call.followUp, call.dateChoices[1].date)
            compare(save.enabled, true)

            var field = findChild(sheet.contentItem, "actionText")
            sheet.flickable.contentY = Math.max(0, field.mapToItem(sheet.flickable.contentItem, 0, 0).y - 100)
            wait(50)
            mouseClick(field)
            keySequence("Introduce us to the CFO")
            keyClick(Qt.Key_Return)
            compare(call.actions.count, 1)
            compare(call.actions.get(0).kind, "commitment")

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
            mouseClick(findChild(sheet.contentItem, "result_no"))
            verify(call.missing.indexOf("reason") >= 0)
            mouseClick(findChild(sheet.contentItem, "reason_wrong_time"))
            compare(call.noReason, "wrong_time")
            compare(call.canClose, true)
            sheet.close()
        }
    }
}
