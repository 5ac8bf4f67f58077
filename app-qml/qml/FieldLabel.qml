// The label over a form field.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Label {
    Layout.fillWidth: true
    Layout.topMargin: Theme.s
    font.pixelSize: Theme.caption
    font.bold: true
    color: Theme.textMuted
    wrapMode: Text.WordWrap
}
