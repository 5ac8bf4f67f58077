// A month's grid to pick a day from (Qt's MonthGrid), with the date also typeable (keyboards,
// tests). Works in ISO dates (YYYY-MM-DD), the form the controllers take.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Popup {
    id: picker

    property string isoDate: ""
    property string earliest: ""  // days before it cannot be picked
    signal picked(string isoDate)

    property int shownMonth: 0  // 0-11, as MonthGrid counts
    property int shownYear: 2026

    function pad(n) { return (n < 10 ? "0" : "") + n }
    function isoOf(y, m, d) { return y + "-" + pad(m + 1) + "-" + pad(d) }
    // The local day an ISO date names, or null when it is not one.
    function dateOf(iso) {
        return /^\d{4}-\d{2}-\d{2}$/.test(iso)
            ? new Date(+iso.substr(0, 4), +iso.substr(5, 2) - 1, +iso.substr(8, 2)) : null
    }
    function openAt(iso) {
        isoDate = iso
        const d = dateOf(iso) || new Date()
        shownMonth = d.getMonth()
        shownYear = d.getFullYear()
        typed.text = iso
        open()
    }
    function step(months) {
        const m = shownMonth + months
        shownYear += Math.floor(m / 12)
        shownMonth = ((m % 12) + 12) % 12
    }
    function choose(iso) { picker.picked(iso); picker.close() }

    parent: Overlay.overlay
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 2 : 0
    width: Math.min(360, (parent ? parent.width : 360) - Theme.l * 2)
    modal: true
    focus: true
    padding: Theme.l
    Overlay.modal: Rectangle { color: Theme.scrim }
    background: Rectangle { color: Theme.surface; radius: Theme.sheetRadius }

    contentItem: ColumnLayout {
        spacing: Theme.s
        RowLayout {
            Layout.fillWidth: true
            ToolButton {
                text: "\u2039"
                font.pixelSize: Theme.title
                implicitWidth: Theme.touch
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Previous month")
                onClicked: picker.step(-1)
            }
            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: grid.locale.standaloneMonthName(picker.shownMonth) + " " + picker.shownYear
                font.pixelSize: Theme.body
                font.bold: true
                color: Theme.text
            }
            ToolButton {
                text: "\u203a"
                font.pixelSize: Theme.title
                implicitWidth: Theme.touch
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Next month")
                onClicked: picker.step(1)
            }
        }
        DayOfWeekRow {
            Layout.fillWidth: true
            locale: grid.locale
            delegate: Label {
                required property string shortName
                text: shortName
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: Theme.caption
                color: Theme.textMuted
            }
        }
        MonthGrid {
            id: grid
            objectName: "monthGrid"
            Layout.fillWidth: true
            month: picker.shownMonth
            year: picker.shownYear
            locale: Qt.locale()
            delegate: AbstractButton {
                id: cell
                required property int day
                required property int month
                required property int year
                required property bool today
                readonly property string iso: picker.isoOf(year, month, day)
                readonly property bool inMonth: month === grid.month
                readonly property bool chosen: iso === picker.isoDate
                objectName: "day-" + iso
                enabled: inMonth && (picker.earliest === "" || iso >= picker.earliest)
                implicitHeight: 40
                Accessible.name: iso
                onClicked: picker.choose(iso)
                background: Rectangle {
                    radius: height / 2
                    color: cell.chosen ? Theme.accent : cell.hovered ? Theme.surfaceMuted : "transparent"
                    border.width: cell.today && !cell.chosen ? 1 : 0
                    border.color: Theme.primary
                }
                contentItem: Label {
                    text: cell.day
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    font.pixelSize: Theme.body
                    color: cell.chosen ? Theme.onPrimary : cell.enabled ? Theme.text : Theme.fade(Theme.textMuted, 0.5)
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.s
            TextField {
                id: typed
                objectName: "typedDate"
                Layout.fillWidth: true
                placeholderText: qsTr("or type YYYY-MM-DD")
                inputMethodHints: Qt.ImhDate
                Accessible.name: qsTr("Date")
                onAccepted: if (picker.dateOf(text.trim())) picker.choose(text.trim())
            }
            Button {
                flat: true
                text: qsTr("Cancel")
                implicitHeight: Theme.touch
                onClicked: picker.close()
            }
        }
    }
}
