// Booking the next meeting, driven like a rep: open the sheet, tap a suggested slot, tap Book.
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 390
    height: 844

    BookingSheet { id: sheet; wide: false }
    DealController { id: deal; store: AppStore }
    SignalSpy { id: done; target: sheet; signalName: "bookedAndDone" }

    TestCase {
        name: "Booking"
        when: windowShown

        function initTestCase() {
            failOnWarning(/.*/)
            verify(demo.ok)
        }

        function test_threeTapsBookTheNextMeeting() {
            deal.dealId = demo.dealToBook
            tryCompare(deal, "loaded", true)
            compare(deal.hasNextStep, false)

            sheet.openFor(demo.dealToBook)                    // tap 1: Book the next meeting
            var booking = findChild(sheet, "booking")
            tryCompare(booking, "canBook", true)
            tryCompare(sheet, "opened", true)
            var second = findChild(sheet.contentItem, "slot1")
            verify(second)
            mouseClick(second)                                 // tap 2: a suggested slot
            compare(booking.slotIndex, 1)
            var chosen = booking.suggestions[1].when
            compare(booking.whenText, chosen)
            var book = findChild(sheet.contentItem, "bookButton")
            mouseClick(book)                                   // tap 3: Book
            tryCompare(sheet, "booked", true)
            compare(booking.error, "")
            tryCompare(deal, "hasNextStep", true)
            compare(deal.nextStep.when, chosen)

            mouseClick(findChild(sheet.contentItem, "doneButton"))
            compare(done.count, 1)
            tryCompare(sheet, "visible", false)
        }

        function test_keyboardChoosesTheDuration() {
            sheet.openFor(demo.dealWithConflict)
            var booking = findChild(sheet, "booking")
            tryCompare(booking, "canBook", true)
            tryCompare(sheet, "opened", true)
            booking.durationMin = 30
            compare(booking.durationMin, 30)
            keyClick(Qt.Key_Escape)
            tryCompare(sheet, "visible", false)
        }
    }
}
