// The window: which section is shown, which deal is open, the sheets of the flows, and the
// screenshot run's entry point showScreen().
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import NextStep

ApplicationWindow {
    id: window

    property bool dark: false
    property string startSize: ""
    // --demo: the demo's records that showScreen() opens (see demo_run.cpp).
    property var demo: ({})

    readonly property bool wide: width >= Theme.wideBreakpoint

    width: startSize === "phone" ? 390 : 1280
    height: startSize === "phone" ? 844 : 800
    minimumWidth: 360
    minimumHeight: 600
    visible: true
    title: qsTr("NextStep")
    color: Theme.background

    Material.theme: Theme.dark ? Material.Dark : Material.Light
    Material.accent: Theme.accent
    Material.primary: Theme.accent
    Material.background: Theme.background
    Material.foreground: Theme.text

    Binding { target: Theme; property: "dark"; value: window.dark }

    AppShell {
        id: shell
        anchors.fill: parent
        wide: window.wide
        onBookRequested: (dealId) => booking.sheet().openFor(dealId)
        onCloseCallRequested: (meetingId) => callClose.sheet().openFor(meetingId)
        onPlanRequested: (meetingId) => plan.sheet().openFor(meetingId)
        onSignInRequested: signIn.sheet().open()
        onNewDealRequested: newDeal.sheet().openNew()
        onImportRequested: importer.sheet().openNew()
        onStageRequested: (dealId) => stage.sheet().openFor(dealId)
        onDealEditRequested: (dealId) => newDeal.sheet().openEdit(dealId)
        onNewAccountRequested: account.sheet().openNew()
        onAccountEditRequested: (accountId) => account.sheet().openEdit(accountId)
        onNewContactRequested: (accountName) => contact.sheet().openNew(accountName)
        onContactEditRequested: (contactId) => contact.sheet().openEdit(contactId)
    }
    // The flows' sheets, loaded when first opened (LazySheet); what they tell the window, below.
    LazySheet { id: account; source: "AccountSheet.qml"; wide: window.wide }
    LazySheet { id: contact; source: "ContactSheet.qml"; wide: window.wide }
    LazySheet { id: importer; source: "ImportSheet.qml"; wide: window.wide }
    LazySheet { id: stage; source: "DealStageSheet.qml"; wide: window.wide }
    LazySheet { id: newDeal; source: "NewDealSheet.qml"; wide: window.wide }
    LazySheet { id: booking; source: "BookingSheet.qml"; wide: window.wide }
    LazySheet { id: callClose; source: "CallCloseSheet.qml"; wide: window.wide }
    LazySheet { id: plan; source: "PreCallPlanSheet.qml"; wide: window.wide }
    LazySheet { id: signIn; source: "SignInDialog.qml"; wide: window.wide }
    Connections {
        target: account.item
        function onSaved(accountId) { shell.showAccount(accountId) }
        function onUseExisting(accountId) { shell.showAccount(accountId) }
    }
    Connections {
        target: newDeal.item
        function onCreatedAndBook(dealId) { shell.openDeal(dealId); booking.sheet().openFor(dealId) }
    }
    Connections {
        target: booking.item
        function onBookedAndDone(dealId) { shell.openDeal(dealId) }
    }
    Connections {
        target: callClose.item
        function onClosedAndBook(dealId) { booking.sheet().openFor(dealId) }
    }

    // The sheets of the table's flows, booking and closing the call, are made once the window is
    // up and Today has loaded, so their first tap does not wait for them.
    Timer {
        interval: 2000
        running: true
        onTriggered: { booking.sheet(); callClose.sheet() }
    }

    Shortcut { sequence: "Ctrl+1"; onActivated: shell.showSection("today") }
    Shortcut { sequence: "Ctrl+2"; onActivated: shell.showSection("pipeline") }
    Shortcut { sequence: "Ctrl+3"; onActivated: shell.showSection("directory") }
    Shortcut { sequence: "Ctrl+4"; onActivated: shell.showSection("events") }
    Shortcut { sequence: "Ctrl+5"; onActivated: shell.showSection("health") }
    Shortcut { sequences: [StandardKey.Find]; onActivated: shell.showSection("search") }
    Shortcut { sequence: "Ctrl+,"; onActivated: shell.showSection("settings") }
    Shortcut { sequences: [StandardKey.New]; onActivated: newDeal.sheet().openNew() }
    Shortcut {
        sequence: "Ctrl+B"
        enabled: shell.dealId !== ""
        onActivated: booking.sheet().openFor(shell.dealId)
    }

    // For the screenshot run and the tests: one named screen, with the demo's records.
    function showScreen(name) {
        booking.close(); callClose.close(); plan.close(); signIn.close(); newDeal.close()
        stage.close(); account.close(); contact.close(); importer.close()
        shell.closeDeal()
        shell.cancelAskWanted = false
        shell.eventSheetWanted = ""
        switch (name) {
        case "today": shell.showSection("today"); break
        case "pipeline": shell.showSection("pipeline"); shell.setPipelineFilter(""); break
        case "pipeline-filtered":
            shell.showSection("pipeline"); shell.setPipelineFilter("withoutNextStep"); break
        case "deal":
            shell.showSection("pipeline"); shell.setPipelineFilter(""); shell.openDeal(demo.dealWithConflict); break
        case "booking":
            shell.showSection("pipeline"); shell.setPipelineFilter(""); shell.openDeal(demo.dealToBook)
            booking.sheet().openFor(demo.dealToBook)
            break
        case "booked":
            shell.showSection("pipeline"); shell.setPipelineFilter(""); shell.openDeal(demo.dealToBook)
            if (booking.sheet().bookedWhen === "") booking.sheet().bookFirstSlotFor(demo.dealToBook)
            else booking.sheet().showBookedFor(demo.dealToBook)
            break
        case "booking-date":  // another time: the day picked from the month
            shell.showSection("pipeline"); shell.setPipelineFilter(""); shell.openDeal(demo.dealToBook)
            booking.sheet().pickDateFor(demo.dealToBook)
            break
        case "booking-zone":  // the slots on the customer's clock, with the rep's beside them
            shell.showSection("pipeline"); shell.setPipelineFilter(""); shell.openDeal(demo.dealToBook)
            booking.sheet().accountZoneFor(demo.dealToBook)
            break
        case "settings-team": shell.showTeamSettings(); break
        case "booking-move":  // a deal that has its next meeting: the booking moves it (rule 1)
            shell.showSection("pipeline"); shell.setPipelineFilter(""); shell.openDeal(demo.dealWithConflict)
            booking.sheet().openFor(demo.dealWithConflict)
            break
        case "new-deal":
            shell.showSection("pipeline"); shell.setPipelineFilter("")
            newDeal.sheet().openNew(); newDeal.sheet().fillExample()
            break
        case "deal-edit":  // a value with cents, kept to the cent
            shell.showSection("pipeline"); shell.setPipelineFilter(""); shell.openDeal(demo.dealWithConflict)
            newDeal.sheet().editExample(demo.dealWithConflict)
            break
        case "import":  // a HubSpot export, checked: what will be added and what skipped
            shell.showSection("settings"); importer.sheet().openNew()
            importer.sheet().checkExample(demo.crmExport, "hubspot")
            break
        case "account-edit":  // a new account whose name nearly matches one there already
            shell.showSection("directory"); account.sheet().openNew(); account.sheet().fillExample()
            break
        case "contact-edit":  // a new contact at an account, with an address that is not one
            shell.showSection("directory"); contact.sheet().openNew("Acme Logistics"); contact.sheet().fillExample()
            break
        case "deal-stage":  // the demo deal skipping a rung (rule 11)
            shell.showSection("pipeline"); shell.setPipelineFilter(""); shell.openDeal(demo.dealWithConflict)
            stage.sheet().openFor(demo.dealWithConflict); stage.sheet().showSkipExample()
            break
        case "deal-cancel":  // cancelling the next meeting is asked about once
            shell.showSection("pipeline"); shell.setPipelineFilter("")
            shell.cancelAskWanted = true; shell.openDeal(demo.dealWithConflict)
            break
        case "close-call":
        case "close-call-end":
            shell.showSection("today"); callClose.sheet().openFor(demo.meetingInProgress)
            callClose.sheet().endWanted = name === "close-call-end"
            callClose.sheet().fillExample(); break
        case "pre-call-plan": shell.showSection("today"); plan.sheet().openFor(demo.upcomingMeeting); break
        case "event": shell.showSection("events"); break
        case "event-new": shell.showSection("events"); shell.eventSheetWanted = "new"; break
        case "event-participants":
            shell.showSection("events"); shell.eventSheetWanted = "participants"; break
        case "health": shell.showSection("health"); break
        case "directory": shell.showSection("directory"); break
        case "search": shell.showSection("search"); shell.setSearchText("acme"); break
        case "settings": shell.showSection("settings"); break
        case "sign-in": shell.showSection("settings"); signIn.sheet().open(); break
        }
    }
}
