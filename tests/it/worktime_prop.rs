//! Property tests of the working-time clock (perkin::model::worktime), issue 7 point 6.
//!
//! Calendars are generated as the app can hold them (the store and the settings form keep
//! whole minutes 00:00–23:59; [`Kalender::validasi`] must accept them): per weekday closed, or
//! open with opening < closing and an optional break inside the hours (it may start at the
//! opening, end at the closing, or fill the whole day), in all three zones, with no holidays,
//! the built-in list, or random runs of consecutive holidays (on weekends too). Start instants
//! fall anywhere: inside hours, in a break, at night, on closed days and holidays, exactly on
//! (or one second around) an opening, a break edge or a closing, with or without a sub-second
//! part. Durations run from 0 to several weeks of working minutes (for a calendar with a few
//! minutes a week, centuries of calendar time).
//!
//! Conventions these properties pin (see `tambah_menit_kerja`):
//! - working time of a day is `[buka, istirahat.0) ∪ [istirahat.1, tutup)` (half-open);
//! - for `menit > 0` the due instant is the end of the last working second: local time in
//!   `(a, b]` of a working interval `[a, b)` of a working day, so a due exactly at a closing
//!   or a break start is normal, one exactly at an opening or a break end never happens;
//! - for `menit == 0` the due instant is `buka_berikut(mulai)`: inside working time, `[a, b)`.
//!   So `due(due(s, a), 0)` is the next opening, not `due(s, a)`, when `due(s, a)` ends at a
//!   closing or a break start: additivity holds for every `b > 0`, and for `b == 0` exactly
//!   up to that move to the next opening.
//!
//! Failure persistence is off (no `proptest-regressions/` files): the seed is random on every
//! run, a failure prints its shrunk input, and the policy is to turn that into a named plain
//! test in `worktime.rs` (readable, independent of how these generators are written, and no
//! test run writes into the source tree). `PROPTEST_CASES=n` runs more cases (soak);
//! `PROPTEST_RNG_SEED=n` fixes the seed, for a reproducible run.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use perkin::formats::kalender::libur_bawaan;
use perkin::model::worktime::{HariLibur, JamHari, JenisLibur, Kalender, Zona};
use proptest::prelude::*;

// --- configuration ---------------------------------------------------------------------------

/// `cases` cases unless `PROPTEST_CASES` says otherwise; no regression files (see above).
fn konfig(cases: u32) -> ProptestConfig {
    let mut c = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = cases;
    }
    c.failure_persistence = None;
    c
}

// --- generated cases -------------------------------------------------------------------------

/// A calendar and a start instant.
#[derive(Clone, Debug)]
struct Kasus {
    kal: Kalender,
    mulai: DateTime<Utc>,
}

/// Where in its local day an instant is put.
#[derive(Clone, Copy, Debug)]
enum Posisi {
    /// Any second of the day.
    Acak(u32),
    /// One of the day's edges (opening, break start, break end, closing; picked modulo the
    /// number of edges), moved by -1, 0 or +1 second. On a closed weekday: the given second.
    Tepi {
        indeks: usize,
        geser: i64,
        cadangan: u32,
    },
}

fn jam_menit(m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(m / 60, m % 60, 0).expect("minute of the day")
}

fn detik(t: NaiveTime) -> i64 {
    i64::from(t.num_seconds_from_midnight())
}

/// Hours of one open weekday, whole minutes, as the settings form accepts them.
///
/// The day strategies are boxed: unboxed, seven of them nest into value trees too large for
/// a test thread's stack in debug builds.
fn jam_hari() -> BoxedStrategy<JamHari> {
    let buka_tutup = prop_oneof![
        // Office-like: opening 06:00–10:00, closing 14:00–18:00.
        (360u32..=600, 840u32..=1080),
        // Anywhere in the day, 00:00 to 23:59 included.
        (0u32..1439).prop_flat_map(|b| (Just(b), (b + 1)..=1439)),
        // Very short days (1–3 minutes).
        (0u32..1439).prop_flat_map(|b| (Just(b), (b + 1)..=(b + 3).min(1439))),
    ];
    buka_tutup
        .prop_flat_map(|(b, t)| {
            let istirahat = prop_oneof![
                4 => Just(None),
                4 => (b..t).prop_flat_map(move |s| ((s + 1)..=t).prop_map(move |e| Some((s, e)))),
                1 => ((b + 1)..=t).prop_map(move |e| Some((b, e))),
                1 => (b..t).prop_map(move |s| Some((s, t))),
                1 => Just(Some((b, t))),
            ];
            istirahat.prop_map(move |i| JamHari {
                buka: jam_menit(b),
                tutup: jam_menit(t),
                istirahat: i.map(|(s, e)| (jam_menit(s), jam_menit(e))),
            })
        })
        .boxed()
}

/// The week: the Perpres defaults, or each weekday closed or open at random.
fn minggu() -> impl Strategy<Value = [Option<JamHari>; 7]> {
    let hari = prop_oneof![1 => Just(None), 3 => jam_hari().prop_map(Some)].boxed();
    prop_oneof![
        1 => Just(Kalender::standar(Zona::Wib).jam),
        4 => proptest::array::uniform7(hari),
    ]
}

fn tanggal(hari_sejak_2000: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(hari_sejak_2000)
}

fn hari_sejak_2000(y: i32, m: u32, d: u32) -> i64 {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .signed_duration_since(tanggal(0))
        .num_days()
}

/// Base date: mostly 2025–2027 (covered by the built-in holiday list), else 2000–2099.
fn tanggal_dasar() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        2 => hari_sejak_2000(2025, 1, 1)..hari_sejak_2000(2028, 1, 1),
        1 => 0i64..hari_sejak_2000(2100, 1, 1),
    ]
    .prop_map(tanggal)
}

/// Holidays around the base date: none, the built-in list, random runs (offset from the base
/// date, length), or both.
#[derive(Clone, Debug)]
struct PilihanLibur {
    bawaan: bool,
    runtun: Vec<(i64, u64)>,
}

fn pilihan_libur() -> impl Strategy<Value = PilihanLibur> {
    let runtun = proptest::collection::vec((-10i64..120, 1u64..=10), 0..8);
    (any::<bool>(), runtun).prop_map(|(bawaan, runtun)| PilihanLibur { bawaan, runtun })
}

fn pasang_libur(kal: &mut Kalender, dasar: NaiveDate, p: &PilihanLibur) {
    if p.bawaan {
        *kal = kal.clone().dengan_libur(libur_bawaan());
    }
    for &(geser, n) in &p.runtun {
        let awal = dasar + Duration::days(geser);
        for i in 0..n {
            let tanggal = awal + Days::new(i);
            kal.libur.insert(
                tanggal,
                HariLibur {
                    tanggal,
                    nama: "Libur uji".into(),
                    jenis: JenisLibur::Lokal,
                },
            );
        }
    }
}

fn posisi() -> impl Strategy<Value = Posisi> {
    prop_oneof![
        1 => (0u32..1440).prop_map(|m| Posisi::Acak(m * 60)),
        1 => (0u32..86_400).prop_map(Posisi::Acak),
        2 => (0usize..4, -1i64..=1, 0u32..86_400)
            .prop_map(|(indeks, geser, cadangan)| Posisi::Tepi { indeks, geser, cadangan }),
    ]
}

/// Sub-second part of an instant: mostly none.
fn nanodetik() -> impl Strategy<Value = u32> {
    prop_oneof![3 => Just(0u32), 1 => 1u32..1_000_000_000]
}

/// The UTC instant of local date `d` at position `p`, plus `nano` nanoseconds.
fn instan(kal: &Kalender, d: NaiveDate, p: Posisi, nano: u32) -> DateTime<Utc> {
    let s = match p {
        Posisi::Acak(s) => i64::from(s),
        Posisi::Tepi {
            indeks,
            geser,
            cadangan,
        } => match &kal.jam[d.weekday().num_days_from_monday() as usize] {
            Some(j) => {
                let mut tepi = vec![detik(j.buka)];
                if let Some((a, b)) = j.istirahat {
                    tepi.extend([detik(a), detik(b)]);
                }
                tepi.push(detik(j.tutup));
                (tepi[indeks % tepi.len()] + geser).clamp(0, 86_399)
            }
            None => i64::from(cadangan),
        },
    };
    let lokal =
        d.and_time(NaiveTime::MIN) + Duration::seconds(s) + Duration::nanoseconds(nano.into());
    kal.dari_lokal(lokal)
}

/// A valid calendar (as [`Kalender::validasi`] accepts) with a start within two weeks of its
/// base date; also returns the base date.
fn kasus_dan_dasar() -> impl Strategy<Value = (Kasus, NaiveDate)> {
    (
        proptest::sample::select(Zona::ALL.to_vec()),
        minggu(),
        tanggal_dasar(),
        pilihan_libur(),
        0i64..14,
        posisi(),
        nanodetik(),
    )
        .prop_map(|(zona, jam, dasar, libur, hari, pos, nano)| {
            let mut kal = Kalender {
                jam,
                ..Kalender::standar(zona)
            };
            pasang_libur(&mut kal, dasar, &libur);
            let mulai = instan(&kal, dasar + Duration::days(hari), pos, nano);
            (Kasus { kal, mulai }, dasar)
        })
        // The app refuses a week without any working time (TanpaHariKerja).
        .prop_filter("kalender ditolak validasi", |(k, _)| {
            k.kal.validasi().is_ok()
        })
}

fn kasus() -> impl Strategy<Value = Kasus> {
    kasus_dan_dasar().prop_map(|(k, _)| k)
}

/// Working minutes to add: 0 to several weeks' worth of a standard week (2250 minutes).
fn menit() -> impl Strategy<Value = u32> {
    prop_oneof![
        3 => 0u32..=10,
        3 => 0u32..=600,
        2 => 0u32..=25_000,
    ]
}

/// How many working minutes to add: a number, or as many as reach the end of the k-th
/// working interval ending after the start (so the due falls exactly on a closing or a
/// break start whenever the start is on a whole minute).
#[derive(Clone, Copy, Debug)]
enum Menit {
    Angka(u32),
    SampaiUjung(usize),
}

fn pilihan_menit() -> impl Strategy<Value = Menit> {
    prop_oneof![
        3 => menit().prop_map(Menit::Angka),
        1 => (0usize..12).prop_map(Menit::SampaiUjung),
    ]
}

/// The minutes of `p` for a start in a valid calendar (computed with the reference below,
/// not with the clock).
fn menit_untuk(kal: &Kalender, mulai: DateTime<Utc>, p: Menit) -> u32 {
    let k = match p {
        Menit::Angka(m) => return m,
        Menit::SampaiUjung(k) => k,
    };
    let (d0, s0) = lokal(kal, mulai);
    let mut d = d0;
    let mut ke = 0;
    // Holiday runs in these cases are far shorter than ten years.
    for _ in 0..3660 {
        for (_, b) in rentang_acuan(kal, d) {
            if d > d0 || b > s0 {
                if ke == k {
                    let ujung = (d.and_time(NaiveTime::MIN) + Duration::seconds(b))
                        .and_local_timezone(kal.zona.offset())
                        .unwrap()
                        .with_timezone(&Utc);
                    return u32::try_from(durasi_acuan(kal, mulai, ujung) / 60).unwrap();
                }
                ke += 1;
            }
        }
        d = d.succ_opt().unwrap();
    }
    panic!("no working interval within ten years of {d0}");
}

// --- an independent reading of the calendar --------------------------------------------------

/// Local wall-clock date and whole second of the day of `t` in the calendar's zone.
fn lokal(kal: &Kalender, t: DateTime<Utc>) -> (NaiveDate, i64) {
    let l = t.with_timezone(&kal.zona.offset()).naive_local();
    (l.date(), i64::from(l.num_seconds_from_midnight()))
}

/// Non-empty working intervals `[a, b)` of a date, in seconds since local midnight, read from
/// the public fields of a valid calendar.
fn rentang_acuan(kal: &Kalender, d: NaiveDate) -> Vec<(i64, i64)> {
    if kal.libur.contains_key(&d) {
        return Vec::new();
    }
    let Some(j) = &kal.jam[d.weekday().num_days_from_monday() as usize] else {
        return Vec::new();
    };
    let (b, t) = (detik(j.buka), detik(j.tutup));
    let r = match j.istirahat {
        Some((s, e)) => vec![(b, detik(s)), (detik(e), t)],
        None => vec![(b, t)],
    };
    r.into_iter().filter(|(a, b)| a < b).collect()
}

/// Working seconds between two instants, day by day (whole seconds, zero if not after).
fn durasi_acuan(kal: &Kalender, dari: DateTime<Utc>, sampai: DateTime<Utc>) -> i64 {
    if sampai <= dari {
        return 0;
    }
    let (d1, s1) = lokal(kal, dari);
    let (d2, s2) = lokal(kal, sampai);
    let mut total = 0;
    let mut d = d1;
    while d <= d2 {
        let lo = if d == d1 { s1 } else { 0 };
        let hi = if d == d2 { s2 } else { 86_400 };
        for (a, b) in rentang_acuan(kal, d) {
            total += (b.min(hi) - a.max(lo)).max(0);
        }
        d = d.succ_opt().unwrap();
    }
    total
}

fn menit_dur(m: u32) -> Duration {
    Duration::minutes(i64::from(m))
}

// --- properties ------------------------------------------------------------------------------

proptest! {
    #![proptest_config(konfig(400))]

    /// 1. The working time from a start to its due instant is exactly the duration.
    #[test]
    fn durasi_sampai_tempo_sama_dengan_menit(k in kasus(), p in pilihan_menit()) {
        let m = menit_untuk(&k.kal, k.mulai, p);
        let due = k.kal.tambah_menit_kerja(k.mulai, m);
        prop_assert!(due >= k.mulai);
        prop_assert_eq!(k.kal.durasi_kerja(k.mulai, due), menit_dur(m));
    }

    /// 2. The due instant is strictly increasing in the duration, for every pair d1 < d2,
    /// d1 = 0 included (due(0) is the next opening, due(1) one working minute after it), and
    /// the working time between the two due instants is exactly d2 − d1.
    #[test]
    fn tempo_naik_tegas_terhadap_menit(k in kasus(), m1 in menit(), m2 in menit()) {
        let (m1, m2) = (m1.min(m2), m1.max(m2));
        let t1 = k.kal.tambah_menit_kerja(k.mulai, m1);
        let t2 = k.kal.tambah_menit_kerja(k.mulai, m2);
        if m1 < m2 {
            prop_assert!(t1 < t2, "due({m1}) = {t1} !< due({m2}) = {t2}");
        } else {
            prop_assert_eq!(t1, t2);
        }
        prop_assert_eq!(k.kal.durasi_kerja(t1, t2), menit_dur(m2 - m1));
        // The next minute is always exactly one working minute later.
        let t1_1 = k.kal.tambah_menit_kerja(k.mulai, m1 + 1);
        prop_assert!(t1 < t1_1);
        prop_assert_eq!(k.kal.durasi_kerja(t1, t1_1), menit_dur(1));
    }

    /// 3. Where a due instant falls. For d > 0 it is a whole second whose local time lies in
    /// `(a, b]` of a working interval `[a, b)` of a working day: never on a holiday, a closed
    /// weekday, in a break, before the opening or after the closing; exactly at a closing or
    /// a break start is allowed (end of the last working second), exactly at an opening or a
    /// break end is not. For d = 0 it is `buka_berikut(start)`, in `[a, b)`: inside working
    /// time, the start itself when that is inside working time, with no working time between.
    #[test]
    fn tempo_tidak_jatuh_di_libur_akhir_pekan_atau_istirahat(k in kasus(), p in pilihan_menit()) {
        let kal = &k.kal;
        let m = menit_untuk(kal, k.mulai, p);
        let due = kal.tambah_menit_kerja(k.mulai, m);
        let (d, s) = lokal(kal, due);
        let rentang = rentang_acuan(kal, d);
        prop_assert!(!kal.libur.contains_key(&d), "due {due} on holiday {d}");
        prop_assert!(kal.hari_kerja(d), "due {due} on a non-working day {d}");
        prop_assert!(!rentang.is_empty());
        if m > 0 {
            prop_assert_eq!(due.nanosecond(), 0);
            prop_assert!(
                rentang.iter().any(|&(a, b)| a < s && s <= b),
                "due {} (local {} {}s) outside (a, b] of {:?}", due, d, s, rentang
            );
            prop_assert!(kal.jam_kerja(due - Duration::seconds(1)), "last second worked");
        } else {
            prop_assert_eq!(due, kal.buka_berikut(k.mulai));
            prop_assert!(
                rentang.iter().any(|&(a, b)| a <= s && s < b),
                "due {} (local {} {}s) outside [a, b) of {:?}", due, d, s, rentang
            );
            prop_assert!(kal.jam_kerja(due));
            if kal.jam_kerja(k.mulai) {
                prop_assert_eq!(due, k.mulai);
            }
            prop_assert_eq!(kal.durasi_kerja(k.mulai, due), Duration::zero());
        }
    }

    /// 4. Additivity: due(due(s, a), b) == due(s, a + b) for every b > 0; for b == 0 the left
    /// side is buka_berikut(due(s, a)): the same instant when due(s, a) is inside working
    /// time (always when a == 0), else (a due ending at a closing or a break start) the next
    /// opening, strictly later with no working time in between.
    #[test]
    fn tempo_aditif(
        k in kasus(),
        a in pilihan_menit(),
        b in prop_oneof![1 => Just(0u32), 2 => menit()],
    ) {
        let kal = &k.kal;
        let a = menit_untuk(kal, k.mulai, a);
        let ta = kal.tambah_menit_kerja(k.mulai, a);
        let kiri = kal.tambah_menit_kerja(ta, b);
        if b > 0 {
            prop_assert_eq!(kiri, kal.tambah_menit_kerja(k.mulai, a + b));
        } else if kal.jam_kerja(ta) {
            prop_assert_eq!(kiri, ta);
        } else {
            prop_assert!(a > 0, "due(s, 0) is always inside working time");
            prop_assert!(kiri > ta);
            prop_assert_eq!(kiri, kal.buka_berikut(ta));
            prop_assert_eq!(kal.durasi_kerja(ta, kiri), Duration::zero());
            let (d, s) = lokal(kal, ta);
            prop_assert!(
                rentang_acuan(kal, d).iter().any(|&(_, b)| b == s),
                "due {} not at a closing or break start", ta
            );
        }
    }

    /// 5. `durasi_kerja` equals a day-by-day sum over the calendar's public fields, for any
    /// two instants up to ~13 months apart, in either order.
    #[test]
    fn durasi_sama_dengan_hitungan_harian(
        (k, dasar) in kasus_dan_dasar(),
        hari in -3i64..400,
        pos in posisi(),
        nano in nanodetik(),
    ) {
        let sampai = instan(&k.kal, dasar + Duration::days(hari), pos, nano);
        let d = k.kal.durasi_kerja(k.mulai, sampai);
        prop_assert_eq!(d, Duration::seconds(durasi_acuan(&k.kal, k.mulai, sampai)));
        // Splitting at any instant in between adds up.
        if k.mulai < sampai {
            let tengah = k.mulai + (sampai - k.mulai) / 2;
            let tengah = tengah - Duration::nanoseconds(tengah.nanosecond().into());
            if tengah > k.mulai {
                prop_assert_eq!(
                    k.kal.durasi_kerja(k.mulai, tengah) + k.kal.durasi_kerja(tengah, sampai),
                    d
                );
            }
        }
    }
}

// --- robustness: calendars the app would refuse ----------------------------------------------

/// Any time of day at whole seconds, so hours may be reversed, breaks reversed or outside the
/// hours, and days shorter than a minute.
fn jam_bebas() -> BoxedStrategy<Option<JamHari>> {
    let t = || {
        (0u32..86_400).prop_map(|s| NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap())
    };
    prop_oneof![
        1 => Just(None),
        3 => (t(), t(), proptest::option::of((t(), t()))).prop_map(|(buka, tutup, istirahat)| {
            JamHari { buka, tutup, istirahat }
        }).prop_map(Some),
    ]
    .boxed()
}

fn kasus_bebas() -> impl Strategy<Value = Kasus> {
    (
        proptest::sample::select(Zona::ALL.to_vec()),
        proptest::array::uniform7(jam_bebas()),
        tanggal_dasar(),
        pilihan_libur(),
        0i64..14,
        posisi(),
        nanodetik(),
    )
        .prop_map(|(zona, jam, dasar, libur, hari, pos, nano)| {
            let mut kal = Kalender {
                jam,
                ..Kalender::standar(zona)
            };
            pasang_libur(&mut kal, dasar, &libur);
            let mulai = instan(&kal, dasar + Duration::days(hari), pos, nano);
            Kasus { kal, mulai }
        })
}

proptest! {
    #![proptest_config(konfig(300))]

    /// Any calendar, valid or not (also one with no working time at all, which the clock
    /// treats as open round the clock instead of looping): no panic, and properties 1 and 2
    /// still hold.
    #[test]
    fn kalender_tidak_valid_tetap_konsisten(k in kasus_bebas(), m1 in menit(), m2 in menit()) {
        let (m1, m2) = (m1.min(m2), m1.max(m2));
        let t1 = k.kal.tambah_menit_kerja(k.mulai, m1);
        let t2 = k.kal.tambah_menit_kerja(k.mulai, m2);
        prop_assert!(t1 >= k.mulai);
        prop_assert_eq!(k.kal.durasi_kerja(k.mulai, t1), menit_dur(m1));
        prop_assert_eq!(k.kal.durasi_kerja(k.mulai, t2), menit_dur(m2));
        if m1 < m2 {
            prop_assert!(t1 < t2);
        }
        prop_assert!(k.kal.jam_kerja(k.kal.buka_berikut(k.mulai)));
        if m2 > 0 {
            prop_assert!(k.kal.jam_kerja(t2 - Duration::seconds(1)));
        }
        // The largest count terminates quickly (it may saturate at chrono's last instant,
        // where property 1 no longer holds) and stays monotonic.
        prop_assert!(k.kal.tambah_menit_kerja(k.mulai, u32::MAX) > t2);
    }
}

// --- the generators themselves ---------------------------------------------------------------

/// The generators reach the cases the properties are about (a property that never meets a
/// holiday or a break edge proves little).
#[test]
fn generator_mencakup_kasus_tepi() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{RngSeed, TestRunner};

    let mut runner = TestRunner::new(ProptestConfig {
        rng_seed: RngSeed::Fixed(7),
        ..konfig(1)
    });
    let strategi = (kasus(), pilihan_menit());
    let mut zona = BTreeMap::new();
    let (mut di_libur, mut akhir_pekan, mut di_istirahat, mut di_tepi, mut di_tutup) =
        (0, 0, 0, 0, 0);
    let n = 1000;
    for _ in 0..n {
        let (k, p) = strategi.new_tree(&mut runner).unwrap().current();
        let m = menit_untuk(&k.kal, k.mulai, p);
        *zona.entry(k.kal.zona.kode()).or_insert(0) += 1;
        let (d, s) = lokal(&k.kal, k.mulai);
        let hari = &k.kal.jam[d.weekday().num_days_from_monday() as usize];
        if k.kal.libur.contains_key(&d) {
            di_libur += 1;
        }
        if hari.is_none() {
            akhir_pekan += 1;
        }
        if let Some(j) = hari {
            if j.istirahat
                .is_some_and(|(a, b)| detik(a) <= s && s < detik(b))
            {
                di_istirahat += 1;
            }
            if [j.buka, j.tutup].iter().any(|&t| detik(t) == s) {
                di_tepi += 1;
            }
        }
        let due = k.kal.tambah_menit_kerja(k.mulai, m);
        let (dd, ds) = lokal(&k.kal, due);
        if m > 0 && rentang_acuan(&k.kal, dd).iter().any(|&(_, b)| b == ds) {
            di_tutup += 1;
        }
    }
    assert_eq!(zona.len(), 3, "all zones: {zona:?}");
    // Shares seen with this seed: ~17%, ~26%, ~11%, ~10%, ~24%.
    for (apa, jumlah, persen_min) in [
        ("start on a holiday", di_libur, 5),
        ("start on a closed weekday", akhir_pekan, 5),
        ("start in a break", di_istirahat, 3),
        ("start exactly at an opening or closing", di_tepi, 3),
        ("due exactly at a closing or break start", di_tutup, 10),
    ] {
        assert!(
            jumlah * 100 >= persen_min * n,
            "{apa}: only {jumlah} of {n}"
        );
    }
}
