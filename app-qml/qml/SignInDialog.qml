// Sign in to the team's sync server: address, email and password for a device token. The app
// works without it; signing in only adds sync.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

SheetFrame {
    id: sheet

    title: qsTr("Sign in to sync")
    subtitle: qsTr("Share your pipeline with your team and your other devices")

    Connections {
        target: AppSync
        function onSignedInNow() { sheet.close() }
    }

    FieldLabel { text: qsTr("Server") }
    TextField {
        id: server
        Layout.fillWidth: true
        text: AppSync.server
        placeholderText: qsTr("sync.example.com:443")
        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
        Accessible.name: qsTr("Server address")
    }
    // Under the field, not in it: a placeholder this long was cut off at phone width.
    Label {
        Layout.fillWidth: true
        text: qsTr("Several servers? List them with commas: a.example.com:443,b.example.com:443")
        color: Theme.textMuted
        font.pixelSize: Theme.caption
        wrapMode: Text.Wrap
    }
    Switch {
        id: tls
        checked: AppSync.tls
        text: qsTr("Secure connection (TLS)")
        Accessible.name: text
    }
    FieldLabel { text: qsTr("Email") }
    TextField {
        id: email
        Layout.fillWidth: true
        text: AppSync.email
        placeholderText: qsTr("you@company.com")
        inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
        Accessible.name: qsTr("Email")
    }
    FieldLabel { text: qsTr("Password") }
    TextField {
        id: password
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("Password")
        Accessible.name: qsTr("Password")
        onAccepted: signInButton.clicked()
    }
    Label {
        visible: AppSync.signInError !== ""
        Layout.fillWidth: true
        text: AppSync.signInError
        color: Theme.danger
        wrapMode: Text.WordWrap
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("Everything you do offline stays on this device and syncs once you are signed in.")
        color: Theme.textMuted
        font.pixelSize: Theme.caption
        wrapMode: Text.WordWrap
    }

    // What Sign in still needs, said beside it.
    readonly property string whyNot: server.text.trim() === "" ? qsTr("Give the server's address")
                                   : email.text.trim() === "" ? qsTr("Give your email")
                                   : password.text === "" ? qsTr("Give your password") : ""

    footer: [
        Label {
            objectName: "signInWhyNot"
            Layout.fillWidth: true
            text: AppSync.signingIn ? "" : sheet.whyNot
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.caption
            color: Theme.danger
        },
        Button {
            flat: true
            text: qsTr("Cancel")
            implicitHeight: Theme.touch
            Accessible.name: text
            onClicked: sheet.close()
        },
        Button {
            id: signInButton
            highlighted: true
            text: AppSync.signingIn ? qsTr("Signing in…") : qsTr("Sign in")
            enabled: !AppSync.signingIn && sheet.whyNot === ""
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Sign in")
            onClicked: AppSync.signIn(server.text, tls.checked, email.text, password.text)
        }
    ]
}
