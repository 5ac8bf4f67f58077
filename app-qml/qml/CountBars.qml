// What is wrong in the pipeline, as horizontal bars drawn with Qt Quick Shapes, one per problem,
// scaled to the largest count.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Shapes
import NextStep

ColumnLayout {
    id: chart

    property var model: null
    property real maximum: 1
    signal chosen(string key)

    spacing: Theme.s
    Layout.fillWidth: true

    Repeater {
        id: bars
        model: chart.model
        onItemAdded: chart.maximum = chart.largest()
        onItemRemoved: chart.maximum = chart.largest()
        delegate: RowLayout {
            id: bar
            required property string recordId
            required property string title
            required property string subtitle
            required property double amount
            required property string tone
            Layout.fillWidth: true
            spacing: Theme.m
            Accessible.role: Accessible.StaticText
            Accessible.name: title + ": " + amount

            ColumnLayout {
                Layout.preferredWidth: 150
                Layout.maximumWidth: 150
                spacing: 0
                Label { text: bar.title; font.pixelSize: Theme.body; color: Theme.text; elide: Text.ElideRight; Layout.fillWidth: true }
                Label { text: bar.subtitle; font.pixelSize: Theme.caption; color: Theme.textMuted }
            }
            Item {
                id: track
                readonly property real fill: Math.max(bar.amount > 0 ? 4 : 0,
                                                      width * bar.amount / Math.max(1, chart.maximum))
                Layout.fillWidth: true
                Layout.preferredHeight: 22
                Shape {
                    anchors.fill: parent
                    ShapePath {
                        fillColor: Theme.surfaceMuted
                        strokeColor: "transparent"
                        startX: 0; startY: 0
                        PathLine { x: track.width; y: 0 }
                        PathLine { x: track.width; y: track.height }
                        PathLine { x: 0; y: track.height }
                        PathLine { x: 0; y: 0 }
                    }
                    ShapePath {
                        fillColor: Theme.tone(bar.tone)
                        strokeColor: "transparent"
                        startX: 0; startY: 0
                        PathLine { x: track.fill; y: 0 }
                        PathLine { x: track.fill; y: track.height }
                        PathLine { x: 0; y: track.height }
                        PathLine { x: 0; y: 0 }
                    }
                }
            }
            Label {
                Layout.preferredWidth: 48
                horizontalAlignment: Text.AlignRight
                text: Math.round(bar.amount)
                font.pixelSize: Theme.bodyLarge
                font.bold: true
                color: bar.amount > 0 ? Theme.tone(bar.tone) : Theme.textMuted
            }
        }
    }

    function largest() {
        var m = 1
        if (!model) return m
        for (var i = 0; i < model.count; ++i) m = Math.max(m, model.get(i).amount)
        return m
    }
}
