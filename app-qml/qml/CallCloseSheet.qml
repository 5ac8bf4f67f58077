// Close the call (rules 3, 5, 6, 7, 12) in under a minute: recap, a temperature check for each
// decision maker, the objective met, Yes/No/Maybe with its questions, commitments asked and
// given, the customer's own close, then straight into booking the next meeting.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

SheetFrame {
    id: sheet

    signal closedAndBook(string dealId)

    title: qsTr("Close the call")
    subtitle: call.title

    property bool exampleWanted: false
    // The screenshot of the sheet's end: the actions with their days, who approves by when.
    property bool endWanted: false

    function openFor(meetingId) {
        call.meetingId = meetingId
        call.clearAnswers()
        newPerson.reset()
        personAddedLabel.text = ""
        call.restart()
        open()
    }
    // A rep's typical answers, for the screenshots (once the meeting has loaded).
    function fillExample() {
        if (call.loading || call.title === "") { exampleWanted = true; return }
        exampleWanted = false
        call.recap = qsTr("Stock-outs on two wards cost them weekend overtime; Claire wants one hospital live before winter.")
        call.objectiveMet = "primary"
        call.result = "maybe"
        call.probeAnswers = qsTr("The pilot budget is approved at the board meeting; that is when the project starts.")
        call.followUp = call.dateChoices.length > 1 ? call.dateChoices[1].date : ""
        call.addAction("customer", qsTr("Introduce us to the procurement lead"),
                       call.dateChoices.length > 0 ? call.dateChoices[0].date : "")
        call.addAction("customer", qsTr("Send us testimonials"), "")
        call.whatNext = qsTr("A pilot plan for the north site")
        call.approvers = qsTr("The CFO")
        call.approveBy = call.dateChoices.length > 2 ? call.dateChoices[2].date : ""
        if (endWanted) endScroll.restart()
        if (call.decisionMakers.length > 0)
            call.setTemperature(call.decisionMakers[0].id, qsTr("Fewer stock-outs on the wards"),
                                qsTr("How the pilot handles night shifts"), "yes")
    }

    // After the example's rows have laid out.
    Timer {
        id: endScroll
        interval: 250
        onTriggered: sheet.flickable.contentY = Math.max(0, sheet.flickable.contentHeight - sheet.flickable.height)
    }

    CallCloseController {
        id: call
        objectName: "callClose"
        store: AppStore
        onClosed: (dealId, stage) => { sheet.close(); sheet.closedAndBook(dealId) }
        onMeetingChanged: if (sheet.exampleWanted) sheet.fillExample()
        onPersonAdded: {
            personAddedLabel.text = qsTr("Added to the account's contacts.")
            newPerson.reset()
        }
    }

    // The plan made before (rule 5)
    InfoCard {
        visible: call.planPrimary !== ""
        tone: "info"
        spacing: 2
        Label { Layout.fillWidth: true; text: qsTr("Your plan"); font.pixelSize: Theme.caption; font.bold: true; color: Theme.info }
        Label { Layout.fillWidth: true; text: qsTr("Primary: %1").arg(call.planPrimary); color: Theme.text; wrapMode: Text.WordWrap; font.pixelSize: Theme.body }
        Label { Layout.fillWidth: true; visible: call.planBackup !== ""; text: qsTr("Backup: %1").arg(call.planBackup); color: Theme.text; wrapMode: Text.WordWrap; font.pixelSize: Theme.body }
        Label { Layout.fillWidth: true; visible: call.planAsks !== ""; text: qsTr("Ask for: %1").arg(call.planAsks); color: Theme.textMuted; wrapMode: Text.WordWrap; font.pixelSize: Theme.caption }
    }

    FieldLabel { text: qsTr("1 · Recap what you heard") }
    TextArea {
        Layout.fillWidth: true
        text: call.recap
        wrapMode: TextEdit.Wrap
        placeholderText: qsTr("Their situation, their words, what matters to them")
        Accessible.name: qsTr("Recap")
        onTextChanged: if (activeFocus) call.recap = text
    }

    FieldLabel {
        text: call.decisionMakers.length > 0 ? qsTr("2 · Temperature check")
                                              : qsTr("2 · Temperature check: no decision maker recorded at this meeting")
    }
    Repeater {
        model: call.decisionMakers
        delegate: TemperatureCard {
            required property var modelData
            person: modelData
            answer: { call.recap; return call.temperatureOf(modelData.id) }
            onAnswered: (id, interest, clarify, ready) => call.setTemperature(id, interest, clarify, ready)
        }
    }
    // Someone at the table the deal did not know yet: a contact of the account from now on.
    SomeoneNew {
        id: newPerson
        objectName: "someoneNew"
        emailHint: qsTr("Email, for the recap and invitations")
        onAddRequested: (name, email, role) => call.addPerson(name, email, role)
    }
    Label {
        id: personAddedLabel
        objectName: "personAdded"
        visible: text !== ""
        Layout.fillWidth: true
        font.pixelSize: Theme.caption
        color: Theme.good
        wrapMode: Text.WordWrap
    }

    FieldLabel { visible: call.planPrimary !== ""; text: qsTr("Which objective did you meet?") }
    RowLayout {
        visible: call.planPrimary !== ""
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            model: [ { key: "primary", label: qsTr("Primary") }, { key: "backup", label: qsTr("Backup") },
                     { key: "neither", label: qsTr("Neither") } ]
            delegate: ChoiceChip {
                required property var modelData
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: modelData.label
                checked: call.objectiveMet === modelData.key
                onClicked: call.objectiveMet = modelData.key
            }
        }
    }

    FieldLabel { text: qsTr("3 · Their answer") }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            model: [ { key: "yes", label: qsTr("Yes"), tone: "good" }, { key: "maybe", label: qsTr("Maybe"), tone: "warning" },
                     { key: "no", label: qsTr("No"), tone: "danger" } ]
            delegate: ChoiceChip {
                required property var modelData
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: modelData.label
                tone: modelData.tone
                checked: call.result === modelData.key
                objectName: "result_" + modelData.key
                Accessible.name: qsTr("Outcome: %1").arg(modelData.label)
                onClicked: call.result = modelData.key
            }
        }
    }
    Label {
        visible: call.result === "yes"
        Layout.fillWidth: true
        text: qsTr("Ask how you can help, and thank them. The deal moves up one rung.")
        color: Theme.textMuted
        font.pixelSize: Theme.body
        wrapMode: Text.WordWrap
    }
    // No: why (rule 6)
    Flow {
        visible: call.result === "no"
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            model: [ { key: "no_project", label: qsTr("No project now") },
                     { key: "other_supplier", label: qsTr("Chose another supplier") },
                     { key: "wrong_time", label: qsTr("Wrong time") },
                     { key: "other", label: qsTr("Another reason") } ]
            delegate: ChoiceChip {
                required property var modelData
                objectName: "reason_" + modelData.key
                text: modelData.label
                tone: "danger"
                checked: call.noReason === modelData.key
                onClicked: call.noReason = modelData.key
            }
        }
    }
    TextField {
        visible: call.result === "no"
        Layout.fillWidth: true
        text: call.reasonText
        placeholderText: qsTr("Why, in their words")
        Accessible.name: qsTr("Reason in their words")
        onTextEdited: call.reasonText = text
    }
    // Maybe: probe until there is a date that means something (rule 6)
    Label {
        visible: call.result === "maybe"
        Layout.fillWidth: true
        text: qsTr("Probe: “Call me in December” — is December when the project starts, or when you start looking? “No budget yet” — when does the budget process start?")
        color: Theme.textMuted
        font.pixelSize: Theme.body
        wrapMode: Text.WordWrap
    }
    TextField {
        visible: call.result === "maybe"
        Layout.fillWidth: true
        text: call.probeAnswers
        placeholderText: qsTr("What the date means")
        Accessible.name: qsTr("What the Maybe turned out to mean")
        onTextEdited: call.probeAnswers = text
    }
    Flow {
        visible: call.result === "maybe"
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            model: call.dateChoices
            delegate: ChoiceChip {
                required property var modelData
                required property int index
                objectName: "followUp" + index
                text: modelData.text
                subtitle: modelData.label
                checked: call.followUp === modelData.date
                onClicked: call.followUp = modelData.date
            }
        }
        DateField {
            objectName: "followUpDate"
            width: 170
            isoDate: call.followUp
            placeholder: qsTr("Another day")
            Accessible.name: qsTr("Follow-up date: %1").arg(text)
            onPicked: (iso) => call.followUp = iso
        }
    }

    FieldLabel { text: qsTr("4 · Who does what before the next meeting") }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.s
        ChoiceChip {
            id: ownerChip
            property bool customer: true
            checkable: false
            text: customer ? qsTr("Customer") : qsTr("You")
            Accessible.name: qsTr("Who does it: %1").arg(text)
            onClicked: customer = !customer
        }
        TextField {
            id: actionText
            objectName: "actionText"
            Layout.fillWidth: true
            placeholderText: ownerChip.customer ? qsTr("What they will do") : qsTr("What you will do")
            Accessible.name: qsTr("Action")
            onAccepted: addAction.clicked()
        }
        Button {
            id: addAction
            objectName: "addAction"
            text: qsTr("Add")
            enabled: actionText.text.trim() !== ""
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Add the action")
            onClicked: {
                call.addAction(ownerChip.customer ? "customer" : "rep", actionText.text, actionDue.isoDate)
                actionText.text = ""
                actionDue.isoDate = ""
            }
        }
    }
    // Rule 7: on the customer's dates. What they will do gets the day they named.
    RowLayout {
        visible: actionText.text.trim() !== ""
        Layout.fillWidth: true
        spacing: Theme.s
        Label {
            text: ownerChip.customer ? qsTr("By the day they named") : qsTr("By")
            font.pixelSize: Theme.caption
            color: Theme.textMuted
        }
        DateField {
            id: actionDue
            objectName: "actionDue"
            Layout.fillWidth: true
            placeholder: qsTr("No date (optional)")
            Accessible.name: qsTr("Due date: %1").arg(text)
            onPicked: (iso) => isoDate = iso
        }
    }
    Label {
        readonly property string kind: call.classify(ownerChip.customer ? "customer" : "rep", actionText.text)
        visible: actionText.text.trim() !== "" && kind !== "neutral"
        Layout.fillWidth: true
        text: kind === "commitment" ? qsTr("Commitment: their own effort. Good.")
                                    : qsTr("Compliance: they ask you for work. Ask for a commitment too.")
        color: kind === "commitment" ? Theme.good : Theme.warning
        font.pixelSize: Theme.caption
        wrapMode: Text.WordWrap
    }
    Repeater {
        model: call.actions
        delegate: RowLayout {
            id: actionRow
            required property int index
            required property string title
            required property string subtitle
            required property string badge
            required property string tone
            required property string when
            Layout.fillWidth: true
            spacing: Theme.s
            Label { text: actionRow.subtitle; font.pixelSize: Theme.caption; color: Theme.textMuted; Layout.preferredWidth: 96 }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label { Layout.fillWidth: true; text: actionRow.title; color: Theme.text; font.pixelSize: Theme.body; wrapMode: Text.WordWrap }
                Label {
                    objectName: "actionDueText"
                    visible: actionRow.when !== ""
                    text: qsTr("by %1").arg(actionRow.when)
                    color: Theme.textMuted
                    font.pixelSize: Theme.caption
                }
            }
            ToneBadge { text: actionRow.badge; tone: actionRow.tone }
            ToolButton {
                text: Theme.iconClose
                implicitWidth: Theme.touch
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Remove %1").arg(actionRow.title)
                onClicked: call.removeAction(actionRow.index)
            }
        }
    }

    FieldLabel { text: qsTr("5 · Let the customer close") }
    TextField {
        Layout.fillWidth: true
        text: call.whatNext
        placeholderText: qsTr("What do you want to do next?")
        Accessible.name: qsTr("What the customer wants to do next")
        onTextEdited: call.whatNext = text
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.s
        TextField {
            Layout.fillWidth: true
            text: call.approvers
            placeholderText: qsTr("Who else needs to review the proposal?")
            Accessible.name: qsTr("Who else must approve")
            onTextEdited: call.approvers = text
        }
        DateField {
            objectName: "approveBy"
            Layout.preferredWidth: 170
            isoDate: call.approveBy
            placeholder: qsTr("By when?")
            Accessible.name: qsTr("Approval date: %1").arg(text)
            onPicked: (iso) => call.approveBy = iso
        }
    }
    Label {
        visible: call.error !== ""
        Layout.fillWidth: true
        text: call.error
        color: Theme.danger
        wrapMode: Text.WordWrap
    }

    footer: [
        Label {
            Layout.fillWidth: true
            text: call.missing !== "" ? call.missing : qsTr("Next: book the next meeting")
            color: call.missing !== "" ? Theme.warning : Theme.textMuted
            font.pixelSize: Theme.caption
            wrapMode: Text.WordWrap
        },
        Button {
            objectName: "saveAndBook"
            text: call.closing ? qsTr("Saving…") : qsTr("Save and book")
            highlighted: true
            enabled: call.canClose
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Save the outcome and book the next meeting")
            onClicked: call.close()
        }
    ]
}
