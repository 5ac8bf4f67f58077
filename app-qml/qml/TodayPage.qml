// Today: the headline figure, the call to close now, meetings today, follow-ups due and overdue,
// meetings needing their outcome, and the deals that need a next step.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Page {
    id: page

    property bool wide: false
    signal dealChosen(string dealId)
    signal closeCallRequested(string meetingId)
    signal planRequested(string meetingId)
    signal sectionRequested(string key)
    signal searchRequested()
    signal settingsRequested()
    signal newDealRequested()
    signal signInRequested()
    signal importRequested()
    // A fresh install: nothing to look at yet, so the page offers a way in instead of praise.
    readonly property bool empty: today.loaded && today.openDeals === 0

    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Today")

    TodayController { id: today; store: AppStore }

    header: PageHeader {
        title: qsTr("Today")
        subtitle: today.dateText
        wide: page.wide
        onSearchRequested: page.searchRequested()
        onSettingsRequested: page.settingsRequested()
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: content.implicitHeight + Theme.xl
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        GridLayout {
            id: content
            x: page.wide ? Theme.xl : Theme.l
            width: flick.width - x * 2
            columns: page.wide && flick.width > 1000 ? 2 : 1
            columnSpacing: Theme.xl
            rowSpacing: Theme.s

            InfoCard {
                objectName: "firstRunCard"
                visible: page.empty
                Layout.columnSpan: content.columns
                tone: "info"
                Label {
                    Layout.fillWidth: true
                    text: qsTr("No open deals yet")
                    font.pixelSize: Theme.title
                    font.bold: true
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Add the deal you are working on and book its next meeting, bring your pipeline from the CRM you used before, or sign in to get your team's pipeline on this device.")
                    font.pixelSize: Theme.body
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.s
                    Button {
                        objectName: "firstDealButton"
                        text: qsTr("Add your first deal")
                        highlighted: true
                        implicitHeight: Theme.touch
                        Accessible.name: text
                        onClicked: page.newDealRequested()
                    }
                    Button {
                        objectName: "firstImportButton"
                        text: qsTr("Import from your CRM")
                        implicitHeight: Theme.touch
                        Accessible.name: text
                        onClicked: page.importRequested()
                    }
                    Button {
                        visible: !AppSync.signedIn
                        text: qsTr("Sign in to your team")
                        implicitHeight: Theme.touch
                        Accessible.name: text
                        onClicked: page.signInRequested()
                    }
                }
            }

            // The headline (DOMAIN: the number a team looks at first).
            InfoCard {
                visible: !page.empty
                Layout.columnSpan: content.columns
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.l
                    RateGauge {
                        Layout.preferredWidth: page.wide ? 88 : 72
                        Layout.preferredHeight: page.wide ? 88 : 72
                        value: today.nextStepRate
                        thickness: 8
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 of %2 open deals have a booked next step")
                                  .arg(today.withNextStep).arg(today.openDeals)
                            font.pixelSize: Theme.bodyLarge
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: today.needNextStepTotal === 0
                                  ? qsTr("Every open deal has its next meeting booked.")
                                  : today.needNextStepTotal === 1 ? qsTr("1 deal needs a next step.")
                                  : qsTr("%1 deals need a next step.").arg(today.needNextStepTotal)
                            font.pixelSize: Theme.body
                            color: today.needNextStepTotal === 0 ? Theme.good : Theme.danger
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }

            CloseCallBanner {
                Layout.columnSpan: content.columns
                visible: today.callToClose.meetingId !== undefined
                call: today.callToClose
                onCloseCallRequested: (id) => page.closeCallRequested(id)
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                spacing: Theme.s

                SectionHeader { text: qsTr("Meetings today"); count: today.meetings.count }
                Repeater {
                    model: today.meetings
                    delegate: MeetingDelegate {
                        onClicked: page.dealChosen(dealId)
                        onPlanRequested: (id) => page.planRequested(id)
                        onCloseCallRequested: (id) => page.closeCallRequested(id)
                    }
                }
                EmptyState {
                    visible: today.loaded && today.meetings.count === 0
                    text: qsTr("No meetings today.")
                }

                SectionHeader {
                    visible: today.outcomesMissing.count > 0
                    text: qsTr("Log the outcome")
                    count: today.outcomesMissingTotal
                    tone: "warning"
                }
                Repeater {
                    model: today.outcomesMissing
                    delegate: MeetingDelegate {
                        onClicked: page.dealChosen(dealId)
                        onCloseCallRequested: (id) => page.closeCallRequested(id)
                    }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                spacing: Theme.s

                SectionHeader { text: qsTr("Follow-ups due today"); count: today.followUpsDue.count; tone: "warning" }
                Repeater {
                    model: today.followUpsDue
                    delegate: CardDelegate { onClicked: page.dealChosen(dealId) }
                }
                EmptyState {
                    visible: today.loaded && today.followUpsDue.count === 0
                    text: qsTr("Nothing due today.")
                }

                SectionHeader {
                    visible: today.overdue.count > 0
                    text: qsTr("Overdue")
                    count: today.overdueTotal
                    tone: "danger"
                }
                Repeater {
                    model: today.overdue
                    delegate: CardDelegate { onClicked: page.dealChosen(dealId) }
                }

                SectionHeader {
                    text: qsTr("Need a next step")
                    count: today.needNextStepTotal
                    tone: today.needNextStepTotal > 0 ? "danger" : "good"
                }
                Repeater {
                    model: today.needNextStep
                    delegate: CardDelegate { onClicked: page.dealChosen(dealId) }
                }
                EmptyState {
                    visible: today.loaded && today.needNextStep.count === 0 && !page.empty
                    text: qsTr("Every open deal has a next step. Well done.")
                }
            }
        }
    }
}
