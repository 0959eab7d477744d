//! Working-time rules (perkin::model::worktime), with hand-computed cases.
//!
//! Default calendar (Perpres 21/2023): Mon–Thu 07:30–12:00 + 13:00–16:00 = 270 + 180 = 450 min;
//! Fri 07:30–11:30 + 13:00–16:30 = 240 + 210 = 450 min; Sat/Sun off.
//! Dates used (weekdays checked in `tanggal_uji_jatuh_pada_hari_yang_benar`):
//! 2026-07-06 Mon … 2026-07-10 Fri, 2026-07-11 Sat, 2026-07-12 Sun, 2026-07-13 Mon (no holidays);
//! 2026-12-23 Wed, 2026-12-24 Thu (cuti bersama Natal), 2026-12-25 Fri (Natal),
//! 2026-12-28 Mon, 2027-01-01 Fri (Tahun Baru), 2027-01-04 Mon;
//! 2026-05-14 Thu (Kenaikan), 2026-05-15 Fri (cuti bersama Kenaikan), 2026-05-18 Mon;
//! 2026-08-14 Fri, 2026-08-17 Mon (Proklamasi), 2026-08-18 Tue;
//! 2026-03-17 Tue, 2026-03-18 Wed (cuti Nyepi) … 2026-03-24 Tue (cuti Idulfitri), 2026-03-25 Wed.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use perkin::formats::kalender::{libur_bawaan, parse_libur_toml};
use perkin::model::worktime::{
    HariLibur, JamHari, JenisLibur, Kalender, KalenderError, MENIT_HARI_BAWAAN, Vonis, Zona,
    fmt_durasi, vonis,
};

// --- helpers ---------------------------------------------------------------------------------

fn lokal(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .unwrap_or_else(|e| panic!("bad test time {s}: {e}"))
}

fn tgl(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn jam(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn utc(kal: &Kalender, s: &str) -> DateTime<Utc> {
    kal.dari_lokal(lokal(s))
}

fn teks(kal: &Kalender, t: DateTime<Utc>) -> String {
    let l = kal.ke_lokal(t);
    if l.format("%S").to_string() == "00" {
        l.format("%Y-%m-%d %H:%M").to_string()
    } else {
        l.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// Due instant (local text) of `menit` working minutes started at local `mulai`.
fn tempo(kal: &Kalender, mulai: &str, menit: u32) -> String {
    teks(kal, kal.tambah_menit_kerja(utc(kal, mulai), menit))
}

/// Working minutes between two local times.
fn menit_antara(kal: &Kalender, dari: &str, sampai: &str) -> i64 {
    kal.durasi_kerja(utc(kal, dari), utc(kal, sampai))
        .num_minutes()
}

fn wib() -> Kalender {
    Kalender::bawaan(Zona::Wib)
}

fn menit(m: i64) -> Duration {
    Duration::minutes(m)
}

// --- test data sanity ------------------------------------------------------------------------

#[test]
fn tanggal_uji_jatuh_pada_hari_yang_benar() {
    use Weekday::*;
    let cases = [
        ("2026-07-06", Mon),
        ("2026-07-10", Fri),
        ("2026-07-11", Sat),
        ("2026-07-13", Mon),
        ("2026-12-23", Wed),
        ("2026-12-24", Thu),
        ("2026-12-25", Fri),
        ("2026-12-28", Mon),
        ("2027-01-01", Fri),
        ("2027-01-04", Mon),
        ("2026-05-15", Fri),
        ("2026-05-18", Mon),
        ("2026-08-14", Fri),
        ("2026-08-17", Mon),
        ("2026-03-17", Tue),
        ("2026-03-25", Wed),
        ("2026-08-03", Mon),
    ];
    for (d, w) in cases {
        assert_eq!(tgl(d).weekday(), w, "{d}");
    }
}

// --- Zona, JenisLibur, asset -----------------------------------------------------------------

#[test]
fn zona_kode_iana_offset_parse_serde() {
    assert_eq!(Zona::ALL, [Zona::Wib, Zona::Wita, Zona::Wit]);
    let harap = [
        (Zona::Wib, "WIB", "Asia/Jakarta", 7),
        (Zona::Wita, "WITA", "Asia/Makassar", 8),
        (Zona::Wit, "WIT", "Asia/Jayapura", 9),
    ];
    for (z, kode, iana, jam) in harap {
        assert_eq!(z.kode(), kode);
        assert_eq!(z.to_string(), kode);
        assert_eq!(z.iana(), iana);
        assert_eq!(z.offset().local_minus_utc(), jam * 3600);
        assert_eq!(Zona::parse(kode), Some(z));
        assert_eq!(Zona::parse(&kode.to_lowercase()), Some(z));
        assert_eq!(Zona::parse(iana), Some(z));
        assert_eq!(Zona::parse(&format!(" {} ", iana.to_uppercase())), Some(z));
        let json = serde_json_like(z);
        assert_eq!(json, format!("\"{kode}\""));
    }
    assert_eq!(Zona::parse("UTC"), None);
    assert_eq!(Zona::parse(""), None);
}

/// Serialize through TOML (the crate has no JSON dependency here) and return the value text.
fn serde_json_like(z: Zona) -> String {
    #[derive(serde::Serialize, serde::Deserialize)]
    struct W {
        z: Zona,
    }
    let s = toml::to_string(&W { z }).unwrap();
    let back: W = toml::from_str(&s).unwrap();
    assert_eq!(back.z, z);
    s.trim().trim_start_matches("z = ").to_string()
}

#[test]
fn jenis_libur_kode_label_parse() {
    assert_eq!(JenisLibur::Nasional.kode(), "nasional");
    assert_eq!(JenisLibur::CutiBersama.kode(), "cuti_bersama");
    assert_eq!(JenisLibur::Lokal.kode(), "lokal");
    assert_eq!(JenisLibur::Nasional.label(), "Libur nasional");
    assert_eq!(JenisLibur::CutiBersama.label(), "Cuti bersama");
    assert_eq!(JenisLibur::Lokal.label(), "Libur lokal");
    for j in [
        JenisLibur::Nasional,
        JenisLibur::CutiBersama,
        JenisLibur::Lokal,
    ] {
        assert_eq!(JenisLibur::parse(j.kode()), Some(j));
        assert_eq!(JenisLibur::parse(j.label()), Some(j));
    }
    assert_eq!(
        JenisLibur::parse("Cuti-Bersama"),
        Some(JenisLibur::CutiBersama)
    );
    assert_eq!(JenisLibur::parse("libur"), None);
}

#[test]
fn libur_bawaan_terbaca_dan_mencakup_2025_2026_2027() {
    let daftar = libur_bawaan();
    assert!(!daftar.is_empty(), "asset must parse");
    assert!(
        daftar.windows(2).all(|w| w[0].tanggal < w[1].tanggal),
        "sorted, unique"
    );
    for tahun in [2025, 2026, 2027] {
        let n = |j| {
            daftar
                .iter()
                .filter(|h| h.tanggal.year() == tahun && h.jenis == j)
                .count()
        };
        assert!(n(JenisLibur::Nasional) >= 15, "{tahun}: national holidays");
        assert!(n(JenisLibur::CutiBersama) >= 5, "{tahun}: cuti bersama");
        assert_eq!(n(JenisLibur::Lokal), 0);
    }
    // SKB 2026 (1497/2025, 2/2025, 5/2025): 17 national holidays and 8 cuti bersama days.
    let n2026 = |j| {
        daftar
            .iter()
            .filter(|h| h.tanggal.year() == 2026 && h.jenis == j)
            .count()
    };
    assert_eq!(n2026(JenisLibur::Nasional), 17);
    assert_eq!(n2026(JenisLibur::CutiBersama), 8);
    let cari = |d: &str| daftar.iter().find(|h| h.tanggal == tgl(d)).cloned();
    let natal = cari("2026-12-25").unwrap();
    assert_eq!(natal.jenis, JenisLibur::Nasional);
    assert_eq!(natal.nama, "Kelahiran Yesus Kristus");
    assert_eq!(cari("2026-12-24").unwrap().jenis, JenisLibur::CutiBersama);
    assert_eq!(cari("2026-01-01").unwrap().nama, "Tahun Baru 2026 Masehi");
    assert_eq!(cari("2025-08-18").unwrap().jenis, JenisLibur::CutiBersama);
    assert!(cari("2026-07-06").is_none());

    let kal = wib();
    assert!(!kal.hari_kerja(tgl("2026-12-25")));
    assert!(!kal.hari_kerja(tgl("2026-12-24")));
    assert!(!kal.hari_kerja(tgl("2026-07-11")), "Saturday");
    assert!(kal.hari_kerja(tgl("2026-07-06")));
    assert!(
        Kalender::standar(Zona::Wib).hari_kerja(tgl("2026-12-25")),
        "standar has no holidays"
    );
}

#[test]
fn parse_libur_toml_menerima_tanggal_dan_teks_lalu_mengurutkan() {
    let src = r#"
[[libur]]
tanggal = 2026-09-01
nama = "  Hari Jadi Kota "
jenis = "lokal"

[[libur]]
tanggal = "2026-02-01"
nama = "Libur Kantor"
jenis = "Cuti bersama"
catatan = "kolom tambahan diabaikan"
"#;
    let v = parse_libur_toml(src).unwrap();
    assert_eq!(
        v,
        vec![
            HariLibur {
                tanggal: tgl("2026-02-01"),
                nama: "Libur Kantor".into(),
                jenis: JenisLibur::CutiBersama
            },
            HariLibur {
                tanggal: tgl("2026-09-01"),
                nama: "Hari Jadi Kota".into(),
                jenis: JenisLibur::Lokal
            },
        ]
    );
    assert_eq!(parse_libur_toml("libur = []").unwrap(), vec![]);
}

#[test]
fn parse_libur_toml_menolak_dengan_pesan_indonesia() {
    let jenis_salah = "[[libur]]\ntanggal = 2026-01-01\nnama = \"X\"\njenis = \"umum\"\n";
    assert_eq!(
        parse_libur_toml(jenis_salah).unwrap_err().to_string(),
        "Entri libur ke-1: jenis \"umum\" tidak dikenal (gunakan nasional, cuti_bersama, atau lokal)"
    );
    let ganda = "[[libur]]\ntanggal = 2026-01-01\nnama = \"A\"\njenis = \"nasional\"\n\
                 [[libur]]\ntanggal = 2026-01-01\nnama = \"B\"\njenis = \"lokal\"\n";
    assert_eq!(
        parse_libur_toml(ganda).unwrap_err().to_string(),
        "Tanggal 1 Januari 2026 tercantum lebih dari sekali dalam daftar libur"
    );
    let tanpa_nama = "[[libur]]\ntanggal = 2026-01-01\njenis = \"nasional\"\n";
    assert_eq!(
        parse_libur_toml(tanpa_nama).unwrap_err().to_string(),
        "Entri libur ke-1: kolom \"nama\" wajib diisi"
    );
    let jam = "[[libur]]\ntanggal = 2026-01-01T08:00:00\nnama = \"A\"\njenis = \"nasional\"\n";
    assert_eq!(
        parse_libur_toml(jam).unwrap_err().to_string(),
        "Entri libur ke-1: kolom \"tanggal\" harus berupa tanggal (TTTT-BB-HH)"
    );
    let rusak = "[[libur]]\ntanggal = 2026-01-01\nnama = \"A\njenis = \"nasional\"\n";
    let e = parse_libur_toml(rusak).unwrap_err();
    assert!(
        matches!(e, KalenderError::TomlTidakValid { baris: Some(3), .. }),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .starts_with("Format TOML tidak valid pada baris 3"),
        "{e}"
    );
    assert_eq!(
        parse_libur_toml("judul = \"x\"").unwrap_err().to_string(),
        "Berkas tidak memuat daftar [[libur]]"
    );
}

// --- due instants (tambah_menit_kerja), default calendar, WIB ---------------------------------

#[test]
fn tempo_dalam_satu_pagi() {
    let k = wib();
    // Mon 08:00 + 60 min: 08:00–09:00 → Mon 09:00.
    assert_eq!(tempo(&k, "2026-07-06 08:00", 60), "2026-07-06 09:00");
    // Mon 07:30 + 15 min → 07:45.
    assert_eq!(tempo(&k, "2026-07-06 07:30", 15), "2026-07-06 07:45");
}

#[test]
fn tempo_melewati_istirahat_siang() {
    let k = wib();
    // Mon 11:00 + 120: 11:00–12:00 (60), break, 13:00–14:00 (60) → Mon 14:00.
    assert_eq!(tempo(&k, "2026-07-06 11:00", 120), "2026-07-06 14:00");
    // Wed 11:45 + 30: 11:45–12:00 (15), 13:00–13:15 (15) → Wed 13:15.
    assert_eq!(tempo(&k, "2026-07-08 11:45", 30), "2026-07-08 13:15");
}

#[test]
fn tempo_istirahat_jumat_lebih_panjang() {
    let k = wib();
    // Fri 11:00 + 60: 11:00–11:30 (30), break 11:30–13:00, 13:00–13:30 (30) → Fri 13:30.
    assert_eq!(tempo(&k, "2026-07-10 11:00", 60), "2026-07-10 13:30");
    // Same on a Thursday: 11:00–12:00 (60) → Thu 12:00 (ends exactly at the break start).
    assert_eq!(tempo(&k, "2026-07-09 11:00", 60), "2026-07-09 12:00");
}

#[test]
fn tempo_tepat_di_awal_istirahat_tetap_di_situ() {
    let k = wib();
    // Mon 08:00 + 240: 08:00–12:00 = 240 → due Mon 12:00, not 13:00.
    assert_eq!(tempo(&k, "2026-07-06 08:00", 240), "2026-07-06 12:00");
    // Fri 07:30 + 240: 07:30–11:30 = 240 → Fri 11:30 (Friday break start).
    assert_eq!(tempo(&k, "2026-07-10 07:30", 240), "2026-07-10 11:30");
}

#[test]
fn tempo_tepat_di_jam_tutup_tetap_di_jam_tutup() {
    let k = wib();
    // Mon 15:00 + 60: 15:00–16:00 = 60 → Mon 16:00 (closing), not Tue 07:30.
    assert_eq!(tempo(&k, "2026-07-06 15:00", 60), "2026-07-06 16:00");
    // Fri 15:30 + 60: 15:30–16:30 = 60 → Fri 16:30.
    assert_eq!(tempo(&k, "2026-07-10 15:30", 60), "2026-07-10 16:30");
}

#[test]
fn tempo_sampai_akhir_hari_lalu_ke_hari_berikut() {
    let k = wib();
    // Mon 15:00 + 120: 15:00–16:00 (60); Tue 07:30–08:30 (60) → Tue 08:30.
    assert_eq!(tempo(&k, "2026-07-06 15:00", 120), "2026-07-07 08:30");
    // Tue 14:00 + 61: 14:00–16:00 = 120 ≥ 61 → Tue 15:01.
    assert_eq!(tempo(&k, "2026-07-07 14:00", 61), "2026-07-07 15:01");
}

#[test]
fn tempo_jumat_ke_senin_melewati_akhir_pekan() {
    let k = wib();
    // Fri 15:30 + 120: Fri 15:30–16:30 (60); Sat, Sun off; Mon 07:30–08:30 (60) → Mon 08:30.
    assert_eq!(tempo(&k, "2026-07-10 15:30", 120), "2026-07-13 08:30");
    // Fri 16:00 + 300: Fri 16:00–16:30 (30); Mon 07:30–12:00 (270) → Mon 12:00.
    assert_eq!(tempo(&k, "2026-07-10 16:00", 300), "2026-07-13 12:00");
}

#[test]
fn tempo_mulai_sebelum_jam_buka() {
    let k = wib();
    // Mon 06:00 → clock starts 07:30; + 30 → Mon 08:00.
    assert_eq!(tempo(&k, "2026-07-06 06:00", 30), "2026-07-06 08:00");
}

#[test]
fn tempo_mulai_saat_istirahat() {
    let k = wib();
    // Mon 12:30 (break) → starts 13:00; + 30 → Mon 13:30.
    assert_eq!(tempo(&k, "2026-07-06 12:30", 30), "2026-07-06 13:30");
    // Fri 11:45 (Friday break 11:30–13:00) → starts 13:00; + 45 → Fri 13:45.
    assert_eq!(tempo(&k, "2026-07-10 11:45", 45), "2026-07-10 13:45");
}

#[test]
fn tempo_mulai_setelah_jam_tutup() {
    let k = wib();
    // Mon 17:00 → starts Tue 07:30; + 30 → Tue 08:00.
    assert_eq!(tempo(&k, "2026-07-06 17:00", 30), "2026-07-07 08:00");
    // Mon 16:00 exactly is closed (half-open) → Tue 07:30 + 10 → Tue 07:40.
    assert_eq!(tempo(&k, "2026-07-06 16:00", 10), "2026-07-07 07:40");
}

#[test]
fn tempo_mulai_hari_sabtu() {
    let k = wib();
    // Sat 10:00 → starts Mon 07:30; + 60 → Mon 08:30.
    assert_eq!(tempo(&k, "2026-07-11 10:00", 60), "2026-07-13 08:30");
}

#[test]
fn tempo_nol_menit_adalah_buka_berikut() {
    let k = wib();
    // Sun 23:59 + 0 → next opening Mon 07:30.
    assert_eq!(tempo(&k, "2026-07-12 23:59", 0), "2026-07-13 07:30");
    // Inside hours + 0 → the same instant (seconds kept).
    assert_eq!(tempo(&k, "2026-07-06 09:15:20", 0), "2026-07-06 09:15:20");
}

#[test]
fn tempo_libur_nasional() {
    let k = wib();
    // Fri 2026-08-14 16:00 + 60: Fri 16:00–16:30 (30); Sat, Sun; Mon 08-17 Proklamasi (nasional);
    // Tue 08-18 07:30–08:00 (30) → Tue 2026-08-18 08:00.
    assert_eq!(tempo(&k, "2026-08-14 16:00", 60), "2026-08-18 08:00");
    // Start on Natal Fri 2026-12-25 09:00 → Sat, Sun → Mon 12-28 07:30; + 60 → 08:30.
    assert_eq!(tempo(&k, "2026-12-25 09:00", 60), "2026-12-28 08:30");
}

#[test]
fn tempo_cuti_bersama() {
    let k = wib();
    // Fri 2026-05-15 is cuti bersama (Kenaikan Yesus Kristus). Start Fri 10:00 → Mon 05-18
    // 07:30; + 60 → Mon 08:30.
    assert_eq!(tempo(&k, "2026-05-15 10:00", 60), "2026-05-18 08:30");
    // Without the cuti bersama days, Fri 05-15 is a normal Friday: 10:00 + 60 → 11:00.
    let mut tanpa_cuti = k.clone();
    tanpa_cuti
        .libur
        .retain(|_, h| h.jenis != JenisLibur::CutiBersama);
    assert_eq!(
        tempo(&tanpa_cuti, "2026-05-15 10:00", 60),
        "2026-05-15 11:00"
    );
    // Wed 2026-12-23 15:00 + 120: Wed 15:00–16:00 (60); Thu 12-24 cuti bersama; Fri 12-25
    // Natal; weekend; Mon 12-28 07:30–08:30 (60) → Mon 2026-12-28 08:30.
    assert_eq!(tempo(&k, "2026-12-23 15:00", 120), "2026-12-28 08:30");
}

#[test]
fn tempo_rangkaian_nyepi_dan_idulfitri_2026() {
    let k = wib();
    // Tue 03-17 15:00 + 120: Tue 15:00–16:00 (60); Wed 18 cuti Nyepi, Thu 19 Nyepi, Fri 20
    // cuti Idulfitri, Sat 21/Sun 22 Idulfitri, Mon 23 + Tue 24 cuti Idulfitri;
    // Wed 03-25 07:30–08:30 (60) → Wed 2026-03-25 08:30.
    assert_eq!(tempo(&k, "2026-03-17 15:00", 120), "2026-03-25 08:30");
}

#[test]
fn tempo_satu_hari() {
    let k = wib();
    assert_eq!(k.standard_day_minutes(), 450);
    // Mon 07:30 + 450: 07:30–12:00 (270) + 13:00–16:00 (180) → Mon 16:00 (closing).
    assert_eq!(tempo(&k, "2026-07-06 07:30", 450), "2026-07-06 16:00");
    // Mon 10:00 + 450: Mon 10:00–12:00 (120) + 13:00–16:00 (180) = 300; Tue 07:30–10:00 (150)
    // → Tue 10:00.
    assert_eq!(tempo(&k, "2026-07-06 10:00", 450), "2026-07-07 10:00");
    // Fri 10:00 + 450: Fri 10:00–11:30 (90) + 13:00–16:30 (210) = 300; Mon 07:30–10:00 (150)
    // → Mon 10:00.
    assert_eq!(tempo(&k, "2026-07-10 10:00", 450), "2026-07-13 10:00");
}

#[test]
fn tempo_lima_hari() {
    let k = wib();
    // Mon 07:30 + 5×450 = 2250: Mon..Fri 450 each → Fri 2026-07-10 16:30 (closing).
    assert_eq!(tempo(&k, "2026-07-06 07:30", 5 * 450), "2026-07-10 16:30");
    // Mon 13:00 + 2250: Mon 13:00–16:00 (180); Tue, Wed, Thu, Fri (1800) → 1980; Mon 07-13
    // needs 270: 07:30–12:00 → Mon 2026-07-13 12:00 (break start).
    assert_eq!(tempo(&k, "2026-07-06 13:00", 5 * 450), "2026-07-13 12:00");
}

#[test]
fn tempo_lima_hari_melewati_natal_dan_tahun_baru() {
    let k = wib();
    // Wed 2026-12-23 08:00 + 2250: Wed 08:00–12:00 (240) + 13:00–16:00 (180) = 420 → left 1830.
    // Thu 24 cuti bersama, Fri 25 Natal, Sat, Sun.
    // Mon 28: 450 → 1380; Tue 29: 450 → 930; Wed 30: 450 → 480; Thu 31: 450 → 30.
    // Fri 2027-01-01 Tahun Baru, Sat, Sun. Mon 2027-01-04 07:30 + 30 → 08:00.
    assert_eq!(tempo(&k, "2026-12-23 08:00", 5 * 450), "2027-01-04 08:00");
    // The same span without holidays: Wed 420; Thu 24 → 1380; Fri 25 → 930; Mon 28 → 480;
    // Tue 29 → 30; Wed 30 07:30 + 30 → 08:00.
    let s = Kalender::standar(Zona::Wib);
    assert_eq!(tempo(&s, "2026-12-23 08:00", 5 * 450), "2026-12-30 08:00");
}

#[test]
fn tempo_berbulan_bulan() {
    let k = wib();
    // July 2026 has no holidays. Mon 07-06 07:30 + 20 days × 450 = 9000 min → 4 full weeks →
    // Fri 2026-07-31 16:30.
    assert_eq!(tempo(&k, "2026-07-06 07:30", 20 * 450), "2026-07-31 16:30");
    // 21 days: Aug 3 (Mon) is a normal day → Mon 2026-08-03 16:00.
    assert_eq!(tempo(&k, "2026-07-06 07:30", 21 * 450), "2026-08-03 16:00");
}

// --- time zones ------------------------------------------------------------------------------

#[test]
fn tiga_zona_input_lokal_sama_berselisih_satu_jam() {
    let zona: Vec<Kalender> = Zona::ALL.iter().map(|&z| Kalender::bawaan(z)).collect();
    // Mon 2026-07-06 08:00 local = 01:00Z (WIB), 00:00Z (WITA), Sun 23:00Z (WIT).
    let mulai: Vec<DateTime<Utc>> = zona.iter().map(|k| utc(k, "2026-07-06 08:00")).collect();
    let iso: Vec<String> = mulai
        .iter()
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .collect();
    assert_eq!(
        iso,
        ["2026-07-06 01:00", "2026-07-06 00:00", "2026-07-05 23:00"]
    );
    assert_eq!(mulai[0] - mulai[1], Duration::hours(1));
    assert_eq!(mulai[1] - mulai[2], Duration::hours(1));
    // + 240 min: 08:00–12:00 → due 12:00 local in every zone (05:00Z, 04:00Z, 03:00Z).
    for (k, m) in zona.iter().zip(&mulai) {
        let t = k.tambah_menit_kerja(*m, 240);
        assert_eq!(teks(k, t), "2026-07-06 12:00", "{}", k.zona);
        assert_eq!(t - *m, Duration::hours(4));
    }
    // Mon 15:00 + 120 → Tue 08:30 local everywhere.
    for k in &zona {
        assert_eq!(
            tempo(k, "2026-07-06 15:00", 120),
            "2026-07-07 08:30",
            "{}",
            k.zona
        );
    }
}

#[test]
fn satu_instan_utc_berbeda_status_per_zona() {
    // 2026-07-05 23:00Z = Mon 06:00 WIB (closed), 07:00 WITA (closed), 08:00 WIT (open).
    let t = "2026-07-05T23:00:00Z".parse::<DateTime<Utc>>().unwrap();
    let buka: Vec<bool> = Zona::ALL
        .iter()
        .map(|&z| Kalender::bawaan(z).jam_kerja(t))
        .collect();
    assert_eq!(buka, [false, false, true]);
    // Next openings: 07:30 WIB = 00:30Z, 07:30 WITA = 23:30Z (Sun), WIT: t itself.
    let wib = Kalender::bawaan(Zona::Wib);
    assert_eq!(
        wib.buka_berikut(t),
        "2026-07-06T00:30:00Z".parse::<DateTime<Utc>>().unwrap()
    );
    let wita = Kalender::bawaan(Zona::Wita);
    assert_eq!(
        wita.buka_berikut(t),
        "2026-07-05T23:30:00Z".parse::<DateTime<Utc>>().unwrap()
    );
    assert_eq!(Kalender::bawaan(Zona::Wit).buka_berikut(t), t);
    // The holiday date is local: 2026-12-24 20:00Z is Fri 12-25 03:00 WIB (Natal) → opening
    // Mon 12-28 07:30 WIB.
    let malam = "2026-12-24T20:00:00Z".parse::<DateTime<Utc>>().unwrap();
    assert_eq!(teks(&wib, wib.buka_berikut(malam)), "2026-12-28 07:30");
}

// --- jam_kerja, buka_berikut -----------------------------------------------------------------

#[test]
fn jam_kerja_interval_setengah_terbuka() {
    let k = wib();
    let cases = [
        ("2026-07-06 07:29:59", false),
        ("2026-07-06 07:30", true),
        ("2026-07-06 11:59:59", true),
        ("2026-07-06 12:00", false),
        ("2026-07-06 12:59:59", false),
        ("2026-07-06 13:00", true),
        ("2026-07-06 15:59:59", true),
        ("2026-07-06 16:00", false),
        ("2026-07-10 11:30", false),
        ("2026-07-10 12:30", false),
        ("2026-07-10 16:15", true),
        ("2026-07-10 16:30", false),
        ("2026-07-11 09:00", false),
        ("2026-12-25 09:00", false),
        ("2026-12-24 09:00", false),
    ];
    for (s, harap) in cases {
        assert_eq!(k.jam_kerja(utc(&k, s)), harap, "{s}");
    }
}

#[test]
fn buka_berikut_berbagai_posisi() {
    let k = wib();
    let cases = [
        ("2026-07-06 06:00", "2026-07-06 07:30"), // before opening
        ("2026-07-06 09:00", "2026-07-06 09:00"), // inside → itself
        ("2026-07-06 12:00", "2026-07-06 13:00"), // break start
        ("2026-07-10 11:30", "2026-07-10 13:00"), // Friday break
        ("2026-07-06 16:00", "2026-07-07 07:30"), // closing
        ("2026-07-10 16:30", "2026-07-13 07:30"), // Friday closing → Monday
        ("2026-07-12 12:00", "2026-07-13 07:30"), // Sunday
        ("2026-12-23 16:00", "2026-12-28 07:30"), // before cuti bersama + Natal + weekend
        ("2026-12-31 16:00", "2027-01-04 07:30"), // before Tahun Baru + weekend
    ];
    for (dari, harap) in cases {
        assert_eq!(teks(&k, k.buka_berikut(utc(&k, dari))), harap, "{dari}");
    }
}

// --- durasi_kerja ----------------------------------------------------------------------------

#[test]
fn durasi_melewati_istirahat() {
    let k = wib();
    // Mon 11:00 → 14:00: 11:00–12:00 (60) + 13:00–14:00 (60) = 120.
    assert_eq!(
        menit_antara(&k, "2026-07-06 11:00", "2026-07-06 14:00"),
        120
    );
    // Fri 11:00 → 14:00: 11:00–11:30 (30) + 13:00–14:00 (60) = 90.
    assert_eq!(menit_antara(&k, "2026-07-10 11:00", "2026-07-10 14:00"), 90);
    // Entirely inside the break: 0.
    assert_eq!(menit_antara(&k, "2026-07-06 12:10", "2026-07-06 12:50"), 0);
}

#[test]
fn durasi_melewati_akhir_pekan() {
    let k = wib();
    // Fri 15:00 → Mon 09:00: Fri 15:00–16:30 (90) + Mon 07:30–09:00 (90) = 180.
    assert_eq!(
        menit_antara(&k, "2026-07-10 15:00", "2026-07-13 09:00"),
        180
    );
    // Fri 06:00 → Mon 06:00 = all of Friday = 450.
    assert_eq!(
        menit_antara(&k, "2026-07-10 06:00", "2026-07-13 06:00"),
        450
    );
}

#[test]
fn durasi_melewati_libur() {
    let k = wib();
    // Wed 12-23 15:00 → Mon 12-28 08:00: Wed 60; Thu cuti, Fri Natal, weekend; Mon 30 → 90.
    assert_eq!(menit_antara(&k, "2026-12-23 15:00", "2026-12-28 08:00"), 90);
    // Same span on the holiday-free standard calendar: 60 + Thu 450 + Fri 450 + 30 = 990.
    let s = Kalender::standar(Zona::Wib);
    assert_eq!(
        menit_antara(&s, "2026-12-23 15:00", "2026-12-28 08:00"),
        990
    );
}

#[test]
fn durasi_berbulan_bulan_dan_kasus_tepi() {
    let k = wib();
    // Mon 07-06 07:30 → Mon 08-03 07:30: 4 weeks × 5 days × 450 = 9000 (no holidays in July).
    assert_eq!(
        menit_antara(&k, "2026-07-06 07:30", "2026-08-03 07:30"),
        9000
    );
    // Mon 08-03 → Mon 08-24 07:30: 3 weeks = 15 days, minus Mon 08-17 (Proklamasi) → 14 × 450.
    assert_eq!(
        menit_antara(&k, "2026-08-03 07:30", "2026-08-24 07:30"),
        14 * 450
    );
    // sampai <= dari → 0.
    assert_eq!(menit_antara(&k, "2026-07-06 10:00", "2026-07-06 09:00"), 0);
    assert_eq!(menit_antara(&k, "2026-07-06 10:00", "2026-07-06 10:00"), 0);
    // Second precision: 08:00:00 → 08:00:45 = 45 s.
    let d = k.durasi_kerja(
        utc(&k, "2026-07-06 08:00:00"),
        utc(&k, "2026-07-06 08:00:45"),
    );
    assert_eq!(d, Duration::seconds(45));
}

#[test]
fn durasi_dan_tempo_saling_konsisten() {
    let k = wib();
    let mulai = [
        "2026-07-06 06:00",
        "2026-07-06 11:59",
        "2026-07-10 11:15",
        "2026-07-10 16:29",
        "2026-07-11 10:00",
        "2026-12-23 08:00",
        "2026-03-17 15:00",
        "2026-05-13 14:00",
    ];
    for m in mulai {
        for n in [0u32, 1, 29, 60, 239, 450, 451, 900, 2250, 10_000, 100_000] {
            let a = utc(&k, m);
            let due = k.tambah_menit_kerja(a, n);
            assert_eq!(
                k.durasi_kerja(a, due),
                Duration::minutes(i64::from(n)),
                "{m} + {n}"
            );
            if n > 0 {
                assert!(
                    k.jam_kerja(due - Duration::seconds(1)),
                    "{m} + {n}: last second worked"
                );
            }
        }
    }
}

// --- vonis -----------------------------------------------------------------------------------

#[test]
fn vonis_empat_keadaan() {
    let k = wib();
    let mulai = utc(&k, "2026-07-06 08:00"); // Mon; standard 120 → due Mon 10:00
    let now = utc(&k, "2026-07-07 16:00"); // fixed "now": Tue 16:00
    assert_eq!(
        teks(&k, k.tambah_menit_kerja(mulai, 120)),
        "2026-07-06 10:00"
    );

    // Done at 09:30: 90 ≤ 120 → on time.
    let v = vonis(&k, mulai, 120, Some(utc(&k, "2026-07-06 09:30")), now);
    assert_eq!(
        v,
        Vonis::TepatWaktu {
            terpakai: menit(90)
        }
    );
    assert_eq!(v.label(), "Tepat waktu");

    // Done Tue 09:00: Mon 08:00–12:00 (240) + 13:00–16:00 (180) + Tue 07:30–09:00 (90) = 510;
    // late by 390 = 6 jam 30 menit.
    let v = vonis(&k, mulai, 120, Some(utc(&k, "2026-07-07 09:00")), now);
    assert_eq!(
        v,
        Vonis::Terlambat {
            terpakai: menit(510),
            lewat: menit(390)
        }
    );
    assert_eq!(v.label(), "Terlambat 6 jam 30 menit");

    // Running, now Mon 09:00: used 60 of 120 → 50 %.
    let v = vonis(&k, mulai, 120, None, utc(&k, "2026-07-06 09:00"));
    assert_eq!(
        v,
        Vonis::Berjalan {
            terpakai: menit(60),
            sisa: menit(60),
            persen: 50
        }
    );
    assert_eq!(v.label(), "Berjalan (50%)");

    // Running, now Tue 16:00: used 420 + 450 = 870, past due by 750 = 1 hari (450) 5 jam.
    let v = vonis(&k, mulai, 120, None, now);
    assert_eq!(
        v,
        Vonis::LewatBatas {
            terpakai: menit(870),
            lewat: menit(750)
        }
    );
    assert_eq!(v.label(), "Lewat batas 1 hari 5 jam");
}

#[test]
fn vonis_batas_tepat_dan_setelah_jam_tutup() {
    let k = wib();
    let mulai = utc(&k, "2026-07-06 08:00");
    // now == due (10:00) → still running, 100 %.
    let v = vonis(&k, mulai, 120, None, utc(&k, "2026-07-06 10:00"));
    assert_eq!(
        v,
        Vonis::Berjalan {
            terpakai: menit(120),
            sisa: Duration::zero(),
            persen: 100
        }
    );
    // One second later → past due.
    let v = vonis(&k, mulai, 120, None, utc(&k, "2026-07-06 10:00:01"));
    assert_eq!(
        v,
        Vonis::LewatBatas {
            terpakai: Duration::seconds(7201),
            lewat: Duration::seconds(1)
        }
    );
    assert_eq!(v.label(), "Lewat batas kurang dari 1 menit");
    // Standard 420 from Mon 08:00: 08:00–12:00 (240) + 13:00–16:00 (180) → due Mon 16:00. At Mon 17:00 it is past due, with no working
    // time past it yet.
    let v = vonis(&k, mulai, 420, None, utc(&k, "2026-07-06 17:00"));
    assert_eq!(
        v,
        Vonis::LewatBatas {
            terpakai: menit(420),
            lewat: Duration::zero()
        }
    );
    assert_eq!(v.label(), "Lewat batas");
    // Started on a Saturday, now Monday 08:00: used 30 of 60 → 50 %.
    let v = vonis(
        &k,
        utc(&k, "2026-07-11 09:00"),
        60,
        None,
        utc(&k, "2026-07-13 08:00"),
    );
    assert_eq!(
        v,
        Vonis::Berjalan {
            terpakai: menit(30),
            sisa: menit(30),
            persen: 50
        }
    );
    // Done exactly at the standard → on time; a label with the office's day length.
    let v = vonis(&k, mulai, 60, Some(utc(&k, "2026-07-06 09:00")), mulai);
    assert_eq!(
        v,
        Vonis::TepatWaktu {
            terpakai: menit(60)
        }
    );
    let v = Vonis::Terlambat {
        terpakai: menit(1000),
        lewat: menit(500),
    };
    assert_eq!(v.label_hari(420), "Terlambat 1 hari 1 jam 20 menit");
}

// --- standard_day_minutes, validasi, edited calendars -------------------------------------------

#[test]
fn standard_day_minutes_bawaan_dan_diubah() {
    assert_eq!(
        Kalender::standar(Zona::Wib).standard_day_minutes(),
        MENIT_HARI_BAWAAN
    );
    assert_eq!(Kalender::bawaan(Zona::Wit).standard_day_minutes(), 450);

    // Mon–Thu 08:00–16:00 break 12–13 = 420; Fri 08:00–11:00 = 180 → most common 420.
    let mut k = Kalender::standar(Zona::Wib);
    for i in 0..4 {
        k.jam[i] = Some(JamHari {
            buka: jam(8, 0),
            tutup: jam(16, 0),
            istirahat: Some((jam(12, 0), jam(13, 0))),
        });
    }
    k.jam[4] = Some(JamHari {
        buka: jam(8, 0),
        tutup: jam(11, 0),
        istirahat: None,
    });
    assert_eq!(k.standard_day_minutes(), 420);

    // Tie: Mon, Tue 480 (08:00–16:00 no break); Wed, Thu 420; Fri 180 → the longer, 480.
    k.jam[0] = Some(JamHari {
        buka: jam(8, 0),
        tutup: jam(16, 0),
        istirahat: None,
    });
    k.jam[1] = k.jam[0].clone();
    assert_eq!(k.standard_day_minutes(), 480);
    assert_eq!(k.jam[0].as_ref().unwrap().menit_kerja(), 480);
    assert_eq!(k.jam[2].as_ref().unwrap().menit_kerja(), 420);
}

#[test]
fn validasi_menolak_jam_buka_setelah_tutup() {
    assert_eq!(Kalender::standar(Zona::Wib).validasi(), Ok(()));
    assert_eq!(Kalender::bawaan(Zona::Wita).validasi(), Ok(()));

    let mut k = Kalender::standar(Zona::Wib);
    k.jam[0] = Some(JamHari {
        buka: jam(16, 0),
        tutup: jam(7, 30),
        istirahat: None,
    });
    let e = k.validasi().unwrap_err();
    assert_eq!(e, KalenderError::BukaSetelahTutup { hari: "Senin" });
    assert_eq!(e.to_string(), "Senin: jam buka harus sebelum jam tutup");

    let mut k = Kalender::standar(Zona::Wib);
    k.jam[4] = Some(JamHari {
        buka: jam(7, 30),
        tutup: jam(16, 30),
        istirahat: Some((jam(11, 0), jam(17, 0))),
    });
    assert_eq!(
        k.validasi().unwrap_err().to_string(),
        "Jumat: jam istirahat (11:00–17:00) harus berada di dalam jam kerja (07:30–16:30)"
    );

    let mut k = Kalender::standar(Zona::Wib);
    k.jam[2] = Some(JamHari {
        buka: jam(7, 30),
        tutup: jam(16, 0),
        istirahat: Some((jam(13, 0), jam(12, 0))),
    });
    assert_eq!(
        k.validasi().unwrap_err().to_string(),
        "Rabu: awal istirahat harus sebelum akhir istirahat"
    );

    let k = Kalender {
        jam: Default::default(),
        ..Kalender::standar(Zona::Wib)
    };
    assert_eq!(
        k.validasi().unwrap_err().to_string(),
        "Tidak ada hari kerja: setidaknya satu hari harus memiliki jam kerja"
    );
}

#[test]
fn kalender_diubah_sabtu_masuk_mengubah_hasil() {
    let mut k = wib();
    k.jam[5] = Some(JamHari {
        buka: jam(8, 0),
        tutup: jam(12, 0),
        istirahat: None,
    }); // Sat 240
    assert_eq!(k.validasi(), Ok(()));
    assert_eq!(
        k.standard_day_minutes(),
        450,
        "five 450-min days outvote one 240-min day"
    );
    // Fri 15:30 + 120: Fri 15:30–16:30 (60); Sat 08:00–09:00 (60) → Sat 09:00 (default: Mon 08:30).
    assert_eq!(tempo(&k, "2026-07-10 15:30", 120), "2026-07-11 09:00");
    // Sat 10:00 + 180: Sat 10:00–12:00 (120); Mon 07:30–08:30 (60) → Mon 08:30.
    assert_eq!(tempo(&k, "2026-07-11 10:00", 180), "2026-07-13 08:30");
    // Fri 15:00 → Mon 09:00: 90 + Sat 240 + 90 = 420 (default: 180).
    assert_eq!(
        menit_antara(&k, "2026-07-10 15:00", "2026-07-13 09:00"),
        420
    );
    assert!(k.jam_kerja(utc(&k, "2026-07-11 11:59")));
    assert!(!k.jam_kerja(utc(&k, "2026-07-11 12:00")));
    // A holiday still wins over Saturday hours: Sat 2027-12-25 (Natal).
    assert!(!k.hari_kerja(tgl("2027-12-25")));
}

#[test]
fn kalender_dengan_libur_lokal() {
    let k = wib().dengan_libur([HariLibur {
        tanggal: tgl("2026-07-07"),
        nama: "Hari Jadi Kabupaten".into(),
        jenis: JenisLibur::Lokal,
    }]);
    // Mon 15:00 + 120: Mon 60; Tue 07-07 local holiday; Wed 07:30–08:30 → Wed 08:30.
    assert_eq!(tempo(&k, "2026-07-06 15:00", 120), "2026-07-08 08:30");
}

// --- fmt_durasi ------------------------------------------------------------------------------

#[test]
fn fmt_durasi_bahasa_indonesia() {
    let f = |m: i64| fmt_durasi(menit(m), 450);
    assert_eq!(f(0), "0 menit");
    assert_eq!(f(5), "5 menit");
    assert_eq!(f(180), "3 jam");
    assert_eq!(f(90), "1 jam 30 menit");
    assert_eq!(f(450), "1 hari");
    assert_eq!(f(450 + 60), "1 hari 1 jam");
    assert_eq!(f(2 * 450 + 60), "2 hari 1 jam");
    assert_eq!(f(2 * 450 + 61), "2 hari 1 jam 1 menit");
    assert_eq!(f(449), "7 jam 29 menit");
    assert_eq!(
        fmt_durasi(Duration::seconds(30), 450),
        "kurang dari 1 menit"
    );
    assert_eq!(fmt_durasi(Duration::seconds(119), 450), "1 menit");
    assert_eq!(fmt_durasi(menit(960), 0), "16 jam", "0 = no day unit");
    assert_eq!(fmt_durasi(menit(-90), 450), "-1 jam 30 menit");
    assert_eq!(perkin::fmt::tanggal(tgl("2026-12-25")), "25 Desember 2026");
}

// --- robustness ------------------------------------------------------------------------------

#[test]
fn masukan_ekstrem_tidak_panik_dan_cepat() {
    let k = wib();
    let a = utc(&k, "2026-07-06 08:00");
    // ~9.5 million working days: must finish quickly and not panic.
    let jauh = k.tambah_menit_kerja(a, u32::MAX);
    assert!(jauh > a);
    let _ = k.durasi_kerja(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
    let _ = k.tambah_menit_kerja(DateTime::<Utc>::MAX_UTC, 60);
    let _ = k.buka_berikut(DateTime::<Utc>::MAX_UTC);
    let _ = k.jam_kerja(DateTime::<Utc>::MIN_UTC);
    let _ = k.ke_lokal(DateTime::<Utc>::MAX_UTC);
    let _ = k.dari_lokal(NaiveDateTime::MIN);

    // Invalid hours: an inverted Monday is skipped, not looped on.
    let mut k2 = Kalender::standar(Zona::Wib);
    k2.jam[0] = Some(JamHari {
        buka: jam(16, 0),
        tutup: jam(7, 30),
        istirahat: None,
    });
    assert_eq!(tempo(&k2, "2026-07-06 08:00", 30), "2026-07-07 08:00");

    // No working time at all (rejected by validasi): treated as round the clock.
    let kosong = Kalender {
        jam: Default::default(),
        ..Kalender::bawaan(Zona::Wib)
    };
    assert_eq!(kosong.standard_day_minutes(), 0);
    assert_eq!(tempo(&kosong, "2026-07-11 10:00", 90), "2026-07-11 11:30");
    assert_eq!(
        menit_antara(&kosong, "2026-07-11 10:00", "2026-07-11 11:30"),
        90
    );
}
