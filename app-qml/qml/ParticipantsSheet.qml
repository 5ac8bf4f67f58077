// Who came to the event (rule 10): the team's contacts, found by name as the rep types, each
// added in one tap. Everyone added is interested until the rep books them or says otherwise.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

SheetFrame {
    id: sheet

    property string eventTitle: ""

    title: qsTr("Who came")
    subtitle: eventTitle

    function openFor(eventId) {
        picker.query = ""
        picker.eventId = eventId
        picker.restart()
        open()
    }

    ParticipantPicker {
        id: picker
        objectName: "participantPicker"
        store: AppStore
    }

    TextField {
        objectName: "participantQuery"
        Layout.fillWidth: true
        text: picker.query
        placeholderText: qsTr("Find a contact by name")
        inputMethodHints: Qt.ImhNoPredictiveText
        Accessible.name: qsTr("Find a contact")
        onTextEdited: picker.query = text
    }
    Label {
        visible: picker.error !== ""
        Layout.fillWidth: true
        text: picker.error
        color: Theme.danger
        wrapMode: Text.WordWrap
    }
    Repeater {
        model: picker.candidates
        delegate: CardDelegate {
            Layout.fillWidth: true
            showDetail: false
            Accessible.name: qsTr("Add %1").arg(title)
            onClicked: picker.add(recordId)
        }
    }
    Label {
        objectName: "participantsEmpty"
        visible: picker.loaded && picker.candidates.count === 0
        Layout.fillWidth: true
        text: picker.query.trim() === ""
              ? qsTr("Everyone in your contacts is already listed. Add a new contact from Contacts.")
              : qsTr("No contact matches \u201c%1\u201d. Add them from Contacts first.").arg(picker.query.trim())
        color: Theme.textMuted
        wrapMode: Text.WordWrap
    }

    footer: [
        Label {
            objectName: "participantsAdded"
            Layout.fillWidth: true
            text: picker.added === 0 ? qsTr("Tap a contact to add them")
                                     : picker.added === 1 ? qsTr("1 added") : qsTr("%1 added").arg(picker.added)
            font.pixelSize: Theme.caption
            color: picker.added === 0 ? Theme.textMuted : Theme.good
        },
        Button {
            text: qsTr("Done")
            highlighted: true
            implicitHeight: Theme.touch
            onClicked: sheet.close()
        }
    ]
}
