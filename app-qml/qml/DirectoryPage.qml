// Contacts and accounts: each account with its open deals and when it was last touched (rule 8);
// choose one to see its people and deals, log a touch, or edit it; add accounts and people.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Page {
    id: page

    property bool wide: false
    property alias accountId: directory.accountId
    signal dealChosen(string dealId)
    signal newAccountRequested()
    signal accountEditRequested(string accountId)
    // A new contact, at the account shown (its name) when there is one.
    signal newContactRequested(string accountName)
    signal contactEditRequested(string contactId)
    signal searchRequested()
    signal settingsRequested()

    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Contacts and accounts")

    DirectoryController { id: directory; store: AppStore }

    header: PageHeader {
        title: directory.accountId === "" || page.wide ? qsTr("Contacts") : directory.accountName
        subtitle: directory.accountId === "" || page.wide
                  ? qsTr("%1 accounts · %2 people").arg(directory.accounts.count).arg(directory.contacts.count)
                  : directory.accountDeals.count === 1 ? qsTr("1 open deal")
                  : qsTr("%1 open deals").arg(directory.accountDeals.count)
        wide: page.wide
        backButton: !page.wide && directory.accountId !== ""
        onBackRequested: directory.accountId = ""
        onSearchRequested: page.searchRequested()
        onSettingsRequested: page.settingsRequested()
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: page.wide ? Theme.xl : Theme.l
        anchors.rightMargin: page.wide ? Theme.xl : Theme.l
        spacing: Theme.xl

        // Accounts
        ListView {
            id: accounts
            visible: page.wide || directory.accountId === ""
            Layout.fillHeight: true
            Layout.fillWidth: !page.wide
            Layout.preferredWidth: page.wide ? 360 : -1
            clip: true
            spacing: Theme.s
            model: directory.accounts
            activeFocusOnTab: true
            Accessible.name: qsTr("Accounts")
            header: SectionHeader {
                text: qsTr("Accounts")
                count: directory.accounts.count
                width: accounts.width
                Button {
                    objectName: "newAccountButton"
                    flat: true
                    text: qsTr("+ New account")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Add a new account")
                    onClicked: page.newAccountRequested()
                }
            }
            delegate: CardDelegate {
                required property bool flag
                selected: flag
                onClicked: directory.accountId = recordId
            }
            footer: Item { width: 1; height: Theme.l }
            ScrollBar.vertical: ScrollBar {}
        }

        // One account: its deals and people; with none chosen on desktop, everyone.
        Flickable {
            id: flick
            visible: page.wide || directory.accountId !== ""
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: detail.implicitHeight + Theme.xl
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            ColumnLayout {
                id: detail
                width: flick.width
                spacing: Theme.s

                RowLayout {
                    visible: directory.accountId !== ""
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.m
                    Label {
                        Layout.fillWidth: true
                        text: directory.accountName
                        font.pixelSize: Theme.title
                        font.bold: true
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    Button {
                        text: qsTr("Log a touch")
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("Log a touch with %1").arg(directory.accountName)
                        onClicked: touchMenu.open()
                        Menu {
                            id: touchMenu
                            y: parent.height
                            Repeater {
                                model: [ { key: "call", label: qsTr("Call") }, { key: "email", label: qsTr("Email") },
                                         { key: "visit", label: qsTr("Visit") }, { key: "congratulation", label: qsTr("Congratulations") },
                                         { key: "event_invite", label: qsTr("Event invitation") } ]
                                delegate: MenuItem {
                                    required property var modelData
                                    text: modelData.label
                                    onTriggered: directory.logTouch(directory.accountId, modelData.key, "")
                                }
                            }
                        }
                    }
                    Button {
                        objectName: "editAccountButton"
                        flat: true
                        text: qsTr("Edit")
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("Edit %1").arg(directory.accountName)
                        onClicked: page.accountEditRequested(directory.accountId)
                    }
                    Button {
                        visible: page.wide
                        flat: true
                        text: qsTr("Everyone")
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("Show everyone")
                        onClicked: directory.accountId = ""
                    }
                }

                SectionHeader {
                    visible: directory.accountId !== ""
                    text: qsTr("Deals")
                    count: directory.accountDeals.count
                }
                Repeater {
                    model: directory.accountDeals
                    delegate: CardDelegate { onClicked: page.dealChosen(dealId) }
                }

                SectionHeader {
                    text: directory.accountId === "" ? qsTr("Everyone") : qsTr("People")
                    count: directory.contacts.count
                    Button {
                        objectName: "newContactButton"
                        flat: true
                        text: qsTr("+ New contact")
                        implicitHeight: Theme.touch
                        Accessible.name: directory.accountId === "" ? qsTr("Add a new contact")
                                                                    : qsTr("Add a contact at %1").arg(directory.accountName)
                        onClicked: page.newContactRequested(directory.accountId === "" ? "" : directory.accountName)
                    }
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: page.wide && flick.width > 620 ? 2 : 1
                    columnSpacing: Theme.s
                    rowSpacing: Theme.s
                    Repeater {
                        model: directory.contacts
                        delegate: CardDelegate {
                            Layout.fillWidth: true
                            onClicked: page.contactEditRequested(recordId)
                        }
                    }
                }
            }
        }
    }
}
