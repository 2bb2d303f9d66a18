use std::fmt;

/// How precise a date is, from a minute to a year.
///
/// Serialized in lowercase (`"day"`, `"week"`, …) as the contract spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Time,
    Day,
    Week,
    Month,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Time => "time",
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A calendar date known down to the year, month, day or minute.
///
/// Fields after the first unknown one are unknown too: a day without a month is not a
/// `PartialDate`. The constructors check ranges, so a value of this type is a real date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    time: Option<(u8, u8)>,
}

impl PartialDate {
    /// A year alone. Years outside 1..=9999 are refused.
    pub fn year(year: i32) -> Option<PartialDate> {
        (1..=9999).contains(&year).then_some(PartialDate { year, month: None, day: None, time: None })
    }

    /// A month of a year.
    pub fn month(year: i32, month: u8) -> Option<PartialDate> {
        let y = PartialDate::year(year)?;
        (1..=12).contains(&month).then_some(PartialDate { month: Some(month), ..y })
    }

    /// A day. `31 February` and `45 May` are refused.
    pub fn day(year: i32, month: u8, day: u8) -> Option<PartialDate> {
        let m = PartialDate::month(year, month)?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(PartialDate { day: Some(day), ..m })
    }

    /// A day with a time of day (hour 0..=23, minute 0..=59).
    pub fn day_time(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> Option<PartialDate> {
        let d = PartialDate::day(year, month, day)?;
        (hour < 24 && minute < 60).then_some(PartialDate { time: Some((hour, minute)), ..d })
    }

    /// The day `days` days after 1970-01-01 (negative before it).
    pub fn from_days(days: i64) -> PartialDate {
        let (y, m, d) = civil_from_days(days);
        PartialDate { year: y, month: Some(m), day: Some(d), time: None }
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date with a time (`2013-02-12T04:30:00`,
    /// `2013-02-12 04:30`); seconds and a time zone suffix are accepted and dropped.
    pub fn parse_iso(s: &str) -> Option<PartialDate> {
        let s = s.trim();
        let (date, time) = match s.find(['T', ' ']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let mut parts = date.split('-');
        let y = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
        let Some(m) = parts.next() else {
            return PartialDate::year(y);
        };
        let m: u8 = m.parse().ok().filter(|_| m.len() == 2)?;
        let Some(d) = parts.next() else {
            return PartialDate::month(y, m);
        };
        let d: u8 = d.parse().ok().filter(|_| d.len() == 2)?;
        if parts.next().is_some() {
            return None;
        }
        let Some(t) = time else {
            return PartialDate::day(y, m, d);
        };
        let mut hm = t.split(':');
        let h: u8 = hm.next()?.parse().ok()?;
        let mi: u8 = hm.next()?.get(..2)?.parse().ok()?;
        PartialDate::day_time(y, m, d, h, mi)
    }

    pub fn year_num(&self) -> i32 {
        self.year
    }
    pub fn month_num(&self) -> Option<u8> {
        self.month
    }
    pub fn day_num(&self) -> Option<u8> {
        self.day
    }
    pub fn time_of_day(&self) -> Option<(u8, u8)> {
        self.time
    }

    /// The finest unit this date knows.
    pub fn precision(&self) -> Precision {
        if self.time.is_some() {
            Precision::Time
        } else if self.day.is_some() {
            Precision::Day
        } else if self.month.is_some() {
            Precision::Month
        } else {
            Precision::Year
        }
    }

    /// Days since 1970-01-01 of this date's first day.
    pub fn days(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The same date without its time of day, or coarsened to `precision`.
    pub fn truncate(&self, precision: Precision) -> PartialDate {
        let mut d = *self;
        if precision > Precision::Time {
            d.time = None;
        }
        if precision > Precision::Week {
            d.day = None;
        }
        if precision > Precision::Month {
            d.month = None;
        }
        d
    }

    /// ISO weekday of a day: Monday = 1 … Sunday = 7.
    pub fn weekday(&self) -> Option<u8> {
        self.day?;
        Some(weekday_from_days(self.days()))
    }

    /// The ISO week (`year`, `week`) the day falls in.
    pub fn iso_week(&self) -> Option<(i32, u8)> {
        self.day?;
        let days = self.days();
        let thursday = days - i64::from(weekday_from_days(days)) + 4;
        let (y, _, _) = civil_from_days(thursday);
        let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
        Some((y, week as u8))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        if let Some((h, mi)) = self.time {
            write!(f, "T{h:02}:{mi:02}")?;
        }
        Ok(())
    }
}

/// A resolved date: a point, a week, or an interval, with its precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateValue {
    pub start: PartialDate,
    /// The last day of an interval, inclusive.
    pub end: Option<PartialDate>,
    pub precision: Precision,
}

impl DateValue {
    /// A single date at its own precision.
    pub fn point(d: PartialDate) -> DateValue {
        DateValue { start: d, end: None, precision: d.precision() }
    }

    /// The value string of the contract: `YYYY-MM-DD`, `YYYY-Www`, `START/END`, …
    pub fn value(&self) -> String {
        match self.end {
            Some(end) if end != self.start => format!("{}/{}", self.start, end),
            _ if self.precision == Precision::Week => match self.start.iso_week() {
                Some((y, w)) => format!("{y:04}-W{w:02}"),
                None => self.start.to_string(),
            },
            _ => self.start.to_string(),
        }
    }

    /// The date an event gets from this value: for a day or finer, that day; for a week or
    /// an interval of days, its middle day; otherwise the month or year.
    pub fn event_date(&self) -> PartialDate {
        match (self.start.day, self.end) {
            (Some(_), Some(end)) if end.day.is_some() => PartialDate::from_days((self.start.days() + end.days()) / 2),
            (Some(_), None) if self.precision == Precision::Week => PartialDate::from_days(self.start.days() + 3),
            _ => self.start.truncate(self.precision.max(Precision::Day)),
        }
    }
}

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month (1..=12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's civil calendar algorithms.
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((yoe + era * 400 + i64::from(m <= 2)) as i32, m, d)
}

fn weekday_from_days(days: i64) -> u8 {
    // 1970-01-01 was a Thursday (4).
    ((days + 3).rem_euclid(7) + 1) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print_round_trip() {
        for s in ["2021", "2021-09", "2021-09-22", "2013-02-12T04:30"] {
            assert_eq!(PartialDate::parse_iso(s).unwrap().to_string(), s);
        }
        assert_eq!(PartialDate::parse_iso("2013-02-12T04:30:00").unwrap().to_string(), "2013-02-12T04:30");
        assert!(PartialDate::parse_iso("2021-02-30").is_none());
        assert!(PartialDate::parse_iso("0000").is_none());
        assert!(PartialDate::parse_iso("21-09").is_none());
    }

    #[test]
    fn weekdays_and_weeks() {
        // 2021-09-22 was a Wednesday; 2013-02-12 a Tuesday.
        assert_eq!(PartialDate::day(2021, 9, 22).unwrap().weekday(), Some(3));
        assert_eq!(PartialDate::day(2013, 2, 12).unwrap().weekday(), Some(2));
        assert_eq!(PartialDate::day(2021, 1, 3).unwrap().iso_week(), Some((2020, 53)));
        assert_eq!(PartialDate::day(2020, 12, 8).unwrap().iso_week(), Some((2020, 50)));
        let d = PartialDate::day(2000, 2, 29).unwrap();
        assert_eq!(PartialDate::from_days(d.days()), d);
    }

    #[test]
    fn values() {
        let mon = PartialDate::day(2020, 12, 7).unwrap();
        let week = DateValue { start: mon, end: None, precision: Precision::Week };
        assert_eq!(week.value(), "2020-W50");
        assert_eq!(week.event_date().to_string(), "2020-12-10");
        let early = DateValue { end: PartialDate::day(2020, 12, 9), ..week };
        assert_eq!(early.value(), "2020-12-07/2020-12-09");
        assert_eq!(early.event_date().to_string(), "2020-12-08");
        let month = DateValue::point(PartialDate::month(2020, 1).unwrap());
        assert_eq!(month.event_date().to_string(), "2020-01");
    }
}
