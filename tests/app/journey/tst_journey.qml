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

        function find(name) {
            return findChild(app, name)
        }
        function waitFor(name) {
            tryVerify(function() { var o = find(name); return o !== null && o.visible }, 10000,
                      name + " is shown")
            return find(name)
        }
        function tap(name) {
            var o = waitFor(name)
            tryVerify(function() { return o.enabled }, 5000, name + " is enabled")
            mouseClick(o)
        }
        function typeInto(name, text) {
            var field = waitFor(name)
            mouseClick(field)
            for (var i = 0; i < text.length; ++i) keyClick(text[i])
        }
        // Saves the window as a picture when the run asks for them.
        function picture(step) {
            ++shot
            if (journey.shots === "") return
            var done = false
            app.contentItem.grabToImage(function(result) {
                result.saveToFile(journey.shots + "/" + (shot < 10 ? "0" : "") + shot + "-" + step + ".png")
                done = true
            })
            tryVerify(function() { return done }, 5000)
        }
        // "2026-12-07T10:00" plus minutes, on the same day.
        function later(iso, minutes) {
            var total = Number(iso.substr(11, 2)) * 60 + Number(iso.substr(14, 2)) + minutes
            var pad = function(n) { return (n < 10 ? "0" : "") + n }
            return iso.substr(0, 11) + pad(Math.floor(total / 60)) + ":" + pad(total % 60)
        }

        function test_aRepsFirstDay() {
            // A fresh install offers a way in, never "Well done" over nothing.
            var firstRun = waitFor("firstRunCard")
            picture("fresh-install")

            // Add the deal.
            tap("firstDealButton")
            var newDeal = find("newDeal")
            tryCompare(newDeal, "loaded", true)
            typeInto("dealTitle", "Harbour fleet pilot")
            var account = waitFor("dealAccount")
            mouseClick(account.contentItem)
            var name = "Harbour Logistics"
            for (var i = 0; i < name.length; ++i) keyClick(name[i])
            typeInto("dealValue", "18500.50")
            compare(newDeal.account, "Harbour Logistics")
            picture("new-deal")
            tap("createDealButton")

            // Book its first meeting, with the person met at the table.
            var booking = find("booking")
            tryVerify(function() { return booking.dealId !== "" && booking.loaded })
            tryVerify(function() { return booking.suggestions.length > 0 })
            tap("someoneNewButton")
            typeInto("personName", "Paula Ortiz")
            typeInto("personEmail", "paula@harbour.example")
            tap("addPersonButton")
            tryVerify(function() {
                return booking.people.some(function(p) { return p.name === "Paula Ortiz" && p.selected })
            }, 5000, "Paula is invited")
            tap("slot0")
            var first = booking.suggestions[0].at
            compare(booking.whyNot, "")
            picture("booking")
            tap("bookButton")
            tryVerify(function() { return booking.bookedMeetingId !== "" }, 5000, "booked")
            picture("booked")
            tap("doneButton")

            // The meeting's last ten minutes: Today says to close the call.
            verify(journey.setClock(later(first, booking.durationMin - 5)))
            tap("nav-today")
            tap("closeCallBannerButton")
            var call = find("callClose")
            tryVerify(function() { return call.dealId === booking.dealId }, 5000, "the call of this deal")

            // Maybe, with a date that means something, and what the customer will do by when.
            tap("result_maybe")
            tap("followUp0")
            typeInto("actionText", "Send the list of their depots")
            tap("actionDue")
            var due = call.dateChoices[1].date
            tap("day-" + due)
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
            tryVerify(function() { return booking.bookedMeetingId !== "" }, 5000)
            var second = booking.bookedMeetingId
            tap("doneButton")

            // Reschedule: the same meeting moves (rule 1: one next meeting).
            tap("moveOrAnotherButton")
            tryVerify(function() { return booking.loaded && booking.plannedWhen !== "" }, 5000)
            tap("moveChoice")
            tap("slot1")
            picture("reschedule")
            tap("bookButton")
            tryVerify(function() { return booking.bookedMeetingId === second }, 5000,
                      "the same meeting moved")
            tap("doneButton")

            // Won.
            tap("stageButton")
            var stage = find("dealStage")
            tryCompare(stage, "loaded", true)
            tap("outcome_won")
            tap("saveStageButton")
            tryVerify(function() { return find("dealStatus").text.indexOf("Won") >= 0 }, 5000,
                      "the deal page says Won")
            picture("won")
        }
    }
}
