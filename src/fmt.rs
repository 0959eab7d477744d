//! id-ID formats for what a person sees: Rp 1.234.567, 95,5, 23 November 2026.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

pub const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

pub const HARI: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];

/// Groups the digits of a whole number with dots: 1234567 → "1.234.567".
pub fn ribuan(v: i64) -> String {
    let digits = v.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Rupiah: "Rp 1.234.567".
pub fn rupiah(v: i64) -> String {
    format!("Rp {}", ribuan(v))
}

/// A number with a decimal comma and at most two decimals: 95.5 → "95,5", 1234 → "1.234".
pub fn angka(v: f64) -> String {
    if !v.is_finite() {
        return "-".to_string();
    }
    let cents = (v * 100.0).round() as i64;
    let whole = ribuan(cents / 100);
    let frac = (cents % 100).unsigned_abs();
    let whole = if cents < 0 && cents / 100 == 0 {
        format!("-{whole}")
    } else {
        whole
    };
    match frac {
        0 => whole,
        f if f % 10 == 0 => format!("{whole},{}", f / 10),
        f => format!("{whole},{f:02}"),
    }
}

/// "23 November 2026".
pub fn tanggal(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), BULAN[d.month0() as usize], d.year())
}

/// "Senin, 23 November 2026".
pub fn tanggal_hari(d: NaiveDate) -> String {
    format!(
        "{}, {}",
        HARI[d.weekday().num_days_from_monday() as usize],
        tanggal(d)
    )
}

/// "23 November 2026 08.30" (Indonesian time uses a dot).
pub fn tanggal_jam(t: NaiveDateTime) -> String {
    format!("{} {}", tanggal(t.date()), t.format("%H.%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(rupiah(1_234_567), "Rp 1.234.567");
        assert_eq!(rupiah(0), "Rp 0");
        assert_eq!(ribuan(-1000), "-1.000");
        assert_eq!(angka(95.5), "95,5");
        assert_eq!(angka(1234.0), "1.234");
        assert_eq!(angka(0.05), "0,05");
        assert_eq!(angka(-0.5), "-0,5");
        assert_eq!(
            tanggal(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
            "23 November 2026"
        );
        assert_eq!(
            tanggal_hari(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
            "Senin, 23 November 2026"
        );
    }
}
