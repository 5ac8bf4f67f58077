// Cancelling a deal's next meeting from its page: asked once, then the meeting is cancelled, the
// customer's calendar gets its cancellation, and the deal shows it needs a new next step.
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
    }

    DealController { id: deal; store: AppStore }

    TestCase {
        name: "DealCancel"
        when: windowShown

        function initTestCase() {
            failOnWarning(/.*/)
            verify(demo.ok)
        }

        function test_keepItChangesNothingAndCancelSendsTheCancellation() {
            page.dealId = demo.dealWithConflict
            deal.dealId = demo.dealWithConflict
            var cancel = findChild(page, "cancelMeetingButton")
            tryVerify(function() { return cancel.visible && cancel.width > 0 })
            waitForRendering(page)  // laid out where the click lands
            var dialog = findChild(page, "cancelDialog")

            mouseClick(cancel)
            tryCompare(dialog, "opened", true)
            compare(dialog.title, "Cancel this meeting?")
            tryCompare(deal, "loaded", true)
            verify(deal.nextStep.when !== "")
            verify(dialog.subtitle.indexOf(deal.nextStep.when + " · ") === 0, dialog.subtitle)
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
            verify(cancel.visible, "kept: the meeting is still the next step")

            mouseClick(cancel)
            tryCompare(dialog, "opened", true)
            mouseClick(findChild(dialog, "confirmCancelButton"))
            var label = findChild(page, "cancelledLabel")
            tryVerify(function() { return label.text.indexOf("The cancellation is saved to") > 0 },
                      5000, label.text)
            verify(label.text.indexOf(demo.scratch + "/cancellation-") > 0, label.text)
            tryVerify(function() { return !cancel.visible })
        }
    }
}
