// Sync, always in view: where the data lives, offline, progress of a first sync, changes waiting
// to go up, and the last problem in words a rep understands.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Rectangle {
    id: bar

    signal signInRequested()

    readonly property string state: AppSync.state
    readonly property string tone: state === "up_to_date" ? "good"
                                 : state === "syncing" || state === "connecting" ? "info"
                                 : state === "signed_out" ? "neutral" : "warning"

    implicitHeight: Math.max(Theme.touch - 8, row.implicitHeight)
    color: Theme.toneSoft(tone)
    Accessible.role: Accessible.StatusBar
    Accessible.name: label.text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.l
        anchors.rightMargin: Theme.s
        spacing: Theme.s

        Rectangle {
            width: 8
            height: 8
            radius: 4
            color: Theme.tone(bar.tone)
        }
        Label {
            id: label
            Layout.fillWidth: true
            elide: Text.ElideRight
            font.pixelSize: Theme.caption
            color: Theme.text
            text: {
                var parts = [AppSync.stateText]
                if (AppSync.pending === 1)
                    parts.push(qsTr("1 change waiting to sync"))
                else if (AppSync.pending > 1)
                    parts.push(qsTr("%1 changes waiting to sync").arg(AppSync.pending))
                if (AppSync.state === "error" || AppSync.state === "offline") {
                    if (AppSync.error !== "") parts.push(AppSync.error)
                } else if (AppSync.lastSyncedText !== "") {
                    parts.push(AppSync.lastSyncedText)
                }
                return parts.join(" · ")
            }
        }
        ProgressBar {
            visible: AppSync.state === "syncing" && AppSync.rowsTotal > 0
            Layout.preferredWidth: 96
            from: 0
            to: Math.max(1, AppSync.rowsTotal)
            value: AppSync.rowsDone
            Accessible.name: qsTr("Sync progress")
        }
        Button {
            visible: !AppSync.signedIn
            flat: true
            text: qsTr("Sign in to sync")
            font.pixelSize: Theme.caption
            Layout.preferredHeight: Theme.touch
            Layout.topMargin: -4
            Layout.bottomMargin: -4
            Accessible.name: qsTr("Sign in to sync with your team")
            onClicked: bar.signInRequested()
        }
    }
}
