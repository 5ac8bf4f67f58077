// The deal's next step, on top of its page (rule 1): when, where, the goal, who comes, the plan;
// or, when there is none, the warning and the button to book it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

InfoCard {
    id: card

    property var nextStep: ({})
    readonly property bool has: nextStep.meetingId !== undefined

    signal bookRequested()
    signal planRequested(string meetingId)
    signal closeCallRequested(string meetingId)

    tone: has ? "" : "danger"

    RowLayout {
        Layout.fillWidth: true
        Label {
            Layout.fillWidth: true
            text: card.has ? qsTr("Next step") : Theme.iconWarning + " " + qsTr("No next step booked")
            font.pixelSize: Theme.caption
            font.bold: true
            font.capitalization: Font.AllUppercase
            color: card.has ? Theme.primary : Theme.danger
        }
        ToneBadge {
            visible: card.has && card.nextStep.inProgress === true
            text: qsTr("In progress")
            tone: "info"
        }
    }
    Label {
        visible: card.has
        Layout.fillWidth: true
        text: card.has ? card.nextStep.relative + " · " + qsTr("%1 min").arg(card.nextStep.duration) : ""
        font.pixelSize: Theme.title
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
    }
    Label {
        visible: card.has && (card.nextStep.goal || "") !== ""
        Layout.fillWidth: true
        text: qsTr("Goal: %1").arg(card.nextStep.goal || "")
        font.pixelSize: Theme.body
        color: Theme.text
        wrapMode: Text.WordWrap
    }
    Label {
        visible: card.has && (card.nextStep.place || "") !== ""
        Layout.fillWidth: true
        text: Theme.iconPlace + " " + (card.nextStep.place || "")
        font.pixelSize: Theme.body
        color: Theme.textMuted
        elide: Text.ElideRight
    }
    Label {
        visible: card.has && (card.nextStep.attendees || "") !== ""
        Layout.fillWidth: true
        text: qsTr("With %1").arg(card.nextStep.attendees || "")
        font.pixelSize: Theme.body
        color: Theme.textMuted
        wrapMode: Text.WordWrap
    }
    Label {
        visible: card.has && (card.nextStep.planPrimary || "") !== ""
        Layout.fillWidth: true
        text: qsTr("Plan: %1 · backup: %2").arg(card.nextStep.planPrimary || "").arg(card.nextStep.planBackup || "—")
        font.pixelSize: Theme.caption
        color: Theme.textMuted
        wrapMode: Text.WordWrap
    }
    Label {
        visible: !card.has
        Layout.fillWidth: true
        text: qsTr("Every open deal needs one booked, dated next step. Book it now, even offline.")
        font.pixelSize: Theme.body
        color: Theme.text
        wrapMode: Text.WordWrap
    }
    Flow {
        Layout.fillWidth: true
        Layout.topMargin: Theme.xs
        spacing: Theme.s
        Button {
            visible: !card.has
            highlighted: true
            text: qsTr("Book the next meeting")
            Accessible.name: text
            implicitHeight: Theme.touch
            onClicked: card.bookRequested()
        }
        Button {
            visible: card.has && card.nextStep.inProgress === true
            highlighted: true
            text: qsTr("Close the call")
            Accessible.name: text
            implicitHeight: Theme.touch
            onClicked: card.closeCallRequested(card.nextStep.meetingId)
        }
        Button {
            visible: card.has && card.nextStep.inProgress !== true
            flat: true
            text: (card.nextStep.planPrimary || "") === "" ? qsTr("Plan this meeting") : qsTr("Edit the plan")
            Accessible.name: text
            implicitHeight: Theme.touch
            onClicked: card.planRequested(card.nextStep.meetingId)
        }
    }
}
