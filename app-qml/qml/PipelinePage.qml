// The pipeline: every open deal by stage, each with its next step or a warning that it has none.
// Desktop: a board of stage columns. Phone: the stages as groups to pick, one list below.
// Filters: no next step, stale, compliance only. Lists page in from the store as they scroll.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Page {
    id: page

    property bool wide: false
    property bool compact: false
    property string filter: ""              // "" | withoutNextStep | stale | complianceOnly
    property string phoneStage: ""
    property string selectedDealId: ""
    signal dealChosen(string dealId)
    signal searchRequested()
    signal settingsRequested()
    signal newDealRequested()

    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Pipeline")

    PipelineLadder { id: ladder; store: AppStore }

    header: PageHeader {
        title: qsTr("Pipeline")
        subtitle: qsTr("%1 open deals · %2 without a next step").arg(ladder.openDeals).arg(ladder.withoutNextStep)
        wide: page.wide
        onSearchRequested: page.searchRequested()
        onSettingsRequested: page.settingsRequested()
        Button {
            objectName: "newDealButton"
            text: page.wide ? qsTr("New deal") : "+"
            highlighted: true
            implicitHeight: Theme.touch
            Accessible.name: qsTr("New deal")
            onClicked: page.newDealRequested()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.s

        // Filters
        ListView {
            id: filters
            Layout.fillWidth: true
            Layout.leftMargin: page.wide ? Theme.xl : Theme.l
            Layout.preferredHeight: Theme.touch
            orientation: ListView.Horizontal
            spacing: Theme.s
            clip: true
            activeFocusOnTab: true
            Accessible.name: qsTr("Filters")
            model: [
                { key: "", label: qsTr("All open") },
                { key: "withoutNextStep", label: qsTr("No next step") },
                { key: "stale", label: qsTr("Stale") },
                { key: "complianceOnly", label: qsTr("Compliance only") }
            ]
            delegate: ChoiceChip {
                required property var modelData
                text: modelData.label
                checked: page.filter === modelData.key
                tone: modelData.key === "" ? "neutral" : "danger"
                onClicked: page.filter = modelData.key
            }
        }

        // Phone: the stages as groups, with their counts.
        ListView {
            visible: !page.wide
            Layout.fillWidth: true
            Layout.leftMargin: Theme.l
            Layout.preferredHeight: 56
            orientation: ListView.Horizontal
            spacing: Theme.s
            clip: true
            Accessible.name: qsTr("Stages")
            header: ChoiceChip {
                text: qsTr("All stages")
                subtitle: qsTr("%1 deals").arg(ladder.openDeals)
                checked: page.phoneStage === ""
                onClicked: page.phoneStage = ""
                width: implicitWidth + Theme.s
            }
            model: ladder.stages
            delegate: ChoiceChip {
                required property string recordId
                required property string title
                required property string badge
                text: title
                subtitle: qsTr("%1 deals").arg(badge)
                checked: page.phoneStage === recordId
                onClicked: page.phoneStage = recordId
            }
        }

        PipelineModel {
            id: phoneDeals
            objectName: "pipelineModel"
            store: page.wide ? null : AppStore
            stage: page.phoneStage
            withoutNextStep: page.filter === "withoutNextStep"
            stale: page.filter === "stale"
            complianceOnly: page.filter === "complianceOnly"
        }

        ListView {
            id: phoneList
            objectName: "pipelineList"
            visible: !page.wide
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.leftMargin: Theme.l
            Layout.rightMargin: Theme.l
            clip: true
            spacing: Theme.s
            model: phoneDeals
            reuseItems: true
            Accessible.name: qsTr("Deals")
            // The next page is asked for two screens before the end, so scrolling never waits.
            onContentYChanged: if (contentY + 3 * height > contentHeight) phoneDeals.fetchNext()
            delegate: DealDelegate {
                showStage: page.phoneStage === ""
                onClicked: page.dealChosen(dealId)
            }
            footer: Item { width: 1; height: Theme.l }
            ScrollBar.vertical: ScrollBar {}
            EmptyState {
                anchors.top: parent.top
                width: parent.width
                visible: phoneList.count === 0 && !phoneDeals.loading
                text: page.filter === "" ? qsTr("No open deals at this stage.")
                                         : qsTr("No deal matches this filter. Good.")
            }
        }

        // Desktop: the board.
        ListView {
            id: board
            visible: page.wide
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.leftMargin: Theme.xl
            Layout.bottomMargin: Theme.l
            orientation: ListView.Horizontal
            spacing: Theme.m
            clip: true
            model: ladder.stages
            Accessible.name: qsTr("Pipeline board")
            delegate: StageColumn {
                width: page.compact ? 260 : Math.max(236, (board.width - Theme.xl - board.spacing * 5) / 6)
                height: board.height
                withoutNextStep: page.filter === "withoutNextStep"
                stale: page.filter === "stale"
                complianceOnly: page.filter === "complianceOnly"
                selectedDealId: page.selectedDealId
                onDealChosen: (id) => page.dealChosen(id)
            }
            footer: Item { width: Theme.xl; height: 1 }
            ScrollBar.horizontal: ScrollBar {}
        }
    }
}
