// A raised card with a padded column inside.
import QtQuick
import QtQuick.Layouts
import NextStep

Rectangle {
    id: card

    default property alias content: column.data
    property int padding: Theme.l
    property string tone: ""
    property alias spacing: column.spacing

    Layout.fillWidth: true
    implicitHeight: column.implicitHeight + padding * 2
    radius: Theme.radius
    color: tone === "" ? Theme.surface : Theme.toneSoft(tone)
    border.color: tone === "" ? Theme.outline : Theme.fade(Theme.tone(tone), 0.35)
    border.width: 1

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: card.padding
        spacing: Theme.s
    }
}
