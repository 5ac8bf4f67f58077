// Rule 3's temperature check for one decision maker: what interests them most, anything to
// clarify, interested enough to take next steps.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NextStep

InfoCard {
    id: card

    required property var person            // {id, name, title}
    property var answer: ({})
    signal answered(string contactId, string mostInteresting, string toClarify, string ready)

    function send() {
        card.answered(person.id, interest.text, clarify.text, readiness.value)
    }

    Label {
        Layout.fillWidth: true
        text: card.person.name + (card.person.title ? " · " + card.person.title : "")
        font.pixelSize: Theme.bodyLarge
        font.bold: true
        color: Theme.text
    }
    TextField {
        id: interest
        Layout.fillWidth: true
        placeholderText: qsTr("What interests you most?")
        text: card.answer.mostInteresting || ""
        Accessible.name: qsTr("What interests %1 most").arg(card.person.name)
        onEditingFinished: card.send()
    }
    TextField {
        id: clarify
        Layout.fillWidth: true
        placeholderText: qsTr("Anything to clarify?")
        text: card.answer.toClarify || ""
        Accessible.name: qsTr("What %1 wants clarified").arg(card.person.name)
        onEditingFinished: card.send()
    }
    Label {
        text: qsTr("Interested enough to take next steps?")
        font.pixelSize: Theme.body
        color: Theme.text
    }
    RowLayout {
        id: readiness
        property string value: card.answer.ready || ""
        Layout.fillWidth: true
        spacing: Theme.s
        Repeater {
            model: [
                { key: "yes", label: qsTr("Yes"), tone: "good" },
                { key: "unsure", label: qsTr("Unsure"), tone: "warning" },
                { key: "no", label: qsTr("No"), tone: "danger" }
            ]
            delegate: ChoiceChip {
                required property var modelData
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: modelData.label
                tone: modelData.tone
                checked: readiness.value === modelData.key
                Accessible.name: qsTr("%1 is ready: %2").arg(card.person.name).arg(modelData.label)
                onClicked: { readiness.value = modelData.key; card.send() }
            }
        }
    }
}
