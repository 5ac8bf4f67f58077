// Someone met at the table, added in a few taps without leaving the sheet (booking, closing the
// call): a name, an email, the part they play. The sheet's controller adds them to the deal's
// account and calls reset() when they are in.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

ColumnLayout {
    id: someone

    // What the add button says, e.g. "Add and invite".
    property string addText: qsTr("Add")
    property string emailHint: qsTr("Email")
    signal addRequested(string name, string email, string role)

    function reset() {
        personName.text = ""
        personEmail.text = ""
        newPerson.visible = false
    }

    Layout.fillWidth: true
    spacing: Theme.s

    Button {
        objectName: "someoneNewButton"
        visible: !newPerson.visible
        flat: true
        text: qsTr("+ Someone new")
        implicitHeight: Theme.touch
        Accessible.name: qsTr("Add someone new")
        onClicked: { newPerson.visible = true; personName.forceActiveFocus() }
    }
    ColumnLayout {
        id: newPerson
        objectName: "newPerson"
        property string role: "decision_maker"
        visible: false
        Layout.fillWidth: true
        spacing: Theme.s
        TextField {
            id: personName
            objectName: "personName"
            Layout.fillWidth: true
            placeholderText: qsTr("Name")
            Accessible.name: qsTr("Name")
        }
        TextField {
            id: personEmail
            objectName: "personEmail"
            Layout.fillWidth: true
            placeholderText: someone.emailHint
            inputMethodHints: Qt.ImhEmailCharactersOnly
            Accessible.name: qsTr("Email")
        }
        RoleChips {
            role: newPerson.role
            onChosen: (key) => newPerson.role = key
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.s
            Label {
                Layout.fillWidth: true
                text: personName.text.trim() === "" ? qsTr("A name first") : ""
                font.pixelSize: Theme.caption
                color: Theme.textMuted
            }
            Button {
                flat: true
                text: qsTr("Cancel")
                implicitHeight: Theme.touch
                onClicked: newPerson.visible = false
            }
            Button {
                objectName: "addPersonButton"
                text: someone.addText
                enabled: personName.text.trim() !== ""
                implicitHeight: Theme.touch
                onClicked: someone.addRequested(personName.text, personEmail.text, newPerson.role)
            }
        }
    }
}
