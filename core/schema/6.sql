-- Version 6: the zone an account works in, offered when booking its meetings, and the team's
-- working days, on which suggested slots fall. Both empty until set: the rep's zone, and
-- Monday to Friday.
ALTER TABLE accounts ADD COLUMN tz TEXT;
-- Days as bits by weekday, Sunday = 1, Monday = 2, ... Saturday = 64. No CHECK: a value from
-- another device is merged as sent, and one out of range reads as Monday to Friday.
ALTER TABLE settings ADD COLUMN working_days INTEGER;
