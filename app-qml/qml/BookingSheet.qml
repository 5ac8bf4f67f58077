// Book the next meeting (rules 1 and 2). The usual case is three taps: open, pick a suggested
// slot, Book. Duration, place, agenda and attendees come pre-filled from the deal; it works
// offline. Afterwards: the invitation and the recap, when this build can make them.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

SheetFrame {
    id: sheet

    property bool booked: false
    property bool moved: false  // the booking moved the deal's next meeting
    property string bookedWhen: ""
    signal bookedAndDone(string dealId)

    title: booked ? (moved ? qsTr("Next meeting moved") : qsTr("Next step booked"))
                  : (booking.plannedWhen !== "" && !booking.addAnother ? qsTr("Move the next meeting")
                                                                       : qsTr("Book the next meeting"))
    subtitle: booking.dealTitle

    function openFor(dealId) {
        booked = false
        savedLabel.text = ""
        newPerson.reset()
        booking.dealId = dealId
        booking.restart()
        open()
    }
    // For the screenshot run: book the first suggestion as soon as it is there, as a rep would.
    property bool autoBook: false
    // Set before opening: the defaults may arrive while openFor runs.
    function bookFirstSlotFor(dealId) {
        autoBook = true
        openFor(dealId)
    }
    // For the screenshot run: another time, picked from the month.
    property bool pickDate: false
    function pickDateFor(dealId) {
        pickDate = true
        openFor(dealId)
    }
    // For the screenshot run: the slots on the account's clock.
    property bool accountZone: false
    function accountZoneFor(dealId) {
        accountZone = true
        openFor(dealId)
    }
    // The confirmation of the last booking, shown again.
    function showBookedFor(dealId) {
        booking.dealId = dealId
        booked = true
        open()
    }

    BookingController {
        id: booking
        objectName: "booking"
        store: AppStore
        onPersonAdded: newPerson.reset()
        onBooked: (meetingId, when) => {
            sheet.moved = booking.plannedWhen !== "" && !booking.addAnother
            sheet.bookedWhen = when
            sheet.booked = true
        }
        onDefaultsChanged: {
            if (sheet.autoBook && booking.canBook) { sheet.autoBook = false; booking.book() }
            if (sheet.accountZone && booking.zones.length > 1) {
                sheet.accountZone = false
                booking.zoneName = booking.zones[1].tz
            }
            if (sheet.pickDate) {
                sheet.pickDate = false
                booking.slotIndex = -1
                bookingDate.clicked()
            }
        }
    }
    MeetingMessages {
        id: messages
        objectName: "messages"
        store: AppStore
        dealId: booking.dealId
        onInvitationSaved: (path, handedOver) => savedLabel.text = handedOver
            ? qsTr("Invitation saved to %1 and handed to your mail program").arg(path)
            : qsTr("Invitation saved to %1").arg(path)
        onRecapOpened: (mailto, reminderDate) => savedLabel.text = reminderDate !== ""
            ? qsTr("Recap opened in your mail program; you'll be reminded on %1").arg(reminderDate)
            : qsTr("Recap opened in your mail program")
        onFailed: (message) => savedLabel.text = message
    }

    // Rule 1: the deal's next meeting moves, unless the rep adds another.
    PlannedMeetingCard {
        objectName: "plannedCard"
        visible: !sheet.booked && booking.plannedWhen !== ""
        plannedWhen: booking.plannedWhen
        addAnother: booking.addAnother
        onAddAnotherChosen: (another) => booking.addAnother = another
    }

    // The form
    FieldLabel { visible: !sheet.booked && booking.zones.length > 0; text: qsTr("On whose clock") }
    RowLayout {
        visible: !sheet.booked && booking.zones.length > 0
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            model: booking.zones
            delegate: ChoiceChip {
                required property var modelData
                required property int index
                objectName: "zone" + index
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: modelData.label
                subtitle: modelData.city
                checked: booking.zoneName === modelData.tz
                onClicked: booking.zoneName = modelData.tz
            }
        }
    }
    FieldLabel { visible: !sheet.booked; text: qsTr("When") }
    GridLayout {
        visible: !sheet.booked
        Layout.fillWidth: true
        columns: sheet.wide ? 2 : 1
        columnSpacing: Theme.s
        rowSpacing: Theme.s
        Repeater {
            model: booking.suggestions
            delegate: ChoiceChip {
                required property var modelData
                required property int index
                objectName: "slot" + index
                Layout.fillWidth: true
                text: modelData.when
                subtitle: modelData.yours ? qsTr("%1 · %2").arg(modelData.label).arg(modelData.yours)
                                          : modelData.label
                checked: booking.slotIndex === index
                onClicked: booking.slotIndex = index
            }
        }
        ChoiceChip {
            Layout.fillWidth: true
            text: qsTr("Another time")
            subtitle: booking.slotIndex < 0 ? booking.whenText : qsTr("Pick a date and time")
            checked: booking.slotIndex < 0
            onClicked: booking.slotIndex = -1
        }
    }
    RowLayout {
        visible: !sheet.booked && booking.slotIndex < 0
        Layout.fillWidth: true
        spacing: Theme.s
        DateField {
            id: bookingDate
            objectName: "bookingDate"
            Layout.fillWidth: true
            isoDate: booking.customDate
            Accessible.name: qsTr("Date: %1").arg(text)
            onPicked: (iso) => booking.customDate = iso
        }
        TextField {
            Layout.preferredWidth: 96
            text: booking.customTime
            placeholderText: qsTr("HH:MM")
            inputMethodHints: Qt.ImhTime
            Accessible.name: qsTr("Time")
            onEditingFinished: booking.customTime = text
        }
        Label { text: booking.zoneName; color: Theme.textMuted; font.pixelSize: Theme.caption }
    }

    FieldLabel { visible: !sheet.booked; text: qsTr("How long") }
    RowLayout {
        visible: !sheet.booked
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            model: [30, 45, 60, 90]
            delegate: ChoiceChip {
                required property int modelData
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("%1 min").arg(modelData)
                checked: booking.durationMin === modelData
                onClicked: booking.durationMin = modelData
            }
        }
    }

    FieldLabel { visible: !sheet.booked; text: qsTr("Where") }
    TextField {
        visible: !sheet.booked
        Layout.fillWidth: true
        text: booking.place
        placeholderText: qsTr("Place or video link")
        Accessible.name: qsTr("Place or link")
        onTextEdited: booking.place = text
    }

    FieldLabel { visible: !sheet.booked; text: qsTr("Anticipated outcome") }
    TextField {
        id: goal
        visible: !sheet.booked
        Layout.fillWidth: true
        text: booking.goal
        placeholderText: qsTr("What this meeting should achieve")
        Accessible.name: qsTr("Anticipated outcome")
        onTextEdited: booking.goal = text
    }

    FieldLabel { visible: !sheet.booked; text: qsTr("Agenda") }
    ComboBox {
        visible: !sheet.booked
        Layout.fillWidth: true
        model: booking.agendaTemplates
        implicitHeight: Theme.touch
        Accessible.name: qsTr("Agenda template")
        onActivated: (index) => booking.agenda = booking.agendaTemplates[index]
    }
    TextArea {
        visible: !sheet.booked
        Layout.fillWidth: true
        text: booking.agenda
        wrapMode: TextEdit.Wrap
        Accessible.name: qsTr("Agenda")
        onTextChanged: if (activeFocus) booking.agenda = text
    }

    FieldLabel { visible: !sheet.booked; text: qsTr("Who comes") }
    Flow {
        visible: !sheet.booked
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            model: booking.people
            delegate: ChoiceChip {
                required property var modelData
                text: modelData.name
                subtitle: modelData.role
                checked: modelData.selected
                onClicked: booking.toggleAttendee(modelData.id)
            }
        }
    }
    // The person met at the table, added here and invited with the others.
    SomeoneNew {
        id: newPerson
        objectName: "bookingSomeoneNew"
        visible: !sheet.booked
        addText: qsTr("Add and invite")
        emailHint: qsTr("Email, for the invitation")
        onAddRequested: (name, email, role) => booking.addPerson(name, email, role)
    }
    Label {
        visible: !sheet.booked && booking.error !== ""
        Layout.fillWidth: true
        text: booking.error
        color: Theme.danger
        wrapMode: Text.WordWrap
    }

    // After booking
    InfoCard {
        visible: sheet.booked
        tone: "good"
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.m
            Label { text: Theme.iconCheck; font.pixelSize: Theme.display; color: Theme.good }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: sheet.bookedWhen !== "" ? sheet.bookedWhen : booking.whenText
                    font.pixelSize: Theme.title
                    font.bold: true
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1 min · %2").arg(booking.durationMin).arg(booking.place)
                    font.pixelSize: Theme.body
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
            }
        }
        Label {
            Layout.fillWidth: true
            text: AppSync.signedIn ? qsTr("Saved on this device; it syncs to your team in the background.")
                                   : qsTr("Saved on this device. Sign in to share it with your team.")
            font.pixelSize: Theme.body
            color: Theme.text
            wrapMode: Text.WordWrap
        }
    }
    Label {
        visible: sheet.booked
        Layout.fillWidth: true
        text: qsTr("Before you leave: thank them, and agree who does what before then.")
        font.pixelSize: Theme.body
        color: Theme.textMuted
        wrapMode: Text.WordWrap
    }
    // What goes to the customer: in the sheet, not the footer, so a phone's width fits them.
    Flow {
        visible: sheet.booked
        Layout.fillWidth: true
        spacing: Theme.s
        Button {
            objectName: "sendInvitationButton"
            visible: messages.invitationAvailable
            text: qsTr("Send the invitation")
            implicitHeight: Theme.touch
            Accessible.name: text
            onClicked: messages.saveInvitation(booking.bookedMeetingId)
        }
        Button {
            objectName: "sendRecapButton"
            visible: messages.recapAvailable
            text: qsTr("Send the recap")
            implicitHeight: Theme.touch
            Accessible.name: text
            onClicked: messages.openRecap()
        }
    }
    Label {
        id: savedLabel
        visible: sheet.booked && text !== ""
        Layout.fillWidth: true
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    footer: [
        Label {
            objectName: "whyNotLabel"
            visible: !sheet.booked && booking.whyNot !== ""
            Layout.fillWidth: true
            text: booking.whyNot
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.caption
            color: Theme.danger
        },
        Label {
            visible: !sheet.booked && booking.whyNot === ""
            Layout.fillWidth: true
            text: booking.whenText
            elide: Text.ElideRight
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.text
        },
        Button {
            objectName: "bookButton"
            visible: !sheet.booked
            text: booking.booking ? qsTr("Booking…")
                  : booking.plannedWhen !== "" && !booking.addAnother ? qsTr("Move it") : qsTr("Book")
            highlighted: true
            enabled: booking.canBook
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Book the meeting")
            onClicked: booking.book()
        },
        Item { visible: sheet.booked; Layout.fillWidth: true },
        Button {
            objectName: "doneButton"
            visible: sheet.booked
            text: qsTr("Done")
            highlighted: true
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Done")
            onClicked: { sheet.close(); sheet.bookedAndDone(booking.dealId) }
        }
    ]
}
