// A person at the customer, new or changed: name, email (invitations go there), phone, job title,
// the part they play in the decision, and the account they work at.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

SheetFrame {
    id: sheet

    signal saved(string contactId)

    title: form.contactId === "" ? qsTr("New contact") : qsTr("Edit contact")
    subtitle: form.contactId === "" ? qsTr("Someone at the customer") : ""

    // A new contact, at this account when one is named.
    function openNew(accountName) {
        form.startNew(accountName || "")
        open()
    }
    function openEdit(contactId) {
        form.contactId = contactId
        form.restart()
        open()
    }
    // For the screenshot run: a bad address, said next to Save.
    function fillExample() {
        form.name = "Noor Visser"
        form.jobTitle = qsTr("Head of Procurement")
        form.email = "noor.visser@acme"
        form.role = "approver"
    }

    ContactController {
        id: form
        objectName: "contactForm"
        store: AppStore
        onSaved: (contactId) => { sheet.close(); sheet.saved(contactId) }
    }

    FieldLabel { text: qsTr("Name") }
    TextField {
        objectName: "contactName"
        Layout.fillWidth: true
        text: form.name
        placeholderText: qsTr("e.g. Maria Jansen")
        Accessible.name: qsTr("Name")
        onTextEdited: form.name = text
    }
    FieldLabel { text: qsTr("Job title") }
    TextField {
        objectName: "contactTitle"
        Layout.fillWidth: true
        text: form.jobTitle
        placeholderText: qsTr("e.g. COO")
        Accessible.name: qsTr("Job title")
        onTextEdited: form.jobTitle = text
    }
    FieldLabel { text: qsTr("Role in the decision") }
    RoleChips {
        role: form.role
        onChosen: (key) => form.role = key
    }
    FieldLabel { text: qsTr("Email") }
    TextField {
        objectName: "contactEmail"
        Layout.fillWidth: true
        text: form.email
        placeholderText: qsTr("name@company.com, for invitations")
        inputMethodHints: Qt.ImhEmailCharactersOnly
        Accessible.name: qsTr("Email")
        onTextEdited: form.email = text
    }
    FieldLabel { text: qsTr("Phone") }
    TextField {
        objectName: "contactPhone"
        Layout.fillWidth: true
        text: form.phone
        inputMethodHints: Qt.ImhDialableCharactersOnly
        Accessible.name: qsTr("Phone")
        onTextEdited: form.phone = text
    }
    FieldLabel { text: qsTr("Account") }
    ComboBox {
        objectName: "contactAccount"
        Layout.fillWidth: true
        editable: true
        model: form.accounts
        implicitHeight: Theme.touch
        editText: form.account
        Accessible.name: qsTr("Account")
        onEditTextChanged: form.account = editText
        onActivated: (index) => form.account = form.accounts[index]
    }
    AccountHint {
        check: form.accountCheck
        active: form.accountIsNew
        onUseRequested: (id, name) => form.account = name
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
            objectName: "contactWhyNot"
            Layout.fillWidth: true
            text: form.whyNot
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.caption
            color: Theme.danger
        },
        Button {
            objectName: "saveContactButton"
            text: form.saving ? qsTr("Saving…") : form.contactId === "" ? qsTr("Add contact") : qsTr("Save")
            highlighted: true
            enabled: form.whyNot === "" && !form.saving && form.loaded
            implicitHeight: Theme.touch
            Accessible.name: form.contactId === "" ? qsTr("Add the contact") : qsTr("Save the contact")
            onClicked: form.save()
        }
    ]
}
