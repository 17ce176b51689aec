//! Hijri dates to Gregorian with the tabular (arithmetical) Islamic calendar: 30-year cycles of
//! 354- and 355-day years, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29, epoch Friday
//! 16 July 622 (Julian). Observed calendars (Umm al-Qura, moon sighting) can differ by a day or two.

use super::calendar::Day;

/// Days from the civil epoch 0001-01-01 (rata die 1) to 1970-01-01.
const RD_UNIX: i64 = 719_163;
/// Rata die of 1 Muharram 1 AH.
const RD_HIJRI_EPOCH: i64 = 227_015;

/// The Gregorian day of Hijri `day` `month` `year`, or None for an impossible date.
pub fn to_gregorian(year: i32, month: u32, day: u32) -> Option<Day> {
    if !(1..=9999).contains(&year)
        || !(1..=12).contains(&month)
        || day == 0
        || day > month_length(year, month)
    {
        return None;
    }
    let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
    let rd =
        RD_HIJRI_EPOCH - 1 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + 29 * (m - 1) + m / 2 + d;
    Some(Day::from_days(rd - RD_UNIX))
}

fn is_leap(year: i32) -> bool {
    (14 + 11 * i64::from(year)).rem_euclid(30) < 11
}

/// Days in a Hijri month: odd months 30, even 29, Dhu al-Hijjah 30 in leap years.
pub fn month_length(year: i32, month: u32) -> u32 {
    if month % 2 == 1 || (month == 12 && is_leap(year)) {
        30
    } else {
        29
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_known_days() {
        // 1 Ramadan 1444 began on 23 March 2023.
        assert_eq!(to_gregorian(1444, 9, 1).unwrap().iso(), "2023-03-23");
        // 15 Ramadan 1444.
        assert_eq!(to_gregorian(1444, 9, 15).unwrap().iso(), "2023-04-06");
        // 1 Muharram 1445 fell on 19 July 2023 (tabular: the same day).
        assert_eq!(to_gregorian(1445, 1, 1).unwrap().iso(), "2023-07-19");
        assert!(to_gregorian(1444, 2, 30).is_none());
    }
}
