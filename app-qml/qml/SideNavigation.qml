// Desktop navigation: the sections in a column, with their keyboard shortcuts.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Rectangle {
    id: nav

    property var sections: []
    property string current: ""
    signal chosen(string key)

    color: Theme.navigation

    Rectangle {
        anchors.right: parent.right
        width: 1
        height: parent.height
        color: Theme.outline
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.m
        spacing: Theme.xs

        Label {
            Layout.fillWidth: true
            Layout.topMargin: Theme.s
            Layout.bottomMargin: Theme.l
            Layout.leftMargin: Theme.m
            text: qsTr("NextStep")
            font.pixelSize: Theme.headline
            font.bold: true
            color: Theme.primary
        }

        Repeater {
            model: nav.sections
            delegate: ItemDelegate {
                id: entry
                required property var modelData
                required property int index
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                focusPolicy: Qt.StrongFocus
                Accessible.name: modelData.label
                highlighted: nav.current === modelData.key
                onClicked: nav.chosen(modelData.key)
                background: Rectangle {
                    radius: Theme.radius
                    color: entry.highlighted ? Theme.navigationSelected
                                             : entry.hovered || entry.visualFocus ? Theme.surfaceMuted
                                                                                   : "transparent"
                }
                contentItem: RowLayout {
                    spacing: Theme.m
                    Label {
                        text: entry.modelData.icon
                        font.pixelSize: Theme.title
                        color: entry.highlighted ? Theme.primary : Theme.textMuted
                        Layout.preferredWidth: Theme.xl
                        horizontalAlignment: Text.AlignHCenter
                    }
                    Label {
                        Layout.fillWidth: true
                        text: entry.modelData.label
                        font.pixelSize: Theme.body
                        font.bold: entry.highlighted
                        color: entry.highlighted ? Theme.primary : Theme.text
                    }
                    Label {
                        text: entry.index < 5 ? "Ctrl+" + (entry.index + 1) : ""
                        font.pixelSize: Theme.caption
                        color: Theme.textMuted
                    }
                }
            }
        }

        Item { Layout.fillHeight: true }
    }
}
