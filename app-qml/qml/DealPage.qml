// One deal: the next step on top, then the conflicts sync resolved (with Restore), the people and
// their roles, who does what (commitment or compliance), and the timeline.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Page {
    id: page

    property bool wide: false
    property alias dealId: deal.dealId
    // Opens asking whether to cancel the next meeting, once it has loaded (the screenshot run).
    property bool askCancel: false
    signal backRequested()
    signal bookRequested(string dealId)
    signal planRequested(string meetingId)
    signal closeCallRequested(string meetingId)
    signal stageRequested(string dealId)
    signal editRequested(string dealId)
    // A new contact at the deal's account (its name), or one of its people to change.
    signal newContactRequested(string accountName)
    signal contactEditRequested(string contactId)

    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Deal %1").arg(deal.title)

    DealController {
        id: deal
        store: AppStore
        onDealChanged: {
            if (!page.askCancel || !deal.hasNextStep || cancelDialog.visible) return
            page.askCancel = false
            cancelDialog.openFor(deal.nextStep.meetingId, deal.nextStep.when)
        }
        onMeetingCancelled: (meetingId) => {
            cancelledLabel.text = qsTr("Cancelled. Sending the customer's calendar its cancellation…")
            messages.saveInvitation(meetingId)
        }
    }
    MeetingMessages {
        id: messages
        objectName: "messages"
        store: AppStore
        onInvitationSaved: (path, handedOver) => cancelledLabel.text = handedOver
            ? qsTr("Cancelled. The cancellation is saved to %1 and handed to your mail program. Book the next meeting: the deal needs one.").arg(path)
            : qsTr("Cancelled. The cancellation is saved to %1. Book the next meeting: the deal needs one.").arg(path)
        onFailed: (message) => cancelledLabel.text = qsTr("Cancelled, but the cancellation was not sent: %1").arg(message)
    }
    // Tests and screenshots keep the mail program closed and the files in a folder of theirs.
    property alias messagesLaunch: messages.launch
    property alias messagesFolder: messages.folder

    // Cancelling is asked about once: the customer's calendar hears of it.
    SheetFrame {
        id: cancelDialog
        objectName: "cancelDialog"
        property string meetingId: ""
        property string when: ""
        function openFor(id, whenText) { meetingId = id; when = whenText; open() }
        wide: page.wide
        title: qsTr("Cancel this meeting?")
        subtitle: when + " · " + deal.title
        Label {
            Layout.fillWidth: true
            text: qsTr("The customer's calendar gets a cancellation, and the deal is left without a next step until you book another.")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.body
            color: Theme.text
        }
        footer: [
            Item { Layout.fillWidth: true },
            Button {
                text: qsTr("Keep it")
                flat: true
                implicitHeight: Theme.touch
                onClicked: cancelDialog.close()
            },
            Button {
                objectName: "confirmCancelButton"
                text: qsTr("Cancel the meeting")
                highlighted: true
                implicitHeight: Theme.touch
                onClicked: { cancelDialog.close(); deal.cancelMeeting(cancelDialog.meetingId) }
            }
        ]
    }

    header: PageHeader {
        title: deal.title
        subtitle: deal.accountName
        wide: false
        backButton: true
        onBackRequested: page.backRequested()
        ToolButton {
            text: Theme.iconEdit
            font.pixelSize: Theme.title
            implicitWidth: Theme.touch
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Book the next meeting")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Book the next meeting (Ctrl+B)")
            onClicked: page.bookRequested(deal.dealId)
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: content.implicitHeight + Theme.xl
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: content
            x: Theme.l
            width: flick.width - Theme.l * 2
            spacing: Theme.s

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.s
                ToneBadge { text: deal.stageLabel; tone: "info" }
                ToneBadge {
                    objectName: "dealStatus"
                    visible: deal.statusText !== ""
                    text: deal.statusText
                    tone: deal.status === "won" ? "good" : "danger"
                }
                ToneBadge { visible: deal.complianceOnly; text: qsTr("Compliance only"); tone: "warning" }
                Item { Layout.fillWidth: true }
                Label { text: deal.valueText; font.pixelSize: Theme.title; font.bold: true; color: Theme.text }
            }

            Flow {
                Layout.fillWidth: true
                spacing: Theme.s
                Button {
                    objectName: "stageButton"
                    flat: true
                    text: deal.status === "open" ? qsTr("Move up a rung, won or lost…")
                                                 : qsTr("Change the outcome or reopen…")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Stage and outcome")
                    onClicked: page.stageRequested(deal.dealId)
                }
                Button {
                    objectName: "editDealButton"
                    flat: true
                    text: qsTr("Edit title, account, value…")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Edit the deal's title, account and value")
                    onClicked: page.editRequested(deal.dealId)
                }
            }

            NextStepCard {
                nextStep: deal.nextStep
                onBookRequested: page.bookRequested(deal.dealId)
                onPlanRequested: (id) => page.planRequested(id)
                onCloseCallRequested: (id) => page.closeCallRequested(id)
            }
            RowLayout {
                visible: deal.hasNextStep
                Layout.fillWidth: true
                spacing: Theme.s
                Button {
                    objectName: "moveOrAnotherButton"
                    Layout.fillWidth: true
                    flat: true
                    text: qsTr("Move it or book another")
                    implicitHeight: Theme.touch
                    Accessible.name: text
                    onClicked: page.bookRequested(deal.dealId)
                }
                Button {
                    objectName: "cancelMeetingButton"
                    // A meeting under way is closed with its outcome, not cancelled.
                    visible: !(deal.nextStep.inProgress || false)
                    flat: true
                    text: qsTr("Cancel it")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Cancel the next meeting")
                    onClicked: cancelDialog.openFor(deal.nextStep.meetingId, deal.nextStep.when)
                }
            }
            Label {
                id: cancelledLabel
                objectName: "cancelledLabel"
                visible: text !== ""
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.caption
                color: Theme.textMuted
            }

            InfoCard {
                visible: deal.complianceOnly
                tone: "warning"
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Only compliance lately: the customer asks you for work but gives none of their own. Ask for a commitment: a meeting with the decision maker, going through the proposal together, their data.")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.body
                    color: Theme.text
                }
            }

            SectionHeader {
                visible: deal.conflicts.count > 0
                text: qsTr("Changed on two devices")
                count: deal.conflicts.count
                tone: "warning"
            }
            Repeater {
                model: deal.conflicts
                delegate: ConflictCard {
                    onRestoreRequested: (id) => deal.restoreConflict(id)
                    onDismissRequested: (id) => deal.dismissConflict(id)
                }
            }

            SectionHeader {
                text: qsTr("People")
                count: deal.people.count
                Button {
                    objectName: "newPersonButton"
                    // A contact belongs to an account: a deal without one has nobody to add to.
                    visible: deal.accountId !== ""
                    flat: true
                    text: qsTr("+ Person")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Add a contact at %1").arg(deal.accountName)
                    onClicked: page.newContactRequested(deal.accountName)
                }
            }
            Repeater {
                model: deal.people
                delegate: CardDelegate {
                    showDetail: true
                    onClicked: page.contactEditRequested(recordId)
                }
            }
            EmptyState {
                visible: deal.loaded && deal.people.count === 0
                text: qsTr("No contacts at this account yet.")
                tone: "warning"
            }

            SectionHeader { text: qsTr("Who does what"); count: deal.actions.count }
            Repeater {
                model: deal.actions
                delegate: CheckDelegate {
                    id: action
                    required property string recordId
                    required property string title
                    required property string subtitle
                    required property string when
                    required property string badge
                    required property string tone
                    required property bool flag
                    Layout.fillWidth: true
                    implicitHeight: Math.max(Theme.touch + 8, implicitContentHeight + topPadding + bottomPadding)
                    checked: flag
                    // Material centres the box of a CheckDelegate without text, over the row's
                    // words; with it the box sits at the end (contentItem draws the text).
                    text: title
                    Accessible.name: title + ", " + subtitle + ", " + badge
                    onToggled: deal.setActionDone(recordId, checked)
                    background: Rectangle {
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: action.visualFocus ? Theme.primary : Theme.outline
                        border.width: action.visualFocus ? 2 : 1
                    }
                    contentItem: RowLayout {
                        spacing: Theme.s
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: action.title
                                font.pixelSize: Theme.body
                                font.strikeout: action.checked
                                color: action.checked ? Theme.textMuted : Theme.text
                                wrapMode: Text.WordWrap
                            }
                            Label {
                                text: action.subtitle + (action.when !== "" ? " · " + action.when : "")
                                font.pixelSize: Theme.caption
                                color: Theme.textMuted
                            }
                        }
                        ToneBadge { text: action.badge; tone: action.tone }
                        Item { implicitWidth: action.indicator ? action.indicator.width : 0 }
                    }
                }
            }
            EmptyState {
                visible: deal.loaded && deal.actions.count === 0
                text: qsTr("Nothing agreed yet. Commitments asked and given appear here.")
            }

            SectionHeader { text: qsTr("Timeline") }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.s
                TextField {
                    id: note
                    Layout.fillWidth: true
                    placeholderText: qsTr("Add a note")
                    Accessible.name: qsTr("New note")
                    onAccepted: addNote.clicked()
                }
                Button {
                    id: addNote
                    text: qsTr("Add")
                    enabled: note.text.trim() !== ""
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Add the note")
                    onClicked: { deal.addNote(note.text); note.text = "" }
                }
            }
            Repeater {
                model: deal.timeline
                delegate: TimelineDelegate {}
            }
            Label {
                visible: deal.error !== ""
                Layout.fillWidth: true
                text: deal.error
                color: Theme.danger
                wrapMode: Text.WordWrap
            }
        }
    }
}
