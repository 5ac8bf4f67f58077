// What a list says when it has nothing: a sentence, never a blank area.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Rectangle {
    id: empty

    property string text: ""
    property string tone: "good"

    Layout.fillWidth: true
    implicitHeight: label.implicitHeight + Theme.l * 2
    radius: Theme.radius
    color: "transparent"
    border.color: Theme.outline
    border.width: 1

    Label {
        id: label
        anchors.fill: parent
        anchors.margins: Theme.l
        text: empty.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        font.pixelSize: Theme.body
        color: Theme.textMuted
    }
}
