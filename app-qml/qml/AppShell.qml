// The frame around the pages: side navigation on desktop, bottom navigation on a phone, the sync
// status always on top, and on desktop the open deal beside the list it came from.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Item {
    id: shell

    property bool wide: false
    property string section: "today"
    property string dealId: ""

    signal bookRequested(string dealId)
    signal closeCallRequested(string meetingId)
    signal planRequested(string meetingId)
    signal signInRequested()
    signal newDealRequested()
    signal importRequested()
    signal stageRequested(string dealId)
    signal dealEditRequested(string dealId)
    signal newAccountRequested()
    signal accountEditRequested(string accountId)
    signal newContactRequested(string accountName)
    signal contactEditRequested(string contactId)

    function showSection(name) { section = name; if (!wide) dealId = "" }
    function openDeal(id) { dealId = id }
    // Settings, scrolled to the team's (the screenshot run's "settings-team").
    property bool teamSettingsWanted: false
    function showTeamSettings() {
        teamSettingsWanted = true
        showSection("settings")
        if (settingsLoader.item) settingsLoader.item.showTeam()
    }
    function closeDeal() { dealId = "" }
    // The contacts section, on one account.
    property string accountWanted: ""
    function showAccount(id) {
        accountWanted = id
        showSection("directory")
        if (directoryLoader.item) directoryLoader.item.accountId = id
    }
    // Pages are made the first time they are shown, so the start makes only Today.
    property var visited: [section]
    onSectionChanged: if (visited.indexOf(section) < 0) visited = visited.concat([section])
    property string pipelineFilterWanted: ""
    property string searchTextWanted: ""
    // For the screenshot run: the deal page opens asking whether to cancel its next meeting.
    property bool cancelAskWanted: false
    // For the screenshot run: a sheet of the events page ("new", "participants").
    property string eventSheetWanted: ""
    function setPipelineFilter(name) {
        pipelineFilterWanted = name
        if (pipelineLoader.item) pipelineLoader.item.filter = name
    }
    function setSearchText(text) {
        searchTextWanted = text
        if (searchLoader.item) searchLoader.item.query = text
    }

    readonly property var sections: [
        { key: "today", label: qsTr("Today"), icon: Theme.iconToday, phone: true },
        { key: "pipeline", label: qsTr("Pipeline"), icon: Theme.iconPipeline, phone: true },
        { key: "directory", label: qsTr("Contacts"), icon: Theme.iconContacts, phone: true },
        { key: "events", label: qsTr("Events"), icon: Theme.iconEvents, phone: true },
        { key: "health", label: qsTr("Health"), icon: Theme.iconHealth, phone: true },
        { key: "search", label: qsTr("Search"), icon: Theme.iconSearch, phone: false },
        { key: "settings", label: qsTr("Settings"), icon: Theme.iconSettings, phone: false }
    ]
    readonly property bool showsDetail: wide && dealId !== "" && section !== "settings"
                                        && section !== "health"

    RowLayout {
        anchors.fill: parent
        spacing: 0

        SideNavigation {
            visible: shell.wide
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.navigationWidth
            sections: shell.sections
            current: shell.section
            onChosen: (key) => shell.showSection(key)
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            SyncStatusBar {
                Layout.fillWidth: true
                onSignInRequested: shell.signInRequested()
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 0

                Item {
                    Layout.fillWidth: true
                    Layout.fillHeight: true

                    StackLayout {
                        id: pages
                        anchors.fill: parent
                        currentIndex: ["today", "pipeline", "directory", "events", "health", "search",
                                       "settings"].indexOf(shell.section)

                        Loader {
                            id: todayLoader
                            active: shell.visited.indexOf("today") >= 0
                            sourceComponent: Component {
                                TodayPage {
                                    wide: shell.wide
                                    onDealChosen: (id) => shell.openDeal(id)
                                    onCloseCallRequested: (id) => shell.closeCallRequested(id)
                                    onPlanRequested: (id) => shell.planRequested(id)
                                    onSectionRequested: (key) => shell.showSection(key)
                                    onSearchRequested: shell.showSection("search")
                                    onSettingsRequested: shell.showSection("settings")
                                    onNewDealRequested: shell.newDealRequested()
                                    onSignInRequested: shell.signInRequested()
                                    onImportRequested: shell.importRequested()
                                }
                            }
                        }
                        Loader {
                            id: pipelineLoader
                            active: shell.visited.indexOf("pipeline") >= 0
                            onLoaded: item.filter = shell.pipelineFilterWanted
                            sourceComponent: Component {
                                PipelinePage {
                                    wide: shell.wide
                                    compact: shell.showsDetail
                                    selectedDealId: shell.dealId
                                    onDealChosen: (id) => shell.openDeal(id)
                                    onSearchRequested: shell.showSection("search")
                                    onSettingsRequested: shell.showSection("settings")
                                    onNewDealRequested: shell.newDealRequested()
                                }
                            }
                        }
                        Loader {
                            id: directoryLoader
                            active: shell.visited.indexOf("directory") >= 0
                            onLoaded: item.accountId = shell.accountWanted
                            sourceComponent: Component {
                                DirectoryPage {
                                    wide: shell.wide
                                    onNewAccountRequested: shell.newAccountRequested()
                                    onAccountEditRequested: (id) => shell.accountEditRequested(id)
                                    onNewContactRequested: (name) => shell.newContactRequested(name)
                                    onContactEditRequested: (id) => shell.contactEditRequested(id)
                                    onDealChosen: (id) => shell.openDeal(id)
                                    onSearchRequested: shell.showSection("search")
                                    onSettingsRequested: shell.showSection("settings")
                                }
                            }
                        }
                        Loader {
                            id: eventsLoader
                            active: shell.visited.indexOf("events") >= 0
                            sourceComponent: Component {
                                EventPage {
                                    wide: shell.wide
                                    sheetWanted: shell.eventSheetWanted
                                    onDealChosen: (id) => shell.openDeal(id)
                                    onSearchRequested: shell.showSection("search")
                                    onSettingsRequested: shell.showSection("settings")
                                }
                            }
                        }
                        Loader {
                            id: healthLoader
                            active: shell.visited.indexOf("health") >= 0
                            sourceComponent: Component {
                                HealthPage {
                                    wide: shell.wide
                                    onDealChosen: (id) => { shell.section = "pipeline"; shell.openDeal(id) }
                                    onSearchRequested: shell.showSection("search")
                                    onSettingsRequested: shell.showSection("settings")
                                }
                            }
                        }
                        Loader {
                            id: searchLoader
                            active: shell.visited.indexOf("search") >= 0
                            onLoaded: item.query = shell.searchTextWanted
                            sourceComponent: Component {
                                SearchPage {
                                    wide: shell.wide
                                    onDealChosen: (id) => shell.openDeal(id)
                                    onBackRequested: shell.showSection("today")
                                }
                            }
                        }
                        Loader {
                            id: settingsLoader
                            active: shell.visited.indexOf("settings") >= 0
                            sourceComponent: Component {
                                SettingsPage {
                                    wide: shell.wide
                                    Component.onCompleted: if (shell.teamSettingsWanted) Qt.callLater(showTeam)
                                    onSignInRequested: shell.signInRequested()
                                    onImportRequested: shell.importRequested()
                                    onBackRequested: shell.showSection("today")
                                }
                            }
                        }
                    }

                    // On a phone the deal covers the page it came from.
                    Loader {
                        anchors.fill: parent
                        active: !shell.wide && shell.dealId !== ""
                        sourceComponent: Component {
                            DealPage {
                                wide: false
                                dealId: shell.dealId
                                askCancel: shell.cancelAskWanted
                                onBackRequested: shell.closeDeal()
                                onBookRequested: (id) => shell.bookRequested(id)
                                onPlanRequested: (id) => shell.planRequested(id)
                                onCloseCallRequested: (id) => shell.closeCallRequested(id)
                                onStageRequested: (id) => shell.stageRequested(id)
                                onEditRequested: (id) => shell.dealEditRequested(id)
                                onNewContactRequested: (name) => shell.newContactRequested(name)
                                onContactEditRequested: (id) => shell.contactEditRequested(id)
                            }
                        }
                    }
                }

                Rectangle {
                    visible: shell.showsDetail
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    color: Theme.outline
                }
                Loader {
                    active: shell.showsDetail
                    visible: active
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.detailWidth
                    sourceComponent: Component {
                        DealPage {
                            wide: true
                            dealId: shell.dealId
                            askCancel: shell.cancelAskWanted
                            onBackRequested: shell.closeDeal()
                            onBookRequested: (id) => shell.bookRequested(id)
                            onPlanRequested: (id) => shell.planRequested(id)
                            onCloseCallRequested: (id) => shell.closeCallRequested(id)
                            onStageRequested: (id) => shell.stageRequested(id)
                            onEditRequested: (id) => shell.dealEditRequested(id)
                            onNewContactRequested: (name) => shell.newContactRequested(name)
                            onContactEditRequested: (id) => shell.contactEditRequested(id)
                        }
                    }
                }
            }

            BottomNavigation {
                visible: !shell.wide
                Layout.fillWidth: true
                sections: shell.sections.filter((s) => s.phone)
                current: shell.section
                onChosen: (key) => shell.showSection(key)
            }
        }
    }
}
