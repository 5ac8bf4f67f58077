// A rep's first day in the real app window: a fresh install → add a deal and the person met →
// book → close the call with a Maybe and a dated customer action → reschedule → won. Only taps
// and typing, as a rep would; the checks read what the screens show.
import QtQuick
import QtTest
import NextStep

Item {
    id: root

    Main { id: app; startSize: "phone" }

    TestCase {
        name: "Journey"
        when: windowShown

        property int shot: 0

        function initTestCase() {
            failOnWarning(/.*/)
        }

        // The sheet whose parts the next steps look for (two sheets have "someone new").
        property var scope: null
        function find(name) {
            if (scope !== null) return findChild(scope, name)
            // The window's root item holds the pages and the overlay with the open sheets; the
            // sheets' own objects (their controllers) belong to the window.
            return findChild(app.contentItem.parent, name) || findChild(app, name)
        }
        // A sheet's controller: the sheet is made when its flow first opens.
        function made(name) {
            tryVerify(function() { return find(name) !== null }, 5000, name + " is made")
            return find(name)
        }
        function waitFor(name) {
            tryVerify(function() { var o = find(name); return o !== null && o.visible }, 10000,
                      name + " is shown")
            return find(name)
        }
        // Scrolls the sheet or page until the item is on screen, as a rep's thumb would.
        function reveal(item) {
            for (var attempt = 0; attempt < 10; ++attempt) {
                var top = item.mapToItem(null, 0, 0).y
                if (top >= 0 && top + item.height <= app.height - 96) return
                for (var p = item.parent; p; p = p.parent) {
                    if (p.contentY === undefined || p.contentHeight === undefined) continue
                    var y = item.mapToItem(p.contentItem, 0, 0).y
                    p.contentY = Math.max(0, Math.min(y - p.height / 3, p.contentHeight - p.height))
                    break
                }
                wait(100)
            }
        }
        function tap(name) {
            var o = waitFor(name)
            reveal(o)
            tryVerify(function() { return o.enabled }, 5000, name + " is enabled")
            mouseClick(o)
        }
        // A closing sheet's modal shade takes taps until it has gone.
        function tapAndClose(name) {
            var o = waitFor(name)
            tap(name)
            tryVerify(function() { return !o.visible }, 5000, name + "'s sheet closed")
            wait(300)
        }
        function typeInto(name, text) {
            var field = waitFor(name)
            reveal(field)
            mouseClick(field)
            tryVerify(function() { return field.activeFocus }, 2000, name + " has the focus")
            for (var i = 0; i < text.length; ++i) keyClick(text[i])
        }
        // Saves the window as a picture when the run asks for them.
        function picture(step) {
            ++shot
            if (journey.shots === "") return
            grabImage(app.contentItem).save(journey.shots + "/" + (shot < 10 ? "0" : "") + shot + "-" + step + ".png")
        }
        // "2026-12-07T10:00" plus minutes, on the same day.
        function later(iso, minutes) {
            var total = Number(iso.substr(11, 2)) * 60 + Number(iso.substr(14, 2)) + minutes
            var pad = function(n) { return (n < 10 ? "0" : "") + n }
            return iso.substr(0, 11) + pad(Math.floor(total / 60)) + ":" + pad(total % 60)
        }

        function test_aRepsFirstDay() {
            // A fresh install offers a way in, never "Well done" over nothing.
            // Keys go to the active window: the app's, as for a rep.
            app.requestActivate()
            tryVerify(function() { return app.active }, 5000, "the app's window is active")
            waitFor("firstRunCard")
            picture("fresh-install")

            // Add the deal.
            tap("firstDealButton")
            var newDeal = made("newDeal")
            tryCompare(newDeal, "loaded", true)
            typeInto("dealTitle", "Harbour fleet pilot")
            compare(newDeal.title, "Harbour fleet pilot")
            var account = waitFor("dealAccount")
            account.contentItem.forceActiveFocus()
            var name = "Harbour Logistics"
            for (var i = 0; i < name.length; ++i) keyClick(name[i])
            typeInto("dealValue", "18500.50")
            compare(newDeal.account, "Harbour Logistics")
            picture("new-deal")
            tap("createDealButton")

            // Book its first meeting, with the person met at the table.
            var booking = made("booking")
            tryVerify(function() { return booking.dealId !== "" && booking.loaded })
            tryVerify(function() { return booking.suggestions.length > 0 })
            scope = find("bookingSomeoneNew")
            tap("someoneNewButton")
            typeInto("personName", "Paula Ortiz")
            typeInto("personEmail", "paula@harbour.example")
            tap("addPersonButton")
            scope = null
            tryVerify(function() {
                return booking.people.some(function(p) { return p.name === "Paula Ortiz" && p.selected })
            }, 5000, "Paula is invited")
            tap("slot0")
            var first = booking.suggestions[0].at
            compare(booking.whyNot, "")
            picture("booking")
            tap("bookButton")
            tryVerify(function() { return booking.bookedMeetingId !== "" }, 5000, "booked")
            var held = booking.bookedMeetingId
            picture("booked")
            tapAndClose("doneButton")

            // The meeting's last ten minutes: Today says to close the call.
            verify(journey.setClock(later(first, booking.durationMin - 5)))
            tap("nav-today")
            tap("closeCallBannerButton")
            var call = made("callClose")
            tryVerify(function() { return call.dealId === booking.dealId }, 5000, "the call of this deal")

            // Maybe, with a date that means something, and what the customer will do by when.
            tap("result_maybe")
            tap("followUp0")
            typeInto("actionText", "Send the list of their depots")
            tap("actionDue")
            var due = call.dateChoices[1].date
            var picker = findChild(find("actionDue"), "datePicker")
            tryCompare(picker, "opened", true)
            mouseClick(findChild(picker.contentItem, "day-" + due))
            tryCompare(picker, "visible", false)
            tap("addAction")
            tryCompare(call.actions, "count", 1)
            compare(call.actions.get(0).when !== "", true)
            compare(call.missing, "")
            picture("close-the-call")
            tap("saveAndBook")

            // Straight to booking; the deal gets its next meeting.
            tryVerify(function() { return booking.loaded && booking.plannedWhen === "" }, 5000,
                      "the held meeting is not the next one")
            tap("slot0")
            tap("bookButton")
            tryVerify(function() { return booking.bookedMeetingId !== held }, 5000, "a new next meeting")
            var second = booking.bookedMeetingId
            tapAndClose("doneButton")

            // Reschedule: the same meeting moves (rule 1: one next meeting).
            tap("moveOrAnotherButton")
            tryVerify(function() { return booking.loaded && booking.plannedWhen !== "" }, 5000)
            tap("moveChoice")
            tap("slot1")
            picture("reschedule")
            tap("bookButton")
            tryVerify(function() { return booking.bookedMeetingId === second }, 5000,
                      "the same meeting moved")
            tapAndClose("doneButton")

            // Won.
            tap("stageButton")
            var stage = made("dealStage")
            tryCompare(stage, "loaded", true)
            tap("outcome_won")
            tap("saveStageButton")
            tryVerify(function() { return find("dealStatus").text.indexOf("Won") >= 0 }, 5000,
                      "the deal page says Won")
            wait(300)  // the stage sheet fades out
            picture("won")
        }
    }
}
