// One entry of a deal's history: meetings, outcomes, notes, touches, actions, newest first.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

RowLayout {
    id: entry

    required property string kind
    required property string title
    required property string detail
    required property string when
    required property string badge
    required property string tone
    required property bool flag

    Layout.fillWidth: true
    spacing: Theme.m

    Item {
        Layout.preferredWidth: 14
        Layout.fillHeight: true
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            width: 2
            height: parent.height
            color: Theme.outline
        }
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            y: 6
            width: 12
            height: 12
            radius: 6
            color: entry.kind === "outcome" ? Theme.info
                 : entry.kind === "meeting" ? Theme.primary
                 : entry.kind === "touch" ? Theme.good : Theme.textMuted
            border.color: Theme.surface
            border.width: 2
        }
    }
    ColumnLayout {
        Layout.fillWidth: true
        Layout.bottomMargin: Theme.m
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.s
            Label { text: entry.badge; font.pixelSize: Theme.caption; font.bold: true; color: Theme.textMuted }
            Label {
                Layout.fillWidth: true
                text: entry.when + (entry.flag ? " · " + qsTr("upcoming") : "")
                font.pixelSize: Theme.caption
                color: Theme.textMuted
                elide: Text.ElideRight
            }
        }
        Label {
            Layout.fillWidth: true
            text: entry.title
            font.pixelSize: Theme.body
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            visible: text !== ""
            text: entry.detail
            font.pixelSize: Theme.caption
            color: Theme.textMuted
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }
    }
}
