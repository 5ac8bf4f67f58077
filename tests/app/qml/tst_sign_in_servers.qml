// The sign-in's server field takes one address or several replicas separated by commas; anything
// else is refused at once with the reason, before any connection is tried.
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 390
    height: 844

    TestCase {
        name: "SignInServers"
        when: windowShown

        function initTestCase() {
            failOnWarning(/.*/)
            verify(demo.ok)
        }

        function test_aListThatIsNotHostAndPortIsRefusedWithTheReason() {
            AppSync.signIn("127.0.0.1:7443,,127.0.0.1:7444", false, "ana@example.com", "secret")
            compare(AppSync.signingIn, false)
            verify(AppSync.signInError.indexOf("must be HOST:PORT") >= 0, AppSync.signInError)
            AppSync.signIn("127.0.0.1:7443, 127.0.0.1:7443", false, "ana@example.com", "secret")
            verify(AppSync.signInError.indexOf("given twice") >= 0, AppSync.signInError)
        }

        // Nobody listens on either port: each replica is tried, and the rep is told it is offline.
        function test_severalAddressesAreTriedAndTheRepIsToldWhenNoneAnswers() {
            AppSync.signIn("127.0.0.1:1, 127.0.0.1:2", false, "ana@example.com", "secret")
            compare(AppSync.signingIn, true)
            tryCompare(AppSync, "signingIn", false, 20000)
            verify(AppSync.signInError.indexOf("Offline") === 0, AppSync.signInError)
            compare(AppSync.signedIn, false)
        }
    }
}
