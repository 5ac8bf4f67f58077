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

    function showSection(name) { section = name; if (!wide) dealId = "" }
    function openDeal(id) { dealId = id }
    function closeDeal() { dealId = "" }
    function setPipelineFilter(name) { pipelinePage.filter = name }
    function setSearchText(text) { searchPage.query = text }

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

                        TodayPage {
                            wide: shell.wide
                            onDealChosen: (id) => shell.openDeal(id)
                            onCloseCallRequested: (id) => shell.closeCallRequested(id)
                            onPlanRequested: (id) => shell.planRequested(id)
                            onSectionRequested: (key) => shell.showSection(key)
                            onSearchRequested: shell.showSection("search")
                            onSettingsRequested: shell.showSection("settings")
                        }
                        PipelinePage {
                            id: pipelinePage
                            wide: shell.wide
                            compact: shell.showsDetail
                            selectedDealId: shell.dealId
                            onDealChosen: (id) => shell.openDeal(id)
                            onSearchRequested: shell.showSection("search")
                            onSettingsRequested: shell.showSection("settings")
                        }
                        DirectoryPage {
                            wide: shell.wide
                            onDealChosen: (id) => shell.openDeal(id)
                            onSearchRequested: shell.showSection("search")
                            onSettingsRequested: shell.showSection("settings")
                        }
                        EventPage {
                            wide: shell.wide
                            onDealChosen: (id) => shell.openDeal(id)
                            onSearchRequested: shell.showSection("search")
                            onSettingsRequested: shell.showSection("settings")
                        }
                        HealthPage {
                            wide: shell.wide
                            onDealChosen: (id) => { shell.section = "pipeline"; shell.openDeal(id) }
                            onSearchRequested: shell.showSection("search")
                            onSettingsRequested: shell.showSection("settings")
                        }
                        SearchPage {
                            id: searchPage
                            wide: shell.wide
                            onDealChosen: (id) => shell.openDeal(id)
                            onBackRequested: shell.showSection("today")
                        }
                        SettingsPage {
                            wide: shell.wide
                            onSignInRequested: shell.signInRequested()
                            onBackRequested: shell.showSection("today")
                        }
                    }

                    // On a phone the deal covers the page it came from.
                    DealPage {
                        visible: !shell.wide && shell.dealId !== ""
                        anchors.fill: parent
                        wide: false
                        dealId: shell.wide ? "" : shell.dealId
                        onBackRequested: shell.closeDeal()
                        onBookRequested: (id) => shell.bookRequested(id)
                        onPlanRequested: (id) => shell.planRequested(id)
                        onCloseCallRequested: (id) => shell.closeCallRequested(id)
                    }
                }

                Rectangle {
                    visible: shell.showsDetail
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    color: Theme.outline
                }
                DealPage {
                    visible: shell.showsDetail
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.detailWidth
                    wide: true
                    dealId: shell.wide ? shell.dealId : ""
                    onBackRequested: shell.closeDeal()
                    onBookRequested: (id) => shell.bookRequested(id)
                    onPlanRequested: (id) => shell.planRequested(id)
                    onCloseCallRequested: (id) => shell.closeCallRequested(id)
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
