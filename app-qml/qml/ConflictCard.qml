// A change sync resolved for this deal: what was kept, the value that lost, and Restore.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

InfoCard {
    id: card

    required property string recordId
    required property string title
    required property string subtitle
    required property string detail
    required property string when
    required property string badge

    signal restoreRequested(string conflictId)
    signal dismissRequested(string conflictId)

    tone: "warning"
    spacing: Theme.xs

    RowLayout {
        Layout.fillWidth: true
        Label {
            Layout.fillWidth: true
            text: card.title
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
        }
        ToneBadge { text: card.badge; tone: "warning" }
    }
    Label { Layout.fillWidth: true; text: card.subtitle; color: Theme.text; font.pixelSize: Theme.body; wrapMode: Text.WordWrap }
    Label { Layout.fillWidth: true; text: card.detail; color: Theme.warning; font.pixelSize: Theme.body; font.bold: true; wrapMode: Text.WordWrap }
    RowLayout {
        Layout.fillWidth: true
        Label { Layout.fillWidth: true; text: card.when; color: Theme.textMuted; font.pixelSize: Theme.caption }
        Button {
            flat: true
            text: qsTr("Keep")
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Keep the current value")
            onClicked: card.dismissRequested(card.recordId)
        }
        Button {
            text: qsTr("Restore")
            highlighted: true
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Restore the value that lost")
            onClicked: card.restoreRequested(card.recordId)
        }
    }
}
