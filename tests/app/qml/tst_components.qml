// The design system's small pieces: chips toggle by touch and keyboard, badges and gauges read
// their tokens, and a deal without a next step says so.
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 400
    height: 600

    Column {
        ChoiceChip { id: chip; text: "Same time next week"; subtitle: "Thu 3 Dec, 14:00" }
        ToneBadge { id: badge; text: "Commitment"; tone: "good" }
        RateGauge { id: gauge; value: 0.42 }
        ListView {
            id: deals
            width: 360
            height: 200
            model: PipelineModel { id: pipeline; store: AppStore; withoutNextStep: true }
            delegate: DealDelegate {}
        }
    }

    TestCase {
        name: "Components"
        when: windowShown

        function initTestCase() { failOnWarning(/.*/) }

        function test_chipTogglesByTouchAndKeyboard() {
            verify(chip.height >= Theme.touch)
            compare(chip.checked, false)
            mouseClick(chip)
            compare(chip.checked, true)
            chip.forceActiveFocus()
            keyClick(Qt.Key_Space)
            compare(chip.checked, false)
            compare(chip.Accessible.name, "Same time next week, Thu 3 Dec, 14:00")
        }

        function test_badgeAndGaugeUseTheTheme() {
            compare(badge.color, Theme.goodSoft)
            compare(gauge.tone, "danger")
            gauge.value = 0.9
            compare(gauge.tone, "good")
        }

        function test_dealWithoutNextStepWarns() {
            tryVerify(function() { return deals.count > 0 })
            var row = deals.itemAtIndex(0)
            verify(row)
            compare(row.hasNextStep, false)
            verify(row.Accessible.name.indexOf("no next step") >= 0)
        }

        function test_themeSwitchesToDark() {
            var light = Theme.background.toString()
            Theme.dark = true
            verify(Theme.background.toString() !== light)
            Theme.dark = false
            compare(Theme.background.toString(), light)
        }
    }
}
