//! Calendar dates on the sandbox clock (UTC): the room's one conversion between Unix
//! seconds and civil dates, for timestamps, birthdays, card expiries and video slots.

use crate::toolkit::is_date;

/// The civil date (year, month, day) of a day number since 1970-01-01 (Howard Hinnant's
/// algorithm).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

/// The UTC date of `now`: (year, month, day).
pub(crate) fn civil(now: u64) -> (i64, u32, u32) {
    civil_from_days(i64::try_from(now / 86_400).unwrap_or(i64::MAX))
}

/// `now` as ISO-8601 UTC with milliseconds (`2019-05-23T11:46:45.000Z`).
pub(crate) fn iso_millis(now: u64) -> String {
    let (y, m, d) = civil(now);
    let secs = now % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A `Y-m-d` date's Unix seconds at midnight UTC (negative before 1970).
pub(crate) fn date_seconds(text: &str) -> Option<i64> {
    if !is_date(text) {
        return None;
    }
    let y = text.get(0..4)?.parse().ok()?;
    let m = text.get(5..7)?.parse().ok()?;
    let d = text.get(8..10)?.parse().ok()?;
    Some(days_from_civil(y, m, d) * 86_400)
}

/// A `Y-m-d H:i:s` time's Unix seconds (UTC).
pub(crate) fn datetime_seconds(text: &str) -> Option<i64> {
    let (date, time) = text.split_once(' ')?;
    let day = date_seconds(date)?;
    let b = time.as_bytes();
    if b.len() != 8 || b.get(2) != Some(&b':') || b.get(5) != Some(&b':') {
        return None;
    }
    let part = |r: std::ops::Range<usize>| -> Option<i64> {
        let p = time.get(r)?;
        p.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| p.parse().ok())
            .flatten()
    };
    let (h, mi, s) = (part(0..2)?, part(3..5)?, part(6..8)?);
    (h < 24 && mi < 60 && s < 60).then_some(day + h * 3600 + mi * 60 + s)
}

/// The date 18 years before `now`, `Y-m-d` (29 February becomes the 28th).
pub(crate) fn adult_limit(now: u64) -> String {
    let today = iso_millis(now);
    let year: i64 = today.get(0..4).and_then(|y| y.parse().ok()).unwrap_or(1970);
    let rest = today.get(4..10).unwrap_or("-01-01");
    let mut limit = format!("{:04}{rest}", year - 18);
    if !is_date(&limit) {
        limit = format!("{:04}-02-28", year - 18);
    }
    limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_convert_both_ways() {
        assert_eq!(iso_millis(1_558_612_005), "2019-05-23T11:46:45.000Z");
        assert_eq!(iso_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(civil(1_700_000_000), (2023, 11, 14));
        for days in [-1_000_000, -1, 0, 11_016, 19_675, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, i64::from(m), i64::from(d)), days);
        }
    }
}
