// A small coloured label: a role, a stage, commitment or compliance, a count.
import QtQuick
import QtQuick.Controls
import NextStep

Rectangle {
    id: badge

    property string text: ""
    property string tone: "neutral"

    implicitWidth: label.implicitWidth + Theme.s * 2
    implicitHeight: label.implicitHeight + Theme.xs
    radius: height / 2
    color: Theme.toneSoft(tone)

    Label {
        id: label
        anchors.centerIn: parent
        text: badge.text
        font.pixelSize: Theme.caption
        font.bold: true
        color: Theme.tone(badge.tone) === Theme.textMuted ? Theme.text : Theme.tone(badge.tone)
    }
}
