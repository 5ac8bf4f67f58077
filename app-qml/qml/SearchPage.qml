// Search across deals, accounts, contacts and notes as you type.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Page {
    id: page

    property bool wide: false
    property alias query: field.text
    signal dealChosen(string dealId)
    signal backRequested()

    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Search")

    SearchController { id: search; store: AppStore; query: field.text }

    header: PageHeader {
        title: qsTr("Search")
        subtitle: qsTr("Deals, accounts, contacts and notes")
        wide: page.wide
        backButton: !page.wide
        onBackRequested: page.backRequested()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: page.wide ? Theme.xl : Theme.l
        anchors.rightMargin: page.wide ? Theme.xl : Theme.l
        spacing: Theme.s

        TextField {
            id: field
            Layout.fillWidth: true
            Layout.maximumWidth: 720
            placeholderText: qsTr("Search: “acme pilot”, a name, a city…")
            focus: true
            Accessible.name: qsTr("Search text")
        }
        ListView {
            id: hits
            Layout.fillWidth: true
            Layout.maximumWidth: 720
            Layout.fillHeight: true
            clip: true
            spacing: Theme.s
            model: search.hits
            activeFocusOnTab: true
            Accessible.name: qsTr("Results")
            delegate: CardDelegate {
                enabled: dealId !== ""
                onClicked: page.dealChosen(dealId)
            }
            ScrollBar.vertical: ScrollBar {}
            EmptyState {
                width: parent.width
                visible: hits.count === 0
                text: field.text.trim() === "" ? qsTr("Type a few letters of any word: every word must match the start of a word.")
                                               : qsTr("Nothing matches “%1”.").arg(field.text)
            }
        }
    }
}
