// The one place for colours, spacing, type and touch sizes, light and dark. Screens read these
// tokens and never write a colour of their own.
pragma Singleton
import QtQuick

QtObject {
    id: theme

    property bool dark: false

    // Colours
    readonly property color background: dark ? "#121417" : "#f5f6f8"
    readonly property color surface: dark ? "#1c1f24" : "#ffffff"
    readonly property color surfaceRaised: dark ? "#252932" : "#ffffff"
    readonly property color surfaceMuted: dark ? "#2a2f38" : "#eef0f4"
    readonly property color outline: dark ? "#3a404b" : "#dde1e8"
    readonly property color text: dark ? "#eceff4" : "#1b1f24"
    readonly property color textMuted: dark ? "#a3acb9" : "#5c6673"
    readonly property color primary: dark ? "#7fb2ff" : "#1f5fd1"
    readonly property color accent: dark ? "#3d7be0" : "#1f5fd1"   // filled buttons: white text on it
    readonly property color onPrimary: dark ? "#0b1a33" : "#ffffff"
    readonly property color primarySoft: dark ? "#1f3252" : "#e3ecfc"
    readonly property color good: dark ? "#6fd39a" : "#1c7c47"
    readonly property color goodSoft: dark ? "#183a28" : "#def3e6"
    readonly property color warning: dark ? "#f2c165" : "#8a5a00"
    readonly property color warningSoft: dark ? "#3d3119" : "#fcefd2"
    readonly property color danger: dark ? "#ff8f8a" : "#b3261e"
    readonly property color dangerSoft: dark ? "#47201f" : "#fbe2e0"
    readonly property color info: dark ? "#8fc7ff" : "#0b61a4"
    readonly property color infoSoft: dark ? "#1b3347" : "#e0eefa"
    readonly property color scrim: dark ? "#99000000" : "#66000000"
    readonly property color navigation: dark ? "#171a1e" : "#ffffff"
    readonly property color navigationSelected: primarySoft

    function tone(name) {
        switch (name) {
        case "good": return good
        case "warning": return warning
        case "danger": return danger
        case "info": return info
        }
        return textMuted
    }
    function toneSoft(name) {
        switch (name) {
        case "good": return goodSoft
        case "warning": return warningSoft
        case "danger": return dangerSoft
        case "info": return infoSoft
        }
        return surfaceMuted
    }

    function fade(c, alpha) { return Qt.rgba(c.r, c.g, c.b, alpha) }

    // Spacing
    readonly property int xs: 4
    readonly property int s: 8
    readonly property int m: 12
    readonly property int l: 16
    readonly property int xl: 24
    readonly property int xxl: 32

    // Type scale (pixel sizes)
    readonly property int caption: 12
    readonly property int body: 14
    readonly property int bodyLarge: 16
    readonly property int title: 18
    readonly property int headline: 22
    readonly property int display: 34

    // Shapes and touch
    readonly property int radius: 12
    readonly property int radiusSmall: 8
    readonly property int sheetRadius: 20
    readonly property int touch: 48          // the smallest thing a thumb must hit
    readonly property int navigationWidth: 232
    readonly property int bottomBarHeight: 64
    readonly property int wideBreakpoint: 900 // at or above: desktop layout
    readonly property int detailWidth: 460

    // Icons: glyphs of the DejaVu fonts every install has.
    readonly property string iconToday: "\u2600"
    readonly property string iconPipeline: "\u25a6"
    readonly property string iconContacts: "\u263a"
    readonly property string iconEvents: "\u2605"
    readonly property string iconHealth: "\u2665"
    readonly property string iconSearch: "\u2315"
    readonly property string iconSettings: "\u2699"
    readonly property string iconClose: "\u2715"
    readonly property string iconBack: "\u2190"
    readonly property string iconCheck: "\u2713"
    readonly property string iconWarning: "\u26a0"
    readonly property string iconPlace: "\u2302"
    readonly property string iconEdit: "\u270e"
}
