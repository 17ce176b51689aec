//! Civil-calendar arithmetic on plain integers (proleptic Gregorian), enough for dates in news:
//! day numbers, weekdays, month lengths. No time zones: values are dates as printed.

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Day {
    /// A valid day, or None (30 February, month 13, year 0).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        ((1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Day { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Day::to_days`].
    pub fn from_days(z: i64) -> Day {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Day {
            year: y,
            month: m,
            day: d,
        }
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u32 {
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }

    pub fn add_days(self, n: i64) -> Day {
        Day::from_days(self.to_days() + n)
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Parse the date part of an ISO 8601 string ("2021-12-26", "2021-12-26T06:05Z").
    pub fn parse_iso(s: &str) -> Option<Day> {
        let s = s.trim();
        let y = s.get(0..4)?.parse().ok()?;
        if s.get(4..5)? != "-" || s.get(7..8)? != "-" {
            return None;
        }
        Day::new(y, s.get(5..7)?.parse().ok()?, s.get(8..10)?.parse().ok()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = Day::new(2021, 12, 26).unwrap();
        assert_eq!(Day::from_days(d.to_days()), d);
        assert_eq!(d.weekday(), 7); // a Sunday
        assert_eq!(Day::new(2018, 3, 3).unwrap().weekday(), 6); // a Saturday
        assert_eq!(Day::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(d.add_days(7).iso(), "2022-01-02");
    }

    #[test]
    fn rejects_impossible_days() {
        assert!(Day::new(2023, 2, 29).is_none());
        assert!(Day::new(2024, 2, 29).is_some());
        assert!(Day::new(2024, 13, 1).is_none());
        assert_eq!(Day::parse_iso("2021-12-26T06:05Z"), Day::new(2021, 12, 26));
        assert_eq!(Day::parse_iso("2021-1-2"), None);
    }
}
