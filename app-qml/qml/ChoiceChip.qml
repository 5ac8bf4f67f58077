// A choice among a few (a slot, Yes/No/Maybe, a filter): at least a thumb's height.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

AbstractButton {
    id: chip

    property string subtitle: ""
    property string tone: "neutral"

    checkable: true
    focusPolicy: Qt.StrongFocus
    implicitHeight: Math.max(Theme.touch, content.implicitHeight + Theme.s * 2)
    implicitWidth: content.implicitWidth + Theme.l * 2
    Accessible.name: subtitle === "" ? text : text + ", " + subtitle
    Accessible.role: Accessible.RadioButton
    Accessible.checked: checked

    background: Rectangle {
        radius: Theme.radius
        color: chip.checked ? (chip.tone === "neutral" ? Theme.primarySoft : Theme.toneSoft(chip.tone))
                            : chip.hovered ? Theme.surfaceMuted : Theme.surface
        border.width: chip.visualFocus ? 2 : 1
        border.color: chip.checked ? (chip.tone === "neutral" ? Theme.primary : Theme.tone(chip.tone))
                                   : chip.visualFocus ? Theme.primary : Theme.outline
    }
    contentItem: ColumnLayout {
        id: content
        spacing: 0
        Label {
            Layout.fillWidth: true
            text: chip.text
            font.pixelSize: Theme.body
            font.bold: chip.checked
            horizontalAlignment: chip.subtitle === "" ? Text.AlignHCenter : Text.AlignLeft
            elide: Text.ElideRight
            color: chip.checked && chip.tone !== "neutral" ? Theme.tone(chip.tone) : Theme.text
        }
        Label {
            Layout.fillWidth: true
            visible: chip.subtitle !== ""
            text: chip.subtitle
            font.pixelSize: Theme.caption
            elide: Text.ElideRight
            color: Theme.textMuted
        }
    }
    leftPadding: Theme.m
    rightPadding: Theme.m
}
