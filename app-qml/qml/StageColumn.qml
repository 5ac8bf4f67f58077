// One rung of the ladder on the desktop board: its name, counts, and its deals as a paged list.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Rectangle {
    id: column

    required property string recordId     // the stage
    required property string title
    required property string subtitle
    required property string badge
    required property string tone
    property bool withoutNextStep: false
    property bool stale: false
    property bool complianceOnly: false
    property string selectedDealId: ""
    signal dealChosen(string dealId)

    radius: Theme.radius
    color: Theme.surfaceMuted

    PipelineModel {
        id: deals
        store: AppStore
        stage: column.recordId
        withoutNextStep: column.withoutNextStep
        stale: column.stale
        complianceOnly: column.complianceOnly
        pageSize: 40
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.s
        spacing: Theme.s

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.xs
            Layout.topMargin: Theme.xs
            Label {
                Layout.fillWidth: true
                text: column.title
                font.pixelSize: Theme.bodyLarge
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            ToneBadge { text: deals.totalCount; tone: "neutral" }
        }
        Label {
            Layout.leftMargin: Theme.xs
            text: column.subtitle
            font.pixelSize: Theme.caption
            color: Theme.tone(column.tone)
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.s
            model: deals
            reuseItems: true
            activeFocusOnTab: true
            keyNavigationEnabled: true
            Accessible.name: qsTr("%1 deals").arg(column.title)
            onContentYChanged: if (contentY + 3 * height > contentHeight) deals.fetchNext()
            delegate: DealDelegate {
                selected: dealId === column.selectedDealId
                onClicked: column.dealChosen(dealId)
            }
            ScrollBar.vertical: ScrollBar {}
            Label {
                anchors.centerIn: parent
                visible: list.count === 0 && !deals.loading
                text: qsTr("No deals here")
                color: Theme.textMuted
                font.pixelSize: Theme.body
            }
        }
    }
}
