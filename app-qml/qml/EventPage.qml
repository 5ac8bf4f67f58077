// Rule 10, after the big event: each participant with or without a next step, and booking all
// who still need one in one go.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

Page {
    id: page

    property bool wide: false
    // For the screenshot run: "new" opens the new-event sheet filled in, "participants" who came.
    property string sheetWanted: ""
    signal dealChosen(string dealId)
    signal searchRequested()
    signal settingsRequested()

    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Events")

    EventController {
        id: events
        store: AppStore
        onBookedAll: (n) => done.text = n === 1 ? qsTr("1 next step booked.") : qsTr("%1 next steps booked.").arg(n)
    }
    EventSheet {
        id: newEvent
        wide: page.wide
        onCreatedAndPick: (eventId) => {
            events.eventId = eventId
            who.openFor(eventId)
        }
    }
    ParticipantsSheet {
        id: who
        wide: page.wide
        eventTitle: events.title
        onClosed: events.refresh()
    }
    function showSheet(name) {
        newEvent.close()
        who.close()
        if (name === "new") { newEvent.openNew(); newEvent.fillExample() }
        else if (name === "participants" && events.eventId !== "") who.openFor(events.eventId)
    }
    onSheetWantedChanged: showSheet(sheetWanted)
    Connections {
        target: events
        // The participants sheet needs the event, which the first load chooses.
        function onEventIdChanged() { if (page.sheetWanted === "participants") page.showSheet("participants") }
    }
    Component.onCompleted: if (sheetWanted !== "") showSheet(sheetWanted)

    header: PageHeader {
        title: qsTr("Events")
        subtitle: qsTr("After the big event, step 2 for everyone who came")
        wide: page.wide
        onSearchRequested: page.searchRequested()
        onSettingsRequested: page.settingsRequested()
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
            x: page.wide ? Theme.xl : Theme.l
            width: Math.min(flick.width - x * 2, 980)
            spacing: Theme.s

            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.s
                spacing: Theme.s
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "addParticipantsButton"
                    visible: events.eventId !== ""
                    flat: true
                    text: qsTr("+ Who came")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Add participants to this event")
                    onClicked: who.openFor(events.eventId)
                }
                Button {
                    objectName: "newEventButton"
                    text: qsTr("+ New event")
                    highlighted: true
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Log a new event")
                    onClicked: newEvent.openNew()
                }
            }
            ListView {
                visible: events.events.count > 0
                Layout.fillWidth: true
                Layout.preferredHeight: 64
                orientation: ListView.Horizontal
                spacing: Theme.s
                clip: true
                model: events.events
                Accessible.name: qsTr("Events")
                delegate: ChoiceChip {
                    required property string recordId
                    required property string title
                    required property string when
                    required property string badge
                    required property bool flag
                    text: title
                    subtitle: badge + " · " + when
                    checked: flag
                    onClicked: events.eventId = recordId
                }
            }

            InfoCard {
                visible: events.eventId !== ""
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.l
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label { Layout.fillWidth: true; text: events.title; font.pixelSize: Theme.title; font.bold: true; color: Theme.text; wrapMode: Text.WordWrap }
                        Label { Layout.fillWidth: true; text: events.subtitle; font.pixelSize: Theme.body; color: Theme.textMuted; wrapMode: Text.WordWrap }
                    }
                    ColumnLayout {
                        spacing: 0
                        Label { Layout.alignment: Qt.AlignHCenter; text: events.withoutNextStep; font.pixelSize: Theme.display; font.bold: true; color: events.withoutNextStep > 0 ? Theme.danger : Theme.good }
                        Label { Layout.alignment: Qt.AlignHCenter; text: qsTr("without a next step"); font.pixelSize: Theme.caption; color: Theme.textMuted }
                    }
                }
            }

            InfoCard {
                visible: events.withoutNextStep > 0
                tone: "info"
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Book everyone who is waiting, back to back from the first slot:")
                    font.pixelSize: Theme.body
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: page.wide ? 4 : 2
                    columnSpacing: Theme.s
                    rowSpacing: Theme.s
                    DateField {
                        Layout.fillWidth: true
                        isoDate: events.firstDate
                        Accessible.name: qsTr("First slot's day: %1").arg(text)
                        onPicked: (iso) => events.firstDate = iso
                    }
                    TextField {
                        Layout.fillWidth: true
                        text: events.firstTime
                        placeholderText: qsTr("HH:MM")
                        Accessible.name: qsTr("First slot's time")
                        onEditingFinished: events.firstTime = text
                    }
                    ComboBox {
                        Layout.fillWidth: true
                        model: [30, 45, 60]
                        displayText: qsTr("%1 min each").arg(currentValue)
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("Length of each meeting")
                        onActivated: events.durationMin = currentValue
                    }
                    Button {
                        Layout.fillWidth: true
                        highlighted: true
                        text: events.booking ? qsTr("Booking…") : qsTr("Book %1").arg(events.withoutNextStep)
                        enabled: !events.booking
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("Book a next step for everyone waiting")
                        onClicked: events.bookAll()
                    }
                }
            }
            Label {
                id: done
                visible: text !== ""
                Layout.fillWidth: true
                color: Theme.good
                font.pixelSize: Theme.body
            }
            Label {
                visible: events.error !== ""
                Layout.fillWidth: true
                text: events.error
                color: Theme.danger
                wrapMode: Text.WordWrap
            }

            SectionHeader {
                visible: events.eventId !== ""
                text: qsTr("Participants")
                count: events.participants.count
            }
            Label {
                objectName: "noParticipants"
                visible: events.loaded && events.eventId !== "" && events.participants.count === 0
                Layout.fillWidth: true
                text: qsTr("Nobody listed yet. Add who came, then book each a next step in one go.")
                color: Theme.textMuted
                wrapMode: Text.WordWrap
            }
            GridLayout {
                Layout.fillWidth: true
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.s
                rowSpacing: Theme.s
                Repeater {
                    model: events.participants
                    // Rule 10 asks a next step of the interested: the rep says who is not.
                    delegate: ColumnLayout {
                        id: person
                        required property string recordId
                        required property string kind
                        required property string title
                        required property string subtitle
                        required property string detail
                        required property string when
                        required property string badge
                        required property string tone
                        required property string dealId
                        required property bool flag
                        Layout.fillWidth: true
                        spacing: 0
                        CardDelegate {
                            Layout.fillWidth: true
                            recordId: person.recordId
                            title: person.title
                            subtitle: person.subtitle
                            detail: person.detail
                            when: person.when
                            badge: person.badge
                            tone: person.tone
                            dealId: person.dealId
                            enabled: person.dealId !== ""
                            onClicked: page.dealChosen(person.dealId)
                        }
                        Button {
                            readonly property bool interested: person.kind === "participant"
                            objectName: "interest_" + person.recordId
                            visible: !person.flag
                            flat: true
                            Layout.alignment: Qt.AlignRight
                            implicitHeight: Theme.touch
                            text: interested ? qsTr("Not interested") : qsTr("Interested after all")
                            Accessible.name: interested ? qsTr("%1 is not interested").arg(person.title)
                                                        : qsTr("%1 is interested after all").arg(person.title)
                            onClicked: events.setInterested(person.recordId, !interested)
                        }
                    }
                }
            }
            EmptyState {
                visible: events.loaded && events.events.count === 0
                text: qsTr("No events yet. Log a demo, webinar or seminar with “New event”, add who came, and book each a next step.")
            }
        }
    }
}
