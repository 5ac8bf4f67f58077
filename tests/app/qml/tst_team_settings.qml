// The team's working days: suggested slots fall on them, and the last one cannot be taken off.
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 390
    height: 844

    TeamSettingsController { id: team; store: AppStore }
    SignalSpy { id: saved; target: team; signalName: "saved" }

    TestCase {
        name: "TeamSettings"
        when: windowShown

        function initTestCase() {
            failOnWarning(/.*/)
            verify(demo.ok)
            tryCompare(team, "loaded", true)
        }

        function setDay(day, working) {
            saved.clear()
            team.setWorkingDay(day, working)
            tryCompare(saved, "count", 1)
            team.refresh()
        }

        function test_workingDaysChangeAndTheLastOneStays() {
            compare(team.workingDaysText, "Mon-Fri")
            setDay(0, true)   // Sunday on
            tryCompare(team, "workingDaysText", "Sun-Fri")
            for (var day = 0; day < 5; ++day) setDay(day, false)
            tryCompare(team, "workingDaysText", "Fri")
            team.setWorkingDay(5, false)
            tryCompare(team, "error", "working days must include at least one day of the week")
            compare(team.workingDaysText, "Fri")
            for (day = 1; day < 5; ++day) setDay(day, true)
            setDay(0, false)
            tryCompare(team, "workingDaysText", "Mon-Fri")
            compare(team.error, "")
        }
    }
}
