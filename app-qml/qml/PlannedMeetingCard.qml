// Rule 1: one next meeting per deal. Booking on a deal that has one moves it, unless the rep
// deliberately adds a second one.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

InfoCard {
    id: card

    // The deal's next meeting as the rep reads it, e.g. "Thu 3 Dec, 14:00".
    property string plannedWhen: ""
    property bool addAnother: false
    signal addAnotherChosen(bool another)

    tone: "warning"
    Label {
        Layout.fillWidth: true
        text: qsTr("This deal's next meeting is %1.").arg(card.plannedWhen)
        font.pixelSize: Theme.body
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.s
        ChoiceChip {
            objectName: "moveChoice"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: qsTr("Move it")
            subtitle: qsTr("Same invitation")
            checked: !card.addAnother
            onClicked: card.addAnotherChosen(false)
        }
        ChoiceChip {
            objectName: "anotherChoice"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: qsTr("Add another")
            subtitle: qsTr("Keep both")
            checked: card.addAnother
            onClicked: card.addAnotherChosen(true)
        }
    }
}
