// Next to a field naming an account, in words: which account the core takes the name for. A near
// name ("Acme GmbH" for "Acme") is asked about, with a tap to use the existing account.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

RowLayout {
    id: hint

    required property AccountNameCheck check
    // The field names a new account (the account sheet) rather than the account of a deal or a
    // contact: a near name may then be added deliberately.
    property bool namesNewAccount: false
    property bool kept: false  // the rep chose to keep a near name
    property bool active: true  // the name was typed (not the one already stored)
    signal useRequested(string accountId, string accountName)
    signal keepRequested()

    readonly property bool near: check.current && check.matchId !== "" && !check.exact
    readonly property bool same: check.current && check.matchId !== "" && check.exact

    visible: active && label.text !== ""
    Layout.fillWidth: true
    spacing: Theme.s

    Label {
        id: label
        objectName: "accountHint"
        Layout.fillWidth: true
        text: hint.near ? (hint.kept ? qsTr("A second account beside '%1'.").arg(hint.check.matchName)
                                     : qsTr("Did you mean the account '%1'?").arg(hint.check.matchName))
            : hint.same && hint.namesNewAccount ? qsTr("The account '%1' exists already.").arg(hint.check.matchName)
            : hint.check.current && hint.check.matchId === "" && !hint.namesNewAccount
                && hint.check.name.trim() !== "" ? qsTr("A new account, '%1', is added.").arg(hint.check.name.trim())
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
        Accessible.name: qsTr("Use the account %1").arg(hint.check.matchName)
        onClicked: hint.useRequested(hint.check.matchId, hint.check.matchName)
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
