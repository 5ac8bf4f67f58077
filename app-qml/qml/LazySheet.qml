// A flow's sheet, made the first time it is asked for: the window's start neither creates the
// sheets nor loads their types (nor what they import, such as the import sheet's file dialog),
// and a rep who never imports never pays for it.
//
// Made with createObject(this item): the sheet's parent object is this item, so the sheet and its
// parts are found by name from the window. Made in one go, not incubated: Qt 6.4's MonthGrid and
// DayOfWeekRow came out with no size when incubated asynchronously (the close-the-call sheet's
// date picker did).
import QtQuick

Item {
    id: lazy

    property url source
    property bool wide: false
    readonly property alias item: made.sheet

    QtObject {
        id: made
        property QtObject sheet: null
    }

    // The sheet, made now if it was not yet.
    function sheet() {
        if (made.sheet !== null) return made.sheet
        const component = Qt.createComponent(source)
        if (component.status !== Component.Ready) {
            console.warn("LazySheet:", source, component.errorString())
            return null
        }
        made.sheet = component.createObject(lazy, { wide: Qt.binding(() => lazy.wide) })
        return made.sheet
    }
    function close() {
        if (made.sheet !== null) made.sheet.close()
    }
}
