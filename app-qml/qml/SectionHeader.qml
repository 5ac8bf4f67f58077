// A heading over a group of cards, with an optional count.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

RowLayout {
    id: section

    property string text: ""
    property string count: ""
    property string tone: "neutral"

    Layout.fillWidth: true
    Layout.topMargin: Theme.m
    spacing: Theme.s

    Label {
        text: section.text
        font.pixelSize: Theme.caption
        font.bold: true
        font.capitalization: Font.AllUppercase
        font.letterSpacing: 0.8
        color: Theme.textMuted
        Accessible.role: Accessible.Heading
    }
    ToneBadge {
        visible: section.count !== ""
        text: section.count
        tone: section.tone
    }
    Item { Layout.fillWidth: true }
}
