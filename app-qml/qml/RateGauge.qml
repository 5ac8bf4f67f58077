// A rate as a ring drawn with Qt Quick Shapes: the share filled, the percentage in the middle.
import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import NextStep

Item {
    id: gauge

    property real value: 0          // 0..1
    property string tone: value >= 0.8 ? "good" : value >= 0.5 ? "warning" : "danger"
    property int thickness: 10

    implicitWidth: 120
    implicitHeight: 120
    Accessible.role: Accessible.ProgressBar
    Accessible.name: Math.round(value * 100) + "%"

    Shape {
        anchors.fill: parent
        layer.enabled: true
        layer.samples: 4
        ShapePath {
            strokeColor: Theme.surfaceMuted
            strokeWidth: gauge.thickness
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            PathAngleArc {
                centerX: gauge.width / 2
                centerY: gauge.height / 2
                radiusX: gauge.width / 2 - gauge.thickness
                radiusY: gauge.height / 2 - gauge.thickness
                startAngle: -90
                sweepAngle: 360
            }
        }
        ShapePath {
            strokeColor: Theme.tone(gauge.tone)
            strokeWidth: gauge.thickness
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            PathAngleArc {
                centerX: gauge.width / 2
                centerY: gauge.height / 2
                radiusX: gauge.width / 2 - gauge.thickness
                radiusY: gauge.height / 2 - gauge.thickness
                startAngle: -90
                sweepAngle: Math.max(0.5, Math.min(1, gauge.value) * 360)
            }
        }
    }
    Label {
        anchors.centerIn: parent
        text: Math.round(gauge.value * 100) + "%"
        font.pixelSize: gauge.width / 4.2
        font.bold: true
        color: Theme.text
    }
}
