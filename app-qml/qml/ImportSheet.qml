// A pipeline brought in from the CRM the team used before: the CSV file it exported, which CRM
// that was, a check that says row by row what will happen, then the import.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import NextStep

SheetFrame {
    id: sheet

    title: qsTr("Import from your CRM")
    subtitle: qsTr("The CSV file your old CRM exports")

    function openNew() {
        form.clear()
        open()
    }
    // For the screenshot run and the tests: a file, its CRM, and the check's report.
    function checkExample(path, source) {
        form.source = source
        form.file = path
        form.check()
    }

    ImportController {
        id: form
        objectName: "importForm"
        store: AppStore
    }

    FileDialog {
        id: chooser
        title: qsTr("The CSV file your CRM exported")
        nameFilters: [qsTr("CSV files (*.csv *.txt)"), qsTr("All files (*)")]
        onAccepted: form.file = selectedFile.toString()
    }

    FieldLabel { text: qsTr("Exported from") }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            model: [
                { key: "salesforce", label: qsTr("Salesforce") },
                { key: "hubspot", label: qsTr("HubSpot") },
                { key: "pipedrive", label: qsTr("Pipedrive") },
                { key: "nextstep", label: qsTr("NextStep export") }
            ]
            delegate: ChoiceChip {
                required property var modelData
                objectName: "source_" + modelData.key
                text: modelData.label
                checked: form.source === modelData.key
                onClicked: form.source = modelData.key
            }
        }
    }

    FieldLabel { text: qsTr("File") }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.s
        TextField {
            objectName: "importFile"
            Layout.fillWidth: true
            text: form.file
            placeholderText: qsTr("/home/you/Downloads/deals.csv")
            Accessible.name: qsTr("Path of the CSV file")
            onTextEdited: form.file = text
        }
        Button {
            objectName: "chooseFileButton"
            text: qsTr("Choose…")
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Choose the CSV file")
            onClicked: chooser.open()
        }
    }

    InfoCard {
        objectName: "importReport"
        visible: form.summary !== ""
        Layout.fillWidth: true
        tone: form.imported ? "good" : form.toAdd > 0 ? "info" : "warning"
        Label {
            objectName: "importSummary"
            Layout.fillWidth: true
            text: form.summary
            font.pixelSize: Theme.body
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: form.problems
            delegate: Label {
                required property string modelData
                Layout.fillWidth: true
                text: modelData
                font.pixelSize: Theme.caption
                color: Theme.textMuted
                wrapMode: Text.WordWrap
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
            objectName: "importWhyNot"
            Layout.fillWidth: true
            text: form.whyNot !== "" ? form.whyNot
                  : form.imported ? ""
                  : !form.checked ? qsTr("Check the file first: nothing is written until you import.")
                  : form.toAdd === 0 ? qsTr("Nothing in this file can be added.")
                  : ""
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.caption
            color: form.whyNot !== "" || (form.checked && form.toAdd === 0) ? Theme.danger : Theme.textMuted
        },
        Button {
            objectName: "checkImportButton"
            visible: !form.imported
            text: form.busy && !form.checked ? qsTr("Checking…") : qsTr("Check")
            enabled: form.whyNot === "" && !form.checked
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Check the file without importing")
            onClicked: form.check()
        },
        Button {
            objectName: "runImportButton"
            text: form.imported ? qsTr("Done")
                  : form.busy ? qsTr("Importing…")
                  : qsTr("Import %1").arg(form.toAdd)
            highlighted: true
            enabled: form.imported || (form.whyNot === "" && form.checked && form.toAdd > 0)
            implicitHeight: Theme.touch
            Accessible.name: form.imported ? qsTr("Close") : qsTr("Import the rows the check accepted")
            onClicked: form.imported ? sheet.close() : form.run()
        }
    ]
}
