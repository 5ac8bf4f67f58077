// An account at the table, new or changed: its name (a company already there, or nearly, is
// pointed out as the rep types), industry, city and how often it wants a touch (rule 8).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

SheetFrame {
    id: sheet

    signal saved(string accountId)
    // The rep chose the account the name matched rather than a new one.
    signal useExisting(string accountId)

    title: form.accountId === "" ? qsTr("New account") : qsTr("Edit account")
    subtitle: form.accountId === "" ? qsTr("A customer you sell to") : ""

    function openNew() {
        form.accountId = ""
        form.clear()
        form.restart()
        open()
    }
    function openEdit(accountId) {
        form.accountId = accountId
        form.restart()
        open()
    }
    // For the screenshot run: a name that nearly matches the demo's Acme Logistics.
    function fillExample() {
        form.name = "ACME Logistics GmbH"
        form.city = "Rotterdam"
        form.zone = "amsterdam"  // a city, read as Europe/Amsterdam
    }

    AccountController {
        id: form
        objectName: "accountForm"
        store: AppStore
        onSaved: (accountId) => { sheet.close(); sheet.saved(accountId) }
    }

    FieldLabel { text: qsTr("Name") }
    TextField {
        objectName: "accountName"
        Layout.fillWidth: true
        text: form.name
        placeholderText: qsTr("e.g. Acme Logistics")
        Accessible.name: qsTr("Account name")
        onTextEdited: form.name = text
    }
    AccountHint {
        check: form.nameCheck
        namesNewAccount: true
        active: form.nameIsNew
        kept: form.keepNearName
        onUseRequested: (id, name) => { sheet.close(); sheet.useExisting(id) }
        onKeepRequested: form.keepNearName = true
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.s
        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            FieldLabel { text: qsTr("Industry") }
            TextField {
                objectName: "accountIndustry"
                Layout.fillWidth: true
                text: form.industry
                placeholderText: qsTr("e.g. Logistics")
                Accessible.name: qsTr("Industry")
                onTextEdited: form.industry = text
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            FieldLabel { text: qsTr("City") }
            TextField {
                objectName: "accountCity"
                Layout.fillWidth: true
                text: form.city
                placeholderText: qsTr("e.g. Rotterdam")
                Accessible.name: qsTr("City")
                onTextEdited: form.city = text
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.s
        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            FieldLabel { text: qsTr("Touch every (days)") }
            TextField {
                objectName: "accountCadence"
                Layout.fillWidth: true
                text: form.cadence
                placeholderText: qsTr("Team's cadence")
                inputMethodHints: Qt.ImhDigitsOnly
                Accessible.name: qsTr("Touch every so many days; empty for the team's cadence")
                onTextEdited: form.cadence = text
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            FieldLabel { text: qsTr("Time zone") }
            TextField {
                objectName: "accountZone"
                Layout.fillWidth: true
                text: form.zone
                placeholderText: qsTr("e.g. New York")
                Accessible.name: qsTr("The account's time zone, offered when booking")
                onTextEdited: form.zone = text
            }
        }
    }
    Label {
        // The zone as it will be stored, so "new york" is seen to mean America/New_York.
        visible: form.zoneFound !== "" && form.zoneFound !== form.zone.trim()
        Layout.fillWidth: true
        text: qsTr("Zone: %1").arg(form.zoneFound)
        color: Theme.textMuted
        font.pixelSize: Theme.caption
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
            objectName: "accountWhyNot"
            Layout.fillWidth: true
            text: form.whyNot
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.caption
            color: Theme.danger
        },
        Button {
            objectName: "saveAccountButton"
            text: form.saving ? qsTr("Saving…") : form.accountId === "" ? qsTr("Add account") : qsTr("Save")
            highlighted: true
            enabled: form.whyNot === "" && !form.saving && form.loaded
            implicitHeight: Theme.touch
            Accessible.name: form.accountId === "" ? qsTr("Add the account") : qsTr("Save the account")
            onClicked: form.save()
        }
    ]
}
