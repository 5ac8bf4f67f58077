"""Reads an .ics file with Python's icalendar (an independent parser) and prints what it says as
JSON: the method, the event's fields, the attendees, and DTSTART/DTEND as UTC instants computed
from the file's own VTIMEZONE, plus their wall-clock times in America/New_York.

Usage: check_ics.py FILE
"""
import json
import sys
from datetime import timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

import icalendar


def raw_lines(data):
    """The physical lines, checked for CRLF endings and the 75-octet limit of RFC 5545 3.1."""
    assert data.endswith(b"\r\n"), "the file does not end with CRLF"
    lines = data[:-2].split(b"\r\n")
    for line in lines:
        assert b"\n" not in line and b"\r" not in line, "a bare LF or CR: %r" % line
    return lines


def vtimezones(cal):
    return {str(tz["TZID"]): tz for tz in cal.walk("VTIMEZONE")}


def onsets(observance, until):
    """The local wall-clock times at which an observance begins, up to `until` (naive)."""
    start = observance.decoded("DTSTART").replace(tzinfo=None)
    offset_from = observance.decoded("TZOFFSETFROM")
    if "RRULE" not in observance:
        return [start]
    rule = dict(observance["RRULE"])
    # RFC 5545 gives UNTIL in UTC; the rule runs on local times, so it is moved onto the clock
    # in force before each onset. (icalendar 4's own to_tz() trips over exactly this.)
    end = until
    if "UNTIL" in rule:
        last = rule.pop("UNTIL")[0]
        if getattr(last, "tzinfo", None) is not None:
            last = last.astimezone(timezone.utc).replace(tzinfo=None) + offset_from
        end = min(end, last)
    text = ";".join(
        "%s=%s" % (k, ",".join(str(v) for v in vals)) for k, vals in rule.items())
    return list(rrulestr("RRULE:" + text, dtstart=start, forceset=True).between(
        start, end, inc=True))


def to_utc(prop, zones):
    value = prop.dt
    if value.tzinfo is not None and "TZID" not in prop.params:
        return value.astimezone(timezone.utc)
    tzid = str(prop.params["TZID"])
    # The file's own definition of the zone, not Python's copy of the tz database: the offset of
    # the observance that began last before this wall-clock time.
    naive = value.replace(tzinfo=None)
    best = None
    for observance in zones[tzid].subcomponents:
        if observance.name not in ("STANDARD", "DAYLIGHT"):
            continue
        for onset in onsets(observance, naive):
            if onset <= naive and (best is None or onset > best[0]):
                best = (onset, observance.decoded("TZOFFSETTO"))
    assert best is not None, "no observance of %s covers %s" % (tzid, naive)
    return (naive - best[1]).replace(tzinfo=timezone.utc)


def main():
    path = sys.argv[1]
    data = open(path, "rb").read()
    lines = raw_lines(data)
    cal = icalendar.Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == 1, "expected one VEVENT"
    ev = events[0]
    zones = vtimezones(cal)
    start = to_utc(ev["DTSTART"], zones)
    end = to_utc(ev["DTEND"], zones)
    ny = ZoneInfo("America/New_York")
    attendees = ev.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    out = {
        "max_line_octets": max(len(l) for l in lines),
        "folded_lines": sum(1 for l in lines if l.startswith(b" ")),
        "version": str(cal["VERSION"]),
        "prodid": str(cal["PRODID"]),
        "method": str(cal["METHOD"]),
        "uid": str(ev["UID"]),
        "sequence": int(ev["SEQUENCE"]),
        "status": str(ev["STATUS"]),
        "summary": str(ev["SUMMARY"]),
        "description": str(ev.get("DESCRIPTION", "")),
        "location": str(ev.get("LOCATION", "")),
        "url": str(ev.get("URL", "")),
        "dtstamp": ev.decoded("DTSTAMP").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tzid": str(ev["DTSTART"].params.get("TZID", "UTC")),
        "vtimezones": sorted(zones),
        "start_utc": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "end_utc": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "start_new_york": start.astimezone(ny).strftime("%Y-%m-%dT%H:%M %Z"),
        "end_new_york": end.astimezone(ny).strftime("%Y-%m-%dT%H:%M %Z"),
        "start_wall": ev["DTSTART"].dt.strftime("%Y-%m-%dT%H:%M"),
        "end_wall": ev["DTEND"].dt.strftime("%Y-%m-%dT%H:%M"),
        "organizer": str(ev["ORGANIZER"]),
        "organizer_cn": str(ev["ORGANIZER"].params.get("CN", "")),
        "attendees": [
            {
                "address": str(a),
                "cn": str(a.params.get("CN", "")),
                "role": str(a.params.get("ROLE", "")),
                "rsvp": str(a.params.get("RSVP", "")),
                "partstat": str(a.params.get("PARTSTAT", "")),
            }
            for a in attendees
        ],
    }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
