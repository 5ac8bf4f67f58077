// A deal's rung and outcome from the app (rule 11): skipping rungs says so, a loss needs its
// reason before Save is enabled, and what is saved is what the deal page then shows.
import QtQuick
import QtTest
import NextStep

Item {
    id: root
    width: 390
    height: 844

    DealStageSheet { id: sheet; wide: false }
    DealController { id: deal; store: AppStore }

    TestCase {
        name: "DealStage"
        when: windowShown

        function initTestCase() {
            failOnWarning(/.*/)
            verify(demo.ok)
        }

        function openOn(dealId) {
            sheet.openFor(dealId)
            var form = findChild(sheet, "dealStage")
            tryCompare(form, "loaded", true)
            tryCompare(sheet, "opened", true)
            tryVerify(function() { return form.currentIndex >= 0 })
            return form
        }

        function stageChip(i) { return findChild(sheet, "stageChips").itemAt(i) }
        // 0 open, 1 won, 2 lost
        function outcomeChip(i) { return findChild(sheet, "outcomeChips").itemAt(i) }

        function test_skippingRungsSaysSoAndMovesTheDeal() {
            var form = openOn(demo.dealToBook)
            var save = findChild(sheet, "saveStageButton")
            verify(!save.enabled)
            compare(findChild(sheet, "stageWhyNot").text, "Pick another rung or outcome to save")
            var from = form.currentIndex
            verify(from + 2 < form.stages.length)
            mouseClick(stageChip(from + 2))
            compare(form.chosenIndex, from + 2)
            verify(findChild(sheet, "stageMove").text.indexOf("Skips one rung to ") === 0)
            verify(save.enabled)
            mouseClick(save)
            tryCompare(sheet, "visible", false)
            deal.dealId = demo.dealToBook
            tryCompare(deal, "stageLabel", form.stages[from + 2])
        }

        function test_aLossNeedsItsReasonThenShowsIt() {
            var form = openOn(demo.dealWithConflict)
            mouseClick(outcomeChip(2))
            var save = findChild(sheet, "saveStageButton")
            verify(!save.enabled)
            compare(findChild(sheet, "stageWhyNot").text,
                    "Say why it was lost: the team learns from it")
            var reason = findChild(sheet, "lostReason")
            verify(reason.visible)
            mouseClick(reason)
            var typed = "budget frozen"
            for (var i = 0; i < typed.length; ++i) keyClick(typed[i])
            tryCompare(form, "lostReason", "budget frozen")
            verify(save.enabled)
            mouseClick(save)
            tryCompare(sheet, "visible", false)
            deal.dealId = demo.dealWithConflict
            tryCompare(deal, "statusText", "Lost: budget frozen")

            // Reopened, the reason is gone and the deal is open again.
            form = openOn(demo.dealWithConflict)
            compare(form.outcome, "lost")
            mouseClick(outcomeChip(0))
            mouseClick(findChild(sheet, "saveStageButton"))
            tryCompare(sheet, "visible", false)
            tryCompare(deal, "status", "open")
            compare(deal.statusText, "")
        }
    }
}
