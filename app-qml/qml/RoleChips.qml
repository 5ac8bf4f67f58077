// The part a person plays in the customer's decision, one tap each.
import QtQuick
import QtQuick.Layouts
import NextStep

Flow {
    id: chips

    // decision_maker | approver | champion | user | other
    property string role: "decision_maker"
    signal chosen(string role)

    Layout.fillWidth: true
    spacing: Theme.s
    Repeater {
        model: [
            { key: "decision_maker", label: qsTr("Decision maker") },
            { key: "approver", label: qsTr("Approver") },
            { key: "champion", label: qsTr("Champion") },
            { key: "user", label: qsTr("User") },
            { key: "other", label: qsTr("Other") }
        ]
        delegate: ChoiceChip {
            required property var modelData
            objectName: "role_" + modelData.key
            text: modelData.label
            checked: chips.role === modelData.key
            onClicked: chips.chosen(modelData.key)
        }
    }
}
