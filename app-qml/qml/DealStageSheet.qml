// A deal's rung on the team's ladder and its outcome (rule 11): up a rung, several at once when
// the customer is ready, won, or lost with the reason, or reopened. A disabled Save says why.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

SheetFrame {
    id: sheet

    title: qsTr("Stage and outcome")
    subtitle: form.title

    function openFor(dealId) {
        form.dealId = dealId
        form.restart()
        open()
    }

    // For the screenshot run: skipping a rung, as a rep does when the customer is ready (once the
    // deal has loaded, which resets the form).
    property bool skipExample: false
    function showSkipExample() { skipExample = true }

    DealStageController {
        id: form
        objectName: "dealStage"
        store: AppStore
        onSaved: sheet.close()
        onLoadedDeal: {
            if (!sheet.skipExample) return
            sheet.skipExample = false
            form.chosenIndex = Math.min(form.currentIndex + 2, form.stages.length - 1)
        }
    }

    FieldLabel { text: qsTr("Stage") }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            objectName: "stageChips"
            model: form.stages
            delegate: ChoiceChip {
                required property string modelData
                required property int index
                text: modelData
                subtitle: index === form.currentIndex ? qsTr("now") : ""
                checked: form.chosenIndex === index
                onClicked: form.chosenIndex = index
            }
        }
    }
    Label {
        objectName: "stageMove"
        visible: form.moveText !== ""
        Layout.fillWidth: true
        text: form.moveText
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.caption
        color: Theme.textMuted
    }

    FieldLabel { text: qsTr("Outcome") }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            objectName: "outcomeChips"
            model: [
                { key: "open", label: qsTr("Open"), tone: "neutral" },
                { key: "won", label: qsTr("Won"), tone: "good" },
                { key: "lost", label: qsTr("Lost"), tone: "danger" }
            ]
            delegate: ChoiceChip {
                required property var modelData
                objectName: "outcome_" + modelData.key
                Layout.fillWidth: true
                text: modelData.label
                tone: modelData.tone
                checked: form.outcome === modelData.key
                onClicked: form.outcome = modelData.key
            }
        }
    }
    FieldLabel { visible: form.outcome === "lost"; text: qsTr("Why it was lost") }
    TextField {
        objectName: "lostReason"
        visible: form.outcome === "lost"
        Layout.fillWidth: true
        text: form.lostReason
        placeholderText: qsTr("e.g. chose another supplier")
        Accessible.name: qsTr("Why it was lost")
        onTextEdited: form.lostReason = text
    }
    Label {
        visible: form.outcome === "open" && form.status !== "open"
        Layout.fillWidth: true
        text: qsTr("Reopened, the deal needs a booked next meeting again.")
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.caption
        color: Theme.textMuted
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
            objectName: "stageWhyNot"
            Layout.fillWidth: true
            text: form.whyNot
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.caption
            color: Theme.textMuted
        },
        Button {
            objectName: "saveStageButton"
            text: form.saving ? qsTr("Saving…") : qsTr("Save")
            highlighted: true
            enabled: form.whyNot === "" && !form.saving && form.loaded
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Save the stage and outcome")
            onClicked: form.save()
        }
    ]
}
