// The three rates of the health screen week by week (rules 1, 2 and 4): one line each on a
// 0-100 % scale, the weeks along the bottom, a legend that names the lines in words.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

ColumnLayout {
    id: chart

    // [{week, nextStep, atTable, commitment}], oldest first
    property var points: []
    readonly property var series: [
        { key: "nextStep", label: qsTr("Booked next step"), color: Theme.primary },
        { key: "atTable", label: qsTr("Booked at the table"), color: Theme.warning },
        { key: "commitment", label: qsTr("Commitment"), color: Theme.good }
    ]

    spacing: Theme.s
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Rates over the last %n weeks", "", points.length)

    Canvas {
        id: canvas
        Layout.fillWidth: true
        Layout.preferredHeight: 160
        readonly property int axisLeft: 36
        readonly property int axisBottom: 20

        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            const w = width - axisLeft - 8
            const h = height - axisBottom - 8
            ctx.font = Theme.caption + "px sans-serif"
            ctx.lineWidth = 1
            ctx.strokeStyle = Theme.outline
            ctx.fillStyle = Theme.textMuted
            for (let pct = 0; pct <= 100; pct += 50) {
                const y = 8 + h - h * pct / 100
                ctx.beginPath(); ctx.moveTo(axisLeft, y); ctx.lineTo(axisLeft + w, y); ctx.stroke()
                ctx.fillText(pct + "%", 0, y + 4)
            }
            const n = chart.points.length
            if (n === 0) return
            const x = (i) => axisLeft + (n === 1 ? w / 2 : w * i / (n - 1))
            ctx.fillText(chart.points[0].week, axisLeft, height - 4)
            const last = chart.points[n - 1].week
            ctx.fillText(last, axisLeft + w - ctx.measureText(last).width, height - 4)
            ctx.lineWidth = 2.5
            for (const s of chart.series) {
                ctx.strokeStyle = s.color
                ctx.fillStyle = s.color
                // A week without a value (no bookings) leaves a gap; a lone value is a dot.
                ctx.beginPath()
                let drawing = false
                for (let i = 0; i < n; ++i) {
                    const v = chart.points[i][s.key]
                    if (v === undefined || v === null) { drawing = false; continue }
                    const y = 8 + h - h * v
                    const alone = !drawing && (i === n - 1 || chart.points[i + 1][s.key] == null)
                    if (alone) { ctx.moveTo(x(i) + 3.5, y); ctx.arc(x(i), y, 3.5, 0, 2 * Math.PI); ctx.moveTo(x(i), y) }
                    if (drawing) ctx.lineTo(x(i), y); else ctx.moveTo(x(i), y)
                    drawing = true
                }
                ctx.stroke()
                const lastValue = chart.points[n - 1][s.key]
                if (lastValue !== undefined && lastValue !== null) {
                    ctx.beginPath(); ctx.arc(x(n - 1), 8 + h - h * lastValue, 3.5, 0, 2 * Math.PI); ctx.fill()
                }
            }
        }
        onWidthChanged: requestPaint()
        Connections {
            target: chart
            function onPointsChanged() { canvas.requestPaint() }
        }
        Connections {
            target: Theme
            function onDarkChanged() { canvas.requestPaint() }
        }
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.l
        Repeater {
            model: chart.series
            delegate: Row {
                spacing: Theme.xs
                Rectangle { width: 14; height: 4; radius: 2; color: modelData.color; anchors.verticalCenter: parent.verticalCenter }
                Label {
                    text: modelData.label
                    font.pixelSize: Theme.caption
                    color: Theme.textMuted
                }
            }
        }
    }
}
