// Rule 5, before a meeting: the primary objective, a backup objective, and the commitments to ask
// for.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

SheetFrame {
    id: sheet

    title: qsTr("Plan the meeting")
    subtitle: plan.title + (plan.whenText !== "" ? " · " + plan.whenText : "")

    function openFor(meetingId) {
        plan.meetingId = meetingId
        plan.restart()
        open()
    }

    PreCallPlanController {
        id: plan
        store: AppStore
        onSaved: sheet.close()
    }

    InfoCard {
        visible: plan.goal !== ""
        tone: "info"
        Label { Layout.fillWidth: true; text: qsTr("Anticipated outcome: %1").arg(plan.goal); color: Theme.text; wrapMode: Text.WordWrap; font.pixelSize: Theme.body }
    }
    FieldLabel { text: qsTr("Primary objective") }
    TextField {
        Layout.fillWidth: true
        text: plan.primary
        placeholderText: qsTr("e.g. a meeting with the decision maker")
        Accessible.name: qsTr("Primary objective")
        onTextEdited: plan.primary = text
    }
    FieldLabel { text: qsTr("Backup objective, if the primary is out of reach") }
    TextField {
        Layout.fillWidth: true
        text: plan.backup
        placeholderText: qsTr("e.g. the decision maker's name and contact")
        Accessible.name: qsTr("Backup objective")
        onTextEdited: plan.backup = text
    }
    FieldLabel { text: qsTr("Commitments to ask for") }
    TextArea {
        Layout.fillWidth: true
        text: plan.asks
        wrapMode: TextEdit.Wrap
        placeholderText: qsTr("Their own effort: meet stakeholders, go through the proposal together, share data")
        Accessible.name: qsTr("Commitments to ask for")
        onTextChanged: if (activeFocus) plan.asks = text
    }
    Label {
        visible: plan.error !== ""
        Layout.fillWidth: true
        text: plan.error
        color: Theme.danger
        wrapMode: Text.WordWrap
    }

    footer: [
        Item { Layout.fillWidth: true },
        Button {
            flat: true
            text: qsTr("Cancel")
            implicitHeight: Theme.touch
            Accessible.name: text
            onClicked: sheet.close()
        },
        Button {
            highlighted: true
            text: qsTr("Save the plan")
            enabled: !plan.saving
            implicitHeight: Theme.touch
            Accessible.name: text
            onClicked: plan.save()
        }
    ]
}
