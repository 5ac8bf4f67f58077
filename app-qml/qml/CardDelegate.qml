// One row of a CardListModel as a tappable card: title, subtitle, a time and a badge.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

ItemDelegate {
    id: row

    required property string recordId
    required property string title
    required property string subtitle
    required property string detail
    required property string when
    required property string badge
    required property string tone
    required property string dealId
    property bool selected: false
    property bool showDetail: true

    Layout.fillWidth: true
    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: Math.max(Theme.touch + Theme.s, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: Theme.l
    rightPadding: Theme.l
    topPadding: Theme.m
    bottomPadding: Theme.m
    focusPolicy: Qt.StrongFocus
    Accessible.name: [title, subtitle, when, badge].filter((s) => s !== "").join(", ")

    background: Rectangle {
        radius: Theme.radius
        color: row.selected ? Theme.primarySoft
                            : row.down ? Theme.surfaceMuted
                            : row.hovered ? Theme.surfaceRaised : Theme.surface
        border.width: row.visualFocus || row.selected ? 2 : 1
        border.color: row.visualFocus || row.selected ? Theme.primary : Theme.outline
        Rectangle {
            visible: row.tone === "danger" || row.tone === "warning"
            width: 4
            radius: 2
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            anchors.margins: Theme.s
            color: Theme.tone(row.tone)
        }
    }
    contentItem: RowLayout {
        id: body
        spacing: Theme.m

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: row.title
                elide: Text.ElideRight
                font.pixelSize: Theme.bodyLarge
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                visible: text !== ""
                text: row.subtitle
                elide: Text.ElideRight
                font.pixelSize: Theme.body
                color: Theme.textMuted
            }
            Label {
                Layout.fillWidth: true
                visible: row.showDetail && text !== ""
                text: row.detail
                elide: Text.ElideRight
                font.pixelSize: Theme.caption
                color: Theme.textMuted
            }
        }
        ColumnLayout {
            spacing: Theme.xs
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            Label {
                Layout.alignment: Qt.AlignRight
                visible: text !== ""
                text: row.when
                font.pixelSize: Theme.caption
                color: Theme.textMuted
            }
            ToneBadge {
                Layout.alignment: Qt.AlignRight
                visible: row.badge !== ""
                text: row.badge
                tone: row.tone
            }
        }
    }
}
