// Rule 3, save the last ten minutes: the meeting in progress and the way into the close flow.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import NextStep

Rectangle {
    id: banner

    property var call: ({})
    readonly property bool lastTen: call.lastTen === true
    signal closeCallRequested(string meetingId)

    Layout.fillWidth: true
    implicitHeight: row.implicitHeight + Theme.l * 2
    radius: Theme.radius
    color: lastTen ? Theme.primary : Theme.primarySoft
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title.text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.l
        spacing: Theme.m
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                id: title
                Layout.fillWidth: true
                text: banner.call.minutesLeft > 0
                      ? qsTr("%1 minutes left with %2").arg(banner.call.minutesLeft).arg(banner.call.title)
                      : qsTr("Your meeting with %1 has ended").arg(banner.call.title)
                font.pixelSize: Theme.bodyLarge
                font.bold: true
                color: banner.lastTen ? Theme.onPrimary : Theme.text
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Save the last ten minutes: recap, check the temperature, book the next step.")
                font.pixelSize: Theme.caption
                color: banner.lastTen ? Theme.onPrimary : Theme.textMuted
                wrapMode: Text.WordWrap
            }
        }
        Button {
            id: closeButton
            objectName: "closeCallBannerButton"
            text: qsTr("Close the call")
            implicitHeight: Theme.touch
            Accessible.name: text
            onClicked: banner.closeCallRequested(banner.call.meetingId)
            contentItem: Label {
                text: closeButton.text
                font.pixelSize: Theme.body
                font.bold: true
                color: banner.lastTen ? Theme.primary : Theme.onPrimary
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                implicitWidth: 140
                radius: Theme.radiusSmall
                color: banner.lastTen ? Theme.surface : Theme.primary
                border.width: closeButton.visualFocus ? 2 : 0
                border.color: Theme.text
                opacity: closeButton.down ? 0.85 : 1
            }
        }
    }
}
