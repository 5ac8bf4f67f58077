// A meeting today: the time on the left, who and why, its state (in progress, planned, needs its
// outcome), and the plan or close action.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

ItemDelegate {
    id: row

    required property string recordId
    required property string title
    required property string subtitle
    required property string detail
    required property string when
    required property string badge
    required property string tone
    required property string dealId
    required property bool flag          // in progress
    signal planRequested(string meetingId)
    signal closeCallRequested(string meetingId)

    Layout.fillWidth: true
    padding: Theme.m
    leftPadding: Theme.l
    focusPolicy: Qt.StrongFocus
    Accessible.name: when + ", " + title + ", " + subtitle + ", " + badge

    background: Rectangle {
        radius: Theme.radius
        color: row.hovered ? Theme.surfaceRaised : Theme.surface
        border.width: row.visualFocus || row.flag ? 2 : 1
        border.color: row.visualFocus || row.flag ? Theme.primary : Theme.outline
    }
    contentItem: RowLayout {
        spacing: Theme.m
        ColumnLayout {
            Layout.preferredWidth: 52
            Layout.alignment: Qt.AlignTop
            spacing: 0
            Label {
                text: row.when.split(" – ")[0]
                font.pixelSize: Theme.bodyLarge
                font.bold: true
                color: row.flag ? Theme.primary : Theme.text
            }
            Label {
                text: row.when.split(" – ")[1] || ""
                font.pixelSize: Theme.caption
                color: Theme.textMuted
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label { Layout.fillWidth: true; text: row.title; font.pixelSize: Theme.bodyLarge; font.bold: true; color: Theme.text; elide: Text.ElideRight }
            Label { Layout.fillWidth: true; text: row.subtitle; font.pixelSize: Theme.body; color: Theme.textMuted; elide: Text.ElideRight }
            Label { Layout.fillWidth: true; visible: text !== ""; text: Theme.iconPlace + " " + row.detail; font.pixelSize: Theme.caption; color: Theme.textMuted; elide: Text.ElideRight }
            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.xs
                ToneBadge { text: row.badge; tone: row.tone }
                Item { Layout.fillWidth: true }
                Button {
                    flat: true
                    visible: !row.flag && row.tone !== "warning"
                    text: row.tone === "good" ? qsTr("Edit the plan") : qsTr("Plan")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Plan the meeting with %1").arg(row.title)
                    onClicked: row.planRequested(row.recordId)
                }
                Button {
                    visible: row.flag || row.tone === "warning"
                    highlighted: true
                    text: qsTr("Close the call")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Close the call with %1").arg(row.title)
                    onClicked: row.closeCallRequested(row.recordId)
                }
            }
        }
    }
}
