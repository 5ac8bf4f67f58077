// Settings: sync (server, sign in and out, what is waiting), the team's touch cadence and ladder
// of stages, and the theme.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Page {
    id: page

    property bool wide: false
    signal signInRequested()
    signal importRequested()
    signal backRequested()

    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Settings")

    // Scrolls to the team's settings; kept while the page lays out (for the screenshot run).
    property bool teamWanted: false
    function showTeam() {
        teamWanted = true
        const y = teamHeader.mapToItem(content, 0, 0).y + content.y - Theme.s
        flick.contentY = Math.max(0, Math.min(y, flick.contentHeight - flick.height))
    }

    TeamSettingsController { id: team; store: AppStore }

    header: PageHeader {
        title: qsTr("Settings")
        wide: page.wide
        backButton: !page.wide
        onBackRequested: page.backRequested()
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: content.implicitHeight + Theme.xl
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: content
            onImplicitHeightChanged: if (page.teamWanted) Qt.callLater(page.showTeam)
            x: page.wide ? Theme.xl : Theme.l
            width: Math.min(flick.width - x * 2, 720)
            spacing: Theme.s

            SectionHeader { text: qsTr("Sync") }
            InfoCard {
                RowLayout {
                    Layout.fillWidth: true
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: AppSync.signedIn ? qsTr("Signed in as %1").arg(AppSync.email) : qsTr("Not signed in")
                            font.pixelSize: Theme.bodyLarge
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: AppSync.signedIn ? qsTr("%1 · team %2").arg(AppSync.server).arg(AppSync.team)
                                                   : qsTr("Everything works on this device; sign in to share with your team.")
                            font.pixelSize: Theme.body
                            color: Theme.textMuted
                            wrapMode: Text.WordWrap
                        }
                    }
                    Button {
                        text: AppSync.signedIn ? qsTr("Sign out") : qsTr("Sign in")
                        highlighted: !AppSync.signedIn
                        implicitHeight: Theme.touch
                        Accessible.name: text
                        onClicked: AppSync.signedIn ? AppSync.signOut() : page.signInRequested()
                    }
                }
                Rectangle { Layout.fillWidth: true; height: 1; color: Theme.outline }
                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: Theme.l
                    rowSpacing: Theme.xs
                    Label { text: qsTr("Status"); color: Theme.textMuted; font.pixelSize: Theme.body }
                    Label { Layout.fillWidth: true; text: AppSync.stateText; color: Theme.text; font.pixelSize: Theme.body; elide: Text.ElideRight }
                    Label { text: qsTr("Waiting to sync"); color: Theme.textMuted; font.pixelSize: Theme.body }
                    Label { Layout.fillWidth: true; text: AppSync.pending === 1 ? qsTr("1 change") : qsTr("%1 changes").arg(AppSync.pending); color: Theme.text; font.pixelSize: Theme.body }
                    Label { visible: AppSync.error !== ""; text: qsTr("Last problem"); color: Theme.textMuted; font.pixelSize: Theme.body }
                    Label { visible: AppSync.error !== ""; Layout.fillWidth: true; text: AppSync.error; color: Theme.warning; font.pixelSize: Theme.body; wrapMode: Text.WordWrap }
                }
                Button {
                    visible: AppSync.signedIn
                    flat: true
                    text: qsTr("Sync now")
                    implicitHeight: Theme.touch
                    Accessible.name: text
                    onClicked: AppSync.syncNow()
                }
            }

            SectionHeader { text: qsTr("Bring your pipeline") }
            InfoCard {
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Deals, accounts, contacts and activities from the CSV file Salesforce, HubSpot or Pipedrive exports.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.body
                        wrapMode: Text.WordWrap
                    }
                    Button {
                        objectName: "settingsImportButton"
                        text: qsTr("Import…")
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("Import from your CRM")
                        onClicked: page.importRequested()
                    }
                }
            }

            SectionHeader {
                visible: AppSync.setAsideCount > 0
                text: qsTr("Set aside by the server")
            }
            InfoCard {
                visible: AppSync.setAsideCount > 0
                Label {
                    Layout.fillWidth: true
                    text: qsTr("The server refused these changes, so your team does not have them. Send one again, or drop it to take the team's value back.")
                    color: Theme.textMuted
                    font.pixelSize: Theme.body
                    wrapMode: Text.WordWrap
                }
                Repeater {
                    model: AppSync.setAside
                    delegate: ColumnLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 2
                        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.outline }
                        Label {
                            Layout.fillWidth: true
                            text: modelData.record
                            font.pixelSize: Theme.body
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            visible: modelData.field !== ""
                            Layout.fillWidth: true
                            text: qsTr("%1 → %2").arg(modelData.field).arg(modelData.value)
                            font.pixelSize: Theme.body
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2").arg(modelData.when).arg(modelData.reason)
                            font.pixelSize: Theme.caption
                            color: Theme.warning
                            wrapMode: Text.WordWrap
                        }
                        RowLayout {
                            Button {
                                text: qsTr("Send again")
                                flat: true
                                implicitHeight: Theme.touch
                                Accessible.name: qsTr("Send the change to %1 again").arg(modelData.record)
                                onClicked: AppSync.resendSetAside(modelData.id)
                            }
                            Button {
                                text: qsTr("Drop")
                                flat: true
                                implicitHeight: Theme.touch
                                Accessible.name: qsTr("Drop the change to %1").arg(modelData.record)
                                onClicked: AppSync.dropSetAside(modelData.id)
                            }
                        }
                    }
                }
            }

            SectionHeader { id: teamHeader; text: qsTr("Team") }
            InfoCard {
                GridLayout {
                    Layout.fillWidth: true
                    columns: page.wide ? 2 : 1
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label { text: qsTr("Touch every customer at least every"); color: Theme.text; font.pixelSize: Theme.body; Layout.fillWidth: true; wrapMode: Text.WordWrap }
                        Label { text: qsTr("Past this, a customer is stale (rule 8)."); color: Theme.textMuted; font.pixelSize: Theme.caption }
                    }
                    SpinBox {
                        id: cadence
                        from: 1
                        to: 365
                        value: team.cadenceDays
                        editable: true
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("Touch cadence in days")
                        textFromValue: (v) => qsTr("%1 days").arg(v)
                        valueFromText: (t) => parseInt(t)
                        onValueModified: team.setCadenceDays(value)
                    }
                }
                Rectangle { Layout.fillWidth: true; height: 1; color: Theme.outline }
                Label { text: qsTr("Working days"); color: Theme.text; font.pixelSize: Theme.body }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    // One day left: say why its chip does nothing.
                    text: (team.workingDays & (team.workingDays - 1)) === 0
                          ? qsTr("Suggested meeting slots fall on these days: %1. The last working day cannot be taken off.").arg(team.workingDaysText)
                          : qsTr("Suggested meeting slots fall on these days: %1.").arg(team.workingDaysText)
                    color: Theme.textMuted
                    font.pixelSize: Theme.caption
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 4
                    Repeater {
                        // Monday first, as a work week reads.
                        model: [1, 2, 3, 4, 5, 6, 0]
                        delegate: ChoiceChip {
                            required property int modelData
                            objectName: "workingDay" + modelData
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            text: Qt.locale().dayName(modelData, Locale.ShortFormat)
                            checkable: false
                            // Seven to a phone's row: the day's name needs all the width.
                            leftPadding: 0
                            rightPadding: 0
                            checked: (team.workingDays >> modelData) & 1
                            onClicked: team.setWorkingDay(modelData, !checked)
                        }
                    }
                }
                Rectangle { Layout.fillWidth: true; height: 1; color: Theme.outline }
                Label { text: qsTr("Stages, lowest rung first (rule 11)"); color: Theme.text; font.pixelSize: Theme.body }
                TextArea {
                    id: stages
                    Layout.fillWidth: true
                    text: team.stages.join("\n")
                    wrapMode: TextEdit.NoWrap
                    Accessible.name: qsTr("Stages, one per line")
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 12
                    Button {
                        id: saveStages
                        text: qsTr("Save the stages")
                        enabled: stages.text !== team.stages.join("\n")
                        implicitHeight: Theme.touch
                        Accessible.name: text
                        onClicked: team.setStages(stages.text.split("\n"))
                    }
                    // Greyed out with nothing to save: say so beside it.
                    Label {
                        visible: !saveStages.enabled
                        Layout.fillWidth: true
                        text: qsTr("Nothing to save yet: edit the list above.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.caption
                        wrapMode: Text.WordWrap
                    }
                }
                Label {
                    visible: team.error !== ""
                    Layout.fillWidth: true
                    text: team.error
                    color: Theme.danger
                    wrapMode: Text.WordWrap
                }
            }

            SectionHeader { text: qsTr("Appearance") }
            InfoCard {
                Switch {
                    text: qsTr("Dark theme")
                    checked: Theme.dark
                    Accessible.name: text
                    onToggled: Window.window.dark = checked
                }
            }
            SectionHeader { text: qsTr("This device") }
            InfoCard {
                Label { Layout.fillWidth: true; text: AppStore.path; color: Theme.textMuted; font.pixelSize: Theme.caption; wrapMode: Text.WrapAnywhere }
            }
        }
    }
}
