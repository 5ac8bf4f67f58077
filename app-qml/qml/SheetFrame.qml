// A flow's frame: a bottom sheet on a phone, a centred dialog on desktop. A header with the
// title and a close button, a scrolling body, and a footer for the main actions.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Popup {
    id: sheet

    property bool wide: false
    property string title: ""
    property string subtitle: ""
    default property alias content: body.data
    property alias footer: footerRow.data
    property alias flickable: flick

    parent: Overlay.overlay
    modal: true
    focus: true
    padding: 0
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    readonly property real maxHeight: (parent ? parent.height : 800) * (wide ? 0.9 : 0.94)
    width: wide ? Math.min(680, (parent ? parent.width : 680) - Theme.xxl * 2) : (parent ? parent.width : 390)
    height: Math.min(maxHeight, header.implicitHeight + body.implicitHeight + Theme.l * 2
                                + footerBar.implicitHeight + 1)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (wide ? (parent.height - height) / 2 : parent.height - height) : 0

    Overlay.modal: Rectangle { color: Theme.scrim }

    enter: Transition {
        NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 120 }
    }
    exit: Transition {
        NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 100 }
    }

    background: Rectangle {
        color: Theme.surface
        radius: Theme.sheetRadius
        // A phone's sheet sits on the bottom edge: square corners there.
        Rectangle {
            visible: !sheet.wide
            anchors.bottom: parent.bottom
            width: parent.width
            height: Theme.sheetRadius
            color: Theme.surface
        }
    }

    contentItem: ColumnLayout {
        spacing: 0

        Rectangle {
            visible: !sheet.wide
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.s
            width: 36
            height: 4
            radius: 2
            color: Theme.outline
        }
        RowLayout {
            id: header
            Layout.fillWidth: true
            Layout.leftMargin: Theme.xl
            Layout.rightMargin: Theme.s
            Layout.topMargin: Theme.s
            spacing: Theme.s
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: sheet.title
                    font.pixelSize: Theme.headline
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: sheet.subtitle
                    font.pixelSize: Theme.body
                    color: Theme.textMuted
                    // Two lines at phone width before it elides: a sheet's subtitle says what
                    // it is for, and one line cut it mid-sentence.
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
            }
            ToolButton {
                text: Theme.iconClose
                font.pixelSize: Theme.title
                implicitWidth: Theme.touch
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Close")
                onClicked: sheet.close()
            }
        }
        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.s
            contentWidth: width
            contentHeight: body.implicitHeight + Theme.l
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            ColumnLayout {
                id: body
                x: Theme.xl
                width: flick.width - Theme.xl * 2
                spacing: Theme.s
            }
        }
        Rectangle {
            id: footerBar
            Layout.fillWidth: true
            implicitHeight: footerRow.implicitHeight + Theme.m * 2
            color: Theme.surface
            radius: Theme.sheetRadius
            Rectangle { width: parent.width; height: 1; color: Theme.outline }
            RowLayout {
                id: footerRow
                anchors.fill: parent
                anchors.leftMargin: Theme.xl
                anchors.rightMargin: Theme.xl
                anchors.topMargin: Theme.m
                anchors.bottomMargin: Theme.m
                spacing: Theme.s
            }
        }
    }
}
