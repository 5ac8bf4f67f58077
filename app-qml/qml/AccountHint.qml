// Next to a field naming an account, in words: which account the core takes the name for. A near
// name ("Acme GmbH" for "Acme") is asked about, with a tap to use the existing account.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

RowLayout {
    id: hint

    property AccountNameCheck check: null
    // The field names a new account (the account sheet) rather than the account of a deal or a
    // contact: a near name may then be added deliberately.
    property bool namesNewAccount: false
    property bool kept: false  // the rep chose to keep a near name
    property bool active: true  // the name was typed (not the one already stored)
    signal useRequested(string accountId, string accountName)
    signal keepRequested()

    readonly property bool current: check !== null && check.current
    readonly property string matchId: check ? check.matchId : ""
    readonly property string matchName: check ? check.matchName : ""
    readonly property string typed: check ? check.name.trim() : ""
    readonly property bool near: current && matchId !== "" && !check.exact
    readonly property bool same: current && matchId !== "" && check.exact

    visible: active && label.text !== ""
    Layout.fillWidth: true
    spacing: Theme.s

    Label {
        id: label
        objectName: "accountHint"
        Layout.fillWidth: true
        text: hint.near ? (hint.kept ? qsTr("A second account beside '%1'.").arg(hint.matchName)
                                     : qsTr("Did you mean the account '%1'?").arg(hint.matchName))
            : hint.same && hint.namesNewAccount ? qsTr("The account '%1' exists already.").arg(hint.matchName)
            : hint.current && hint.matchId === "" && !hint.namesNewAccount
                && hint.typed !== "" ? qsTr("A new account, '%1', is added.").arg(hint.typed)
            : ""
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.caption
        color: (hint.near && !hint.kept) || (hint.same && hint.namesNewAccount) ? Theme.warning : Theme.textMuted
    }
    Button {
        objectName: "useAccountButton"
        visible: (hint.near && !hint.kept) || (hint.same && hint.namesNewAccount)
        flat: true
        text: hint.same ? qsTr("Open it") : qsTr("Use it")
        implicitHeight: Theme.touch
        Accessible.name: qsTr("Use the account %1").arg(hint.matchName)
        onClicked: hint.useRequested(hint.matchId, hint.matchName)
    }
    Button {
        objectName: "keepNameButton"
        visible: hint.namesNewAccount && hint.near && !hint.kept
        flat: true
        text: qsTr("Add anyway")
        implicitHeight: Theme.touch
        Accessible.name: qsTr("Add a second account with this name")
        onClicked: hint.keepRequested()
    }
}
