// The top of a page: its title and a line under it; on a phone, search and settings buttons (the
// bottom bar has no room for them), or a back button where the page is a step deeper.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Item {
    id: header

    property string title: ""
    property string subtitle: ""
    property bool wide: false
    property bool backButton: false
    property bool phoneTools: !wide && !backButton
    default property alias tools: toolRow.data

    signal backRequested()
    signal searchRequested()
    signal settingsRequested()

    implicitHeight: column.implicitHeight + Theme.l * 2
    Layout.fillWidth: true

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: header.backButton ? Theme.xs : (header.wide ? Theme.xl : Theme.l)
        anchors.rightMargin: header.wide ? Theme.xl : Theme.xs
        spacing: Theme.xs

        ToolButton {
            visible: header.backButton
            text: Theme.iconBack
            font.pixelSize: Theme.headline
            implicitWidth: Theme.touch
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Back")
            onClicked: header.backRequested()
        }
        ColumnLayout {
            id: column
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: header.title
                elide: Text.ElideRight
                font.pixelSize: header.wide ? Theme.headline + 4 : Theme.headline
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                visible: text !== ""
                text: header.subtitle
                elide: Text.ElideRight
                font.pixelSize: Theme.body
                color: Theme.textMuted
            }
        }
        RowLayout {
            id: toolRow
            spacing: Theme.xs
        }
        ToolButton {
            visible: header.phoneTools
            text: Theme.iconSearch
            font.pixelSize: Theme.headline
            implicitWidth: Theme.touch
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Search")
            onClicked: header.searchRequested()
        }
        ToolButton {
            visible: header.phoneTools
            text: Theme.iconSettings
            font.pixelSize: Theme.headline
            implicitWidth: Theme.touch
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Settings")
            onClicked: header.settingsRequested()
        }
    }
}
