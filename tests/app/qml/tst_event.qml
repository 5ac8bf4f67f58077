// Rule 10 from the app: an event is logged, who came is added from the contacts, and each then
// waits for a next step.
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 390
    height: 844

    EventSheet { id: sheet; wide: false }
    ParticipantsSheet { id: who; wide: false }
    EventController { id: events; store: AppStore }
    SignalSpy { id: created; target: sheet; signalName: "createdAndPick" }

    TestCase {
        name: "Event"
        when: windowShown

        function initTestCase() {
            failOnWarning(/.*/)
            verify(demo.ok)
        }

        function newEvent(title) {
            created.clear()
            sheet.openNew()
            var form = findChild(sheet, "newEvent")
            tryCompare(form, "loaded", true)
            tryCompare(sheet, "opened", true)
            form.title = title
            mouseClick(findChild(sheet, "createEventButton"))
            tryCompare(created, "count", 1)
            tryCompare(sheet, "visible", false)
            return created.signalArguments[0][0]
        }

        function test_anEventNeedsATitleAndATimeAndSaysSo() {
            sheet.openNew()
            var form = findChild(sheet, "newEvent")
            tryCompare(form, "loaded", true)
            var save = findChild(sheet, "createEventButton")
            verify(!save.enabled)
            compare(findChild(sheet, "newEventWhyNot").text, "Give the event a title")
            form.title = "Spring demo"
            form.time = "25:99"
            compare(form.whyNot, "The time is hours and minutes, like 14:30")
            verify(!save.enabled)
            form.time = "14:30"
            compare(form.whyNot, "")
            verify(save.enabled)
            keyClick(Qt.Key_Escape)
            tryCompare(sheet, "visible", false)
        }

        function test_anEventIsLoggedWithItsKindAndPlace() {
            sheet.openNew()
            var form = findChild(sheet, "newEvent")
            tryCompare(form, "loaded", true)
            form.kindIndex = 2
            form.title = "Logistics seminar"
            form.place = "Hotel Krasnapolsky"
            form.date = "2026-11-20"  // logged afterwards: a past day is allowed
            form.time = "09:30"
            created.clear()
            mouseClick(findChild(sheet, "createEventButton"))
            tryCompare(created, "count", 1)
            events.eventId = created.signalArguments[0][0]
            tryCompare(events, "title", "Logistics seminar")
            verify(events.subtitle.indexOf("Seminar") === 0, events.subtitle)
            verify(events.subtitle.indexOf("Hotel Krasnapolsky") > 0, events.subtitle)
        }

        function test_whoCameIsAddedAndThenWaitsForANextStep() {
            var id = newEvent("Route planning webinar")
            who.openFor(id)
            var picker = findChild(who, "participantPicker")
            tryCompare(picker, "loaded", true)
            verify(picker.candidates.count >= 10)
            picker.query = "ingrid"
            tryCompare(picker.candidates, "count", 1)
            compare(findChild(who, "participantsAdded").text, "Tap a contact to add them")
            picker.add(picker.candidates.get(0).recordId)
            tryCompare(picker, "added", 1)
            compare(findChild(who, "participantsAdded").text, "1 added")
            // Once added, she is not offered again.
            tryCompare(picker.candidates, "count", 0)
            verify(findChild(who, "participantsEmpty").visible)
            picker.query = "lars"
            tryCompare(picker.candidates, "count", 1)
            picker.add(picker.candidates.get(0).recordId)
            tryCompare(picker, "added", 2)
            who.close()
            events.eventId = id
            tryCompare(events.participants, "count", 2)
            // Each waits for a next step unless a meeting after the event already has them.
            var waiting = 0
            for (var i = 0; i < 2; ++i)
                if (events.participants.get(i).badge === "No next step yet") ++waiting
            verify(waiting >= 1)
            compare(events.withoutNextStep, waiting)

            // One says at the door they will not go on: no next step is asked for them.
            var row = -1
            for (var j = 0; j < 2; ++j)
                if (events.participants.get(j).badge === "No next step yet") row = j
            var person = events.participants.get(row).recordId
            events.setInterested(person, false)
            tryCompare(events, "withoutNextStep", waiting - 1)
            compare(events.participants.get(row).badge, "Not interested")
            compare(events.participants.get(row).kind, "uninterested-participant")
            events.setInterested(person, true)
            tryCompare(events, "withoutNextStep", waiting)
        }
    }
}
