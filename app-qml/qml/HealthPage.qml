// The team's numbers: the headline next-step rate, booked at the table, commitment over
// compliance, and the counts of what is wrong, from the core's pipeline health. Current figures:
// the store keeps no history, so there is no trend here.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Page {
    id: page

    property bool wide: false
    signal dealChosen(string dealId)
    signal searchRequested()
    signal settingsRequested()

    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Pipeline health")

    HealthController { id: health; store: AppStore }

    header: PageHeader {
        title: qsTr("Health")
        subtitle: qsTr("The team's pipeline now")
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
            columns: page.wide ? 3 : 1
            columnSpacing: Theme.m
            rowSpacing: Theme.m

            FigureCard {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: (content.width - content.columnSpacing * (content.columns - 1)) / content.columns
                gaugeSize: page.wide ? 104 : 88
                title: qsTr("Booked next step")
                value: health.nextStepRate
                detail: qsTr("%1 of %2 open deals").arg(health.withNextStep).arg(health.openDeals)
                rule: qsTr("Rule 1 · the headline")
            }
            FigureCard {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: (content.width - content.columnSpacing * (content.columns - 1)) / content.columns
                gaugeSize: page.wide ? 104 : 88
                title: qsTr("Booked at the table")
                value: health.bookedAtTableRate
                detail: health.bookedTotal === 0 ? qsTr("No follow-on bookings in the last 90 days")
                                                 : qsTr("%1 of %2 bookings in 90 days").arg(health.bookedAtTable).arg(health.bookedTotal)
                rule: qsTr("Rule 2")
            }
            FigureCard {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: (content.width - content.columnSpacing * (content.columns - 1)) / content.columns
                gaugeSize: page.wide ? 104 : 88
                title: qsTr("Commitment, not compliance")
                value: health.commitmentRate
                detail: qsTr("%1 of %2 open deals: latest customer step is a commitment").arg(health.commitmentDeals).arg(health.openDeals)
                rule: qsTr("Rule 4")
            }

            InfoCard {
                Layout.columnSpan: content.columns
                Label {
                    text: qsTr("The last eight weeks")
                    font.pixelSize: Theme.bodyLarge
                    font.bold: true
                    color: Theme.text
                }
                TrendChart {
                    Layout.fillWidth: true
                    points: health.trend
                }
            }

            InfoCard {
                Layout.columnSpan: content.columns
                Label {
                    text: qsTr("What needs attention")
                    font.pixelSize: Theme.bodyLarge
                    font.bold: true
                    color: Theme.text
                }
                CountBars { model: health.problems }
            }

            ColumnLayout {
                Layout.columnSpan: page.wide ? 2 : 1
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: Theme.s
                SectionHeader { text: qsTr("Deals without a next step"); count: health.withoutNextStepDeals.count; tone: "danger" }
                Repeater {
                    model: health.withoutNextStepDeals
                    delegate: CardDelegate { onClicked: page.dealChosen(dealId) }
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: Theme.s
                SectionHeader { text: qsTr("Stale customers"); count: health.stale.count; tone: "warning" }
                Repeater {
                    model: health.stale
                    delegate: CardDelegate {}
                }
                EmptyState { visible: health.loaded && health.stale.count === 0; text: qsTr("Every customer touched within the cadence.") }
            }
        }
    }
}
