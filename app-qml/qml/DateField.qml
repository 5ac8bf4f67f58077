// A date as a rep picks it at the table: the day in words, and a tap opens the month to pick
// from (typing stays possible there). Holds an ISO date (YYYY-MM-DD) or nothing.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

AbstractButton {
    id: field

    property string isoDate: ""
    property string placeholder: qsTr("Pick a day")
    // A next step lies ahead: days before today cannot be picked unless the owner says otherwise.
    property string earliest: Qt.formatDate(new Date(), "yyyy-MM-dd")
    signal picked(string isoDate)

    function shown() {
        const d = picker.dateOf(isoDate)
        return d ? d.toLocaleDateString(Qt.locale(), "ddd d MMM yyyy") : isoDate
    }

    implicitHeight: Theme.touch
    implicitWidth: 160
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.Button
    Accessible.name: text
    text: isoDate === "" ? placeholder : shown()
    onClicked: picker.openAt(isoDate)
    // The month must not stay on screen after its sheet has gone (it lives in the overlay).
    onVisibleChanged: if (!visible) picker.close()
    Keys.onReturnPressed: picker.openAt(isoDate)

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: field.visualFocus ? 2 : 1
        border.color: field.visualFocus ? Theme.primary : Theme.outline
    }
    contentItem: Label {
        leftPadding: Theme.m
        rightPadding: Theme.m
        verticalAlignment: Text.AlignVCenter
        text: field.text
        elide: Text.ElideRight
        font.pixelSize: Theme.body
        color: field.isoDate === "" ? Theme.textMuted : Theme.text
    }

    DatePicker {
        id: picker
        objectName: "datePicker"
        earliest: field.earliest
        // The owner sets isoDate (usually bound to its controller), so a binding is never broken.
        onPicked: (iso) => field.picked(iso)
    }
}
