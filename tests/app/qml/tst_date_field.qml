// Picking a date at the table: the field opens a month, a tapped day is the date picked, days
// before the earliest cannot be picked, and a typed date works too.
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 390
    height: 844

    DateField {
        id: field
        earliest: "2026-12-08"
        isoDate: "2026-12-10"
        onPicked: (iso) => isoDate = iso
    }
    SignalSpy { id: picked; target: field; signalName: "picked" }

    TestCase {
        name: "DateField"
        when: windowShown

        function initTestCase() { failOnWarning(/.*/) }

        function dayCell(iso) {
            var grid = findChild(field, "monthGrid")
            for (var i = 0; i < grid.contentItem.children.length; ++i) {
                var c = grid.contentItem.children[i]
                if (c.iso === iso) return c
            }
            return null
        }

        function test_aTappedDayIsPickedAndEarlierDaysAreNot() {
            verify(field.text.indexOf("10 Dec 2026") >= 0, field.text)
            mouseClick(field)
            var picker = findChild(field, "datePicker")
            tryCompare(picker, "opened", true)
            compare(picker.shownMonth, 11)
            var early = dayCell("2026-12-07")
            verify(early !== null)
            verify(!early.enabled, "before the earliest day")
            mouseClick(dayCell("2026-12-15"))
            tryCompare(picker, "visible", false)
            compare(picked.count, 1)
            compare(field.isoDate, "2026-12-15")
        }

        function test_theNextMonthAndATypedDate() {
            picked.clear()
            mouseClick(field)
            var picker = findChild(field, "datePicker")
            tryCompare(picker, "opened", true)
            picker.step(1)
            compare(picker.shownMonth, 0)
            compare(picker.shownYear, 2027)
            verify(dayCell("2027-01-12").enabled)
            var typed = findChild(field, "typedDate")
            typed.text = "2027-02-03"
            typed.forceActiveFocus()
            keyClick(Qt.Key_Return)
            tryCompare(picker, "visible", false)
            compare(field.isoDate, "2027-02-03")
        }
    }
}
