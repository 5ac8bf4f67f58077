// A demo, webinar or seminar logged in a few taps (rule 10): what it was, its title, the day and
// time, the place. Then straight to who came, so each can get a next step.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

SheetFrame {
    id: sheet

    signal createdAndPick(string eventId)

    title: qsTr("New event")
    subtitle: qsTr("Then add who came")

    function openNew() {
        // Empty at once: the restart's reload (which fills the day and time) answers later.
        form.kindIndex = 0
        form.title = ""
        form.place = ""
        form.restart()
        open()
    }
    // For the screenshot run: an event as a rep would log it.
    function fillExample() {
        form.kindIndex = 1
        form.title = qsTr("Route planning webinar")
        form.place = qsTr("Online")
    }

    NewEventController {
        id: form
        objectName: "newEvent"
        store: AppStore
        onSaved: (eventId) => { sheet.close(); sheet.createdAndPick(eventId) }
    }

    FieldLabel { text: qsTr("Kind") }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            model: form.kinds
            delegate: ChoiceChip {
                required property string modelData
                required property int index
                text: modelData
                checked: form.kindIndex === index
                onClicked: form.kindIndex = index
            }
        }
    }
    FieldLabel { text: qsTr("Title") }
    TextField {
        objectName: "eventTitle"
        Layout.fillWidth: true
        text: form.title
        placeholderText: qsTr("e.g. Spring product demo")
        Accessible.name: qsTr("Title")
        onTextEdited: form.title = text
    }
    FieldLabel { text: qsTr("When") }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.s
        DateField {
            objectName: "eventDate"
            Layout.fillWidth: true
            isoDate: form.date
            // Events are mostly logged afterwards: past days can be picked.
            earliest: ""
            Accessible.name: qsTr("Day: %1").arg(text)
            onPicked: (iso) => form.date = iso
        }
        TextField {
            objectName: "eventTime"
            Layout.preferredWidth: 96
            text: form.time
            placeholderText: qsTr("HH:MM")
            inputMethodHints: Qt.ImhTime
            Accessible.name: qsTr("Time")
            onTextEdited: form.time = text
        }
        Label { text: form.zoneName; color: Theme.textMuted; font.pixelSize: Theme.caption }
    }
    FieldLabel { text: qsTr("Place") }
    TextField {
        objectName: "eventPlace"
        Layout.fillWidth: true
        text: form.place
        placeholderText: qsTr("e.g. Online, or the hotel's name")
        Accessible.name: qsTr("Place")
        onTextEdited: form.place = text
    }
    Label {
        visible: form.error !== ""
        Layout.fillWidth: true
        text: form.error
        color: Theme.danger
        wrapMode: Text.WordWrap
    }

    footer: [
        Label {
            objectName: "newEventWhyNot"
            Layout.fillWidth: true
            text: form.whyNot
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.caption
            color: Theme.danger
        },
        Button {
            objectName: "createEventButton"
            text: form.saving ? qsTr("Saving…") : qsTr("Save and add who came")
            highlighted: true
            enabled: form.whyNot === "" && !form.saving && form.loaded
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Save the event and add its participants")
            onClicked: form.create()
        }
    ]
}
