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

        // Rule 1: booking again on a deal with a next meeting moves it, unless another is chosen.
        function test_threeTapsThenBookingAgainMovesIt() {
            var booking = findChild(sheet, "booking")
            sheet.openFor(demo.dealToBook)
            tryCompare(booking, "canBook", true)
            tryCompare(sheet, "opened", true)
            if (booking.plannedWhen === "") {
                mouseClick(findChild(sheet.contentItem, "bookButton"))
                tryCompare(sheet, "booked", true)
                sheet.close()
                tryCompare(sheet, "visible", false)
                sheet.openFor(demo.dealToBook)
                tryCompare(booking, "canBook", true)
                tryCompare(sheet, "opened", true)
            }
            var first = booking.bookedMeetingId
            verify(booking.plannedWhen !== "")
            verify(findChild(sheet.contentItem, "plannedCard").visible)
            compare(sheet.title, "Move the next meeting")
            compare(booking.addAnother, false)
            mouseClick(findChild(sheet.contentItem, "slot0"))
            var chosen = booking.suggestions[0].when
            mouseClick(findChild(sheet.contentItem, "bookButton"))   // "Move it"
            tryCompare(sheet, "booked", true)
            compare(sheet.title, "Next meeting moved")
            compare(booking.error, "")
            if (first !== "")
                compare(booking.bookedMeetingId, first)
            deal.dealId = demo.dealToBook
            deal.refresh()
            tryCompare(deal, "loaded", true)
            // nextStep is a fresh map on every reload: read it anew each time.
            tryVerify(function() { return deal.nextStep.when === chosen }, 5000,
                      "the deal's next step is " + deal.nextStep.when + ", not " + chosen)
            sheet.close()
            tryCompare(sheet, "visible", false)
        }

        // The account works in Dublin: its clock is offered beside the rep's, and chosen, the
        // slots are suggested on it with the rep's own time beside them.
        function test_theAccountsClockIsOffered() {
            var booking = findChild(sheet, "booking")
            sheet.openFor(demo.dealToBook)
            tryCompare(booking, "canBook", true)
            tryCompare(sheet, "opened", true)
            compare(booking.zones.length, 2)
            compare(booking.zones[1].label, "Evergreen Retail's")
            compare(booking.zones[1].tz, "Europe/Dublin")
            var mine = booking.zoneName
            verify(mine !== "Europe/Dublin")
            mouseClick(findChild(sheet.contentItem, "zone1"))
            tryCompare(booking, "zoneName", "Europe/Dublin")
            tryVerify(function() { return booking.suggestions[0].tz === "Europe/Dublin" })
            // An hour behind Berlin: "10:00" in Dublin is "11:00 your time".
            compare(booking.suggestions[0].yours,
                    Qt.formatTime(new Date(2000, 0, 1, parseInt(booking.suggestions[0].at.substr(11, 2)) + 1,
                                           parseInt(booking.suggestions[0].at.substr(14, 2))), "hh:mm")
                    + " your time")
            verify(booking.whenText.endsWith("(Dublin)"), "the footer says whose clock: " + booking.whenText)
            mouseClick(findChild(sheet.contentItem, "zone0"))
            tryCompare(booking, "zoneName", mine)
            tryVerify(function() { return booking.suggestions[0].yours === "" })
            verify(booking.whenText.indexOf("(") < 0, "on the rep's own clock, no zone is named")
            sheet.close()
            tryCompare(sheet, "visible", false)
        }

        function test_someoneNewAtTheTableIsAddedAndInvited() {
            sheet.openFor(demo.dealWithConflict)
            var booking = findChild(sheet, "booking")
            tryCompare(booking, "canBook", true)
            tryCompare(sheet, "opened", true)
            var before = booking.people.length
            booking.agenda = "What the rep typed"
            mouseClick(findChild(sheet.contentItem, "someoneNewButton"))
            var add = findChild(sheet.contentItem, "addPersonButton")
            verify(!add.enabled, "a name first")
            findChild(sheet.contentItem, "personName").text = "Jana Novak"
            findChild(sheet.contentItem, "personEmail").text = "jana.novak@acme.example"
            verify(add.enabled)
            add.clicked()
            tryVerify(function() { return booking.people.length === before + 1 })
            var added = booking.people.filter(function(p) { return p.name === "Jana Novak" })
            compare(added.length, 1)
            tryVerify(function() {
                return booking.people.filter(function(p) { return p.name === "Jana Novak" })[0].selected
            }, 5000, "the person added comes")
            verify(!findChild(sheet.contentItem, "newPerson").visible)
            // The reload that brought her kept what the rep had typed.
            compare(booking.agenda, "What the rep typed")
            keyClick(Qt.Key_Escape)
            tryCompare(sheet, "visible", false)
        }

        function test_aDisabledBookSaysWhy() {
            sheet.openFor(demo.dealWithConflict)
            var booking = findChild(sheet, "booking")
            tryCompare(booking, "canBook", true)
            tryCompare(sheet, "opened", true)
            compare(booking.whyNot, "")
            booking.customDate = "2026-13-40"
            compare(booking.canBook, false)
            var why = findChild(sheet, "whyNotLabel")
            verify(why.visible)
            compare(why.text, "Enter the date as YYYY-MM-DD and the time as HH:MM")
            booking.customDate = "2027-01-12"
            booking.customTime = "10:00"
            compare(booking.whyNot, "")
            verify(!why.visible)
            keyClick(Qt.Key_Escape)
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
