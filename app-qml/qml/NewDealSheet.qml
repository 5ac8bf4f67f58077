// A new deal in a few taps: a title, the account (an existing one is matched however it is typed;
// a near duplicate is asked about), the value, the rung it starts on. Then straight to booking
// its first meeting (rule 1: an open deal needs a next step). The same form changes a deal's title,
// account, value and currency (openEdit); its rung has the stage sheet.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

SheetFrame {
    id: sheet

    signal createdAndBook(string dealId)
    signal edited(string dealId)

    readonly property bool editing: form.dealId !== ""
    title: editing ? qsTr("Edit deal") : qsTr("New deal")
    subtitle: editing ? "" : qsTr("Then book its first meeting")

    function openNew() {
        form.dealId = ""
        form.clear()
        form.restart()
        open()
    }
    function openEdit(dealId) {
        form.dealId = dealId
        form.restart()
        open()
    }
    // For the screenshot run: a value with cents, typed once the deal has loaded.
    property string exampleValue: ""
    function editExample(dealId) {
        exampleValue = "12,000.50"
        openEdit(dealId)
    }

    // For the screenshot run: a deal as a rep would type it.
    function fillExample() {
        form.title = qsTr("Fleet telematics pilot")
        form.account = "Acme Logistics"
        form.value = "18500"
    }

    NewDealController {
        id: form
        objectName: "newDeal"
        store: AppStore
        onSaved: (dealId) => {
            sheet.close()
            if (sheet.editing) sheet.edited(dealId)
            else sheet.createdAndBook(dealId)
        }
        onStagesChanged: if (sheet.exampleValue !== "" && !form.loading) {
            form.value = sheet.exampleValue
            sheet.exampleValue = ""
        }
    }
    AccountNameCheck { id: accountCheck; store: AppStore; name: form.account }

    FieldLabel { text: qsTr("Title") }
    TextField {
        objectName: "dealTitle"
        Layout.fillWidth: true
        text: form.title
        placeholderText: qsTr("e.g. Route planning rollout")
        Accessible.name: qsTr("Title")
        onTextEdited: form.title = text
    }
    FieldLabel { text: qsTr("Account") }
    ComboBox {
        objectName: "dealAccount"
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
        check: accountCheck
        onUseRequested: (id, name) => form.account = name
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.s
        ColumnLayout {
            Layout.fillWidth: true
            FieldLabel { text: qsTr("Value") }
            TextField {
                objectName: "dealValue"
                Layout.fillWidth: true
                text: form.value
                placeholderText: "12000.50"
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                Accessible.name: qsTr("Value")
                onTextEdited: form.value = text
            }
        }
        ColumnLayout {
            Layout.preferredWidth: 96
            FieldLabel { text: qsTr("Currency") }
            TextField {
                Layout.fillWidth: true
                text: form.currency
                maximumLength: 3
                font.capitalization: Font.AllUppercase
                Accessible.name: qsTr("Currency")
                onTextEdited: form.currency = text
            }
        }
    }
    FieldLabel { visible: !sheet.editing; text: qsTr("Stage") }
    Flow {
        visible: !sheet.editing
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            model: form.stages
            delegate: ChoiceChip {
                required property string modelData
                required property int index
                text: modelData
                checked: form.stageIndex === index
                onClicked: form.stageIndex = index
            }
        }
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
            objectName: "newDealWhyNot"
            Layout.fillWidth: true
            text: form.whyNot
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.caption
            color: Theme.danger
        },
        Button {
            objectName: "createDealButton"
            text: form.saving ? qsTr("Saving…") : sheet.editing ? qsTr("Save") : qsTr("Create and book")
            highlighted: true
            enabled: form.whyNot === "" && !form.saving && form.loaded
            implicitHeight: Theme.touch
            Accessible.name: sheet.editing ? qsTr("Save the deal")
                                           : qsTr("Create the deal and book its first meeting")
            onClicked: form.save()
        }
    ]
}
