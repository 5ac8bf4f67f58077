// A deal in the pipeline: title, account, value, and its next step, or a plain warning that it
// has none (rule 1).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

AbstractButton {
    id: row

    required property int index
    required property string dealId
    required property string title
    required property string accountName
    required property string stageLabel
    required property string valueText
    required property bool hasNextStep
    required property string nextStepWhen
    required property string nextStepGoal
    required property bool complianceOnly
    property bool selected: false
    property bool showStage: false

    width: ListView.view ? ListView.view.width : implicitWidth
    padding: Theme.m
    focusPolicy: Qt.StrongFocus
    Accessible.name: title + ", " + accountName + ", " + valueText + ", "
                     + (hasNextStep ? qsTr("next step %1").arg(nextStepWhen) : qsTr("no next step"))

    background: Rectangle {
        radius: Theme.radius
        color: row.selected ? Theme.primarySoft : row.hovered ? Theme.surfaceRaised : Theme.surface
        border.width: row.visualFocus || row.selected ? 2 : 1
        border.color: row.visualFocus || row.selected ? Theme.primary
                      : row.hasNextStep ? Theme.outline : Theme.fade(Theme.danger, 0.45)
    }
    contentItem: ColumnLayout {
        id: body
        spacing: Theme.xs

        Label {
            Layout.fillWidth: true
            text: row.title
            elide: Text.ElideRight
            font.pixelSize: Theme.body + 1
            font.bold: true
            color: Theme.text
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.s
            Label {
                Layout.fillWidth: true
                text: row.accountName
                elide: Text.ElideRight
                font.pixelSize: Theme.caption
                color: Theme.textMuted
            }
            Label {
                text: row.valueText
                font.pixelSize: Theme.body
                color: Theme.text
            }
        }
        Flow {
            visible: row.showStage || row.complianceOnly
            Layout.fillWidth: true
            spacing: Theme.xs
            ToneBadge { visible: row.showStage; text: row.stageLabel; tone: "neutral" }
            ToneBadge { visible: row.complianceOnly; text: qsTr("Compliance only"); tone: "warning" }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.topMargin: Theme.xs
            implicitHeight: next.implicitHeight + Theme.s * 2
            radius: Theme.radiusSmall
            color: row.hasNextStep ? Theme.surfaceMuted : Theme.dangerSoft
            Label {
                id: next
                anchors.fill: parent
                anchors.leftMargin: Theme.s
                anchors.rightMargin: Theme.s
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
                font.pixelSize: Theme.caption
                color: row.hasNextStep ? Theme.text : Theme.danger
                text: row.hasNextStep
                      ? "\u2192 " + row.nextStepWhen + (row.nextStepGoal !== "" ? " · " + row.nextStepGoal : "")
                      : Theme.iconWarning + " " + qsTr("No next step booked")
            }
        }
    }
}
