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

/// A number shown exactly as stored, in id-ID form: "0,655", "1.234,5"
/// (no rounding: what is shown reads back to the same value).
pub fn angka_persis(v: f64) -> String {
    if !v.is_finite() {
        return "-".to_string();
    }
    // Rust writes the shortest text that reads back to the same f64.
    let s = format!("{}", v.abs());
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    let grouped = whole
        .parse::<i64>()
        .map(ribuan)
        .unwrap_or_else(|_| whole.to_string());
    let sign = if v < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

/// A file size: "812 KB", "12,5 MB" (1 MB = 1024 KB).
pub fn ukuran(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bita")
    } else if b < KB * KB {
        format!("{} KB", angka((b / KB * 10.0).round() / 10.0))
    } else {
        format!("{} MB", angka((b / KB / KB * 10.0).round() / 10.0))
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

/// Reads a date as a clerk types it: "17-08-2026", "17/08/2026" or
/// "2026-08-17". The message says how to write it.
pub fn baca_tanggal(s: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    let parsed = ["%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok());
    match parsed {
        Some(d) if (1900..=2100).contains(&d.year()) => Ok(d),
        Some(_) => Err(format!("Tahun pada tanggal '{t}' di luar 1900–2100")),
        None => Err(format!(
            "Tanggal '{t}' tidak sah: tulis hh-bb-tttt, mis. 17-08-2026"
        )),
    }
}

/// "17-08-2026", the form in which dates are typed.
pub fn tanggal_isian(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// Reads a Rupiah amount as typed: "Rp 1.234.567", "1.234.567" or "1234567",
/// also with the closing ",-" or ",00" of written amounts ("300.000.000,-").
pub fn baca_rupiah(s: &str) -> Result<i64, String> {
    let t = s.trim();
    let body = t
        .strip_prefix("Rp")
        .or_else(|| t.strip_prefix("rp"))
        .unwrap_or(t)
        .trim();
    let body = [",-", ",00", ",0"]
        .iter()
        .find_map(|akhir| body.strip_suffix(akhir))
        .unwrap_or(body)
        .trim_end();
    if body.is_empty() {
        return Ok(0);
    }
    if body.starts_with('-') {
        return Err("Pagu tidak boleh negatif".into());
    }
    let grouped = body.split('.').enumerate().all(|(i, g)| {
        !g.is_empty()
            && g.bytes().all(|b| b.is_ascii_digit())
            && (i == 0 && g.len() <= 3 || i > 0 && g.len() == 3)
    });
    let plain = body.bytes().all(|b| b.is_ascii_digit());
    if !(plain || body.contains('.') && grouped) {
        return Err(format!(
            "Jumlah '{t}' bukan rupiah yang sah: tulis angka bulat, mis. 1.250.000"
        ));
    }
    body.replace('.', "")
        .parse::<i64>()
        .ok()
        .filter(|v| *v < 1_000_000_000_000_000)
        .ok_or_else(|| format!("Jumlah '{t}' terlalu besar"))
}

/// A typed number of copies: 1 to 99.
pub fn baca_rangkap(s: &str) -> Result<u32, String> {
    s.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=99).contains(n))
        .ok_or_else(|| "Jumlah rangkap harus angka 1 sampai 99, mis. 2".to_string())
}

/// A typed or pasted file path without its surrounding spaces and the
/// quotes a file manager's "Copy as path" puts around it.
pub fn path_isian(s: &str) -> &str {
    let t = s.trim();
    for q in ['"', '\''] {
        if let Some(inner) = t.strip_prefix(q).and_then(|x| x.strip_suffix(q)) {
            return inner.trim();
        }
    }
    t
}

/// Reads a time of day "07:30" or "07.30".
pub fn baca_jam(s: &str) -> Result<chrono::NaiveTime, String> {
    let t = s.trim().replace('.', ":");
    chrono::NaiveTime::parse_from_str(&t, "%H:%M")
        .map_err(|_| format!("Jam '{}' tidak sah: tulis jj:mm, mis. 07:30", s.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(rupiah(1_234_567), "Rp 1.234.567");
        assert_eq!(ukuran(512), "512 bita");
        assert_eq!(ukuran(2048), "2 KB");
        assert_eq!(ukuran(52_428_801), "50 MB");
        assert_eq!(ukuran(13_107_200), "12,5 MB");
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
        let d = NaiveDate::from_ymd_opt(2026, 8, 17).unwrap();
        for typed in ["17-08-2026", "17/08/2026", "2026-08-17", " 17.08.2026 "] {
            assert_eq!(baca_tanggal(typed), Ok(d));
        }
        assert!(
            baca_tanggal("31-02-2026")
                .unwrap_err()
                .contains("tidak sah")
        );
        assert!(baca_tanggal("01-01-0000").is_err());
        assert_eq!(tanggal_isian(d), "17-08-2026");
        assert_eq!(baca_jam("07.30").unwrap().to_string(), "07:30:00");
        assert_eq!(baca_rupiah("Rp 1.234.567"), Ok(1_234_567));
        assert_eq!(baca_rupiah("45000000"), Ok(45_000_000));
        assert_eq!(baca_rupiah("300.000.000,-"), Ok(300_000_000));
        assert_eq!(baca_rupiah("Rp 1.250.000,00"), Ok(1_250_000));
        assert!(baca_rupiah("1.250.000,50").is_err(), "no sen");
        assert_eq!(baca_rupiah(""), Ok(0));
        assert_eq!(baca_rupiah("-5").unwrap_err(), "Pagu tidak boleh negatif");
        assert!(
            baca_rupiah("1,5").is_err()
                && baca_rupiah("12.34").is_err()
                && baca_rupiah("banyak").is_err()
        );
        assert!(
            baca_rupiah(&"9".repeat(30))
                .unwrap_err()
                .contains("terlalu besar")
        );
        assert!(baca_jam("25:00").unwrap_err().contains("tidak sah"));
        assert_eq!(
            path_isian(" \"C:\\Arsip\\PK 2027.pdf\" "),
            "C:\\Arsip\\PK 2027.pdf"
        );
        assert_eq!(path_isian("'/home/kasubag/pk.pdf'"), "/home/kasubag/pk.pdf");
        assert_eq!(path_isian("/tmp/a.pdf"), "/tmp/a.pdf");
    }
}
