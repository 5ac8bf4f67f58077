// One of the team's rates: the ring, what it measures, and the counts behind it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

InfoCard {
    id: card

    property string title: ""
    property string detail: ""
    property string rule: ""
    property real value: 0
    property int gaugeSize: 96

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.l
        RateGauge {
            Layout.preferredWidth: card.gaugeSize
            Layout.preferredHeight: card.gaugeSize
            value: card.value
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.xs
            Label {
                Layout.fillWidth: true
                text: card.title
                font.pixelSize: Theme.bodyLarge
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                text: card.detail
                font.pixelSize: Theme.body
                color: Theme.textMuted
                wrapMode: Text.WordWrap
            }
            Label {
                visible: card.rule !== ""
                text: card.rule
                font.pixelSize: Theme.caption
                color: Theme.textMuted
            }
        }
    }
}
