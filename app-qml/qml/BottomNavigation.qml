// Phone navigation: five sections under the thumb.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Rectangle {
    id: bar

    property var sections: []
    property string current: ""
    signal chosen(string key)

    implicitHeight: Theme.bottomBarHeight
    color: Theme.navigation

    Rectangle { width: parent.width; height: 1; color: Theme.outline }

    RowLayout {
        anchors.fill: parent
        anchors.topMargin: 1
        spacing: 0

        Repeater {
            model: bar.sections
            delegate: AbstractButton {
                id: tab
                required property var modelData
                readonly property bool selected: bar.current === modelData.key
                objectName: "nav-" + modelData.key
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: Theme.touch
                Accessible.name: modelData.label
                Accessible.role: Accessible.PageTab
                onClicked: bar.chosen(modelData.key)
                contentItem: Column {
                    spacing: 2
                    Rectangle {
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: 56
                        height: 28
                        radius: 14
                        color: tab.selected ? Theme.navigationSelected : "transparent"
                        Label {
                            anchors.centerIn: parent
                            text: tab.modelData.icon
                            font.pixelSize: Theme.title
                            color: tab.selected ? Theme.primary : Theme.textMuted
                        }
                    }
                    Label {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: tab.modelData.label
                        font.pixelSize: Theme.caption
                        font.bold: tab.selected
                        color: tab.selected ? Theme.primary : Theme.textMuted
                    }
                }
                background: Item {}
                topPadding: Theme.s
            }
        }
    }
}
