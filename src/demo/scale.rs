//! An office-scale history for the benchmark and the scale tests: ten years
//! of a large agency — 40 units, two Renstra periods of about 1,200
//! indicators each with their yearly targets, a Renja for every year, an
//! agreement of 20–60 lines for every unit and year (signed and archived for
//! the past years, drafts for the year being prepared), and a yearly SOP
//! cycle walked through until the history holds about 5,000 task visits.
//!
//! Deterministic: the same [`Scale`] gives the same database.

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::agreement::{
    Jenis, LineSource, NewAgreement, NewBudgetLine, NewLine, Transition,
};
use crate::model::archive::NewArchive;
use crate::model::id::{AgreementId, IndikatorId, OfficialId, UnitId, VersionId};
use crate::model::org::{JenisUnit, Office, StatusJabatan};
use crate::model::plan::{NewIndikator, NewRenjaIndikator, NewRenjaItem, Target, Tingkat};
use crate::model::workflow::{Act, Action};
use crate::store::{Result, Store, StoreError};

/// How big the generated office is.
#[derive(Clone, Debug)]
pub struct Scale {
    /// The year being prepared; the history covers the `years` before it too.
    pub last_year: i32,
    pub years: i32,
    pub units: usize,
    /// Indicators of each five-year Renstra period.
    pub indicators_per_period: usize,
    pub min_lines: usize,
    pub max_lines: usize,
    /// Task visits over all the yearly cycles.
    pub visits: usize,
}

impl Scale {
    /// The size the `office_scale` benchmark asks for.
    pub fn office() -> Scale {
        Scale {
            last_year: 2027,
            years: 10,
            units: 40,
            indicators_per_period: 1_200,
            min_lines: 20,
            max_lines: 60,
            visits: 5_000,
        }
    }
}

/// What was built.
#[derive(Clone, Debug, Default)]
pub struct Built {
    pub units: usize,
    pub indicators: usize,
    pub agreements: usize,
    pub lines: usize,
    pub visits: usize,
    /// A draft of the year being prepared with `max_lines` lines: its
    /// version and its agreement.
    pub longest_draft: VersionId,
    pub longest_agreement: AgreementId,
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const WORDS: [&str; 16] = [
    "pelayanan",
    "kepegawaian",
    "kompetensi",
    "aparatur",
    "perencanaan",
    "pelaporan",
    "keuangan",
    "mutasi",
    "pengadaan",
    "informasi",
    "akuntabilitas",
    "kinerja",
    "digital",
    "arsip",
    "promosi",
    "evaluasi",
];

fn phrase(rng: &mut Rng, words: usize) -> String {
    (0..words)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

/// A Renstra indicator as the agreements take it.
struct PlanInd {
    /// Index into the units.
    unit: usize,
    id: IndikatorId,
    sasaran: String,
    nama: String,
}

struct Unit {
    id: UnitId,
    head: OfficialId,
    parent: Option<usize>,
}

/// Builds the office into an empty database; the store's clock is moved
/// along the years and left at `now`.
pub fn build(store: &mut Store, scale: &Scale, now: DateTime<Utc>) -> Result<Built> {
    if !store.units()?.is_empty() {
        return Err(StoreError::Invalid(
            "Kantor skala besar hanya dibuat pada basis data baru".into(),
        ));
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut built = Built::default();
    let first_year = scale.last_year - scale.years + 1;
    store.save_office(&Office {
        nama_instansi: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".into(),
        pemerintah: "Pemerintah Provinsi Nusa Raya".into(),
        alamat: "Jalan Diponegoro Nomor 1, Kota Raya 40115".into(),
        kota: "Kota Raya".into(),
        zona: crate::model::worktime::Zona::Wib,
        telepon: "(022) 555-0100".into(),
        email: "bkpsdm@nusaraya.go.id".into(),
        laman: "bkpsdm.nusaraya.go.id".into(),
        kepala_daerah_jabatan: "Gubernur Nusa Raya".into(),
        kepala_daerah_nama: "Ir. H. Rahmat Hidayat, M.T.".into(),
        rangkap_cetak: 3,
    })?;

    // The units: one Badan, a Sekretariat and Bidang under it, and
    // Subbagian / Subbidang under those.
    let mut units: Vec<Unit> = Vec::new();
    let n_eselon3 = (scale.units.saturating_sub(1) / 4).max(1);
    for i in 0..scale.units {
        let (jenis, parent, kode, nama) = match i {
            0 => (
                JenisUnit::Badan,
                None,
                "BKPSDM".to_string(),
                "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".to_string(),
            ),
            1 => (
                JenisUnit::Sekretariat,
                Some(0),
                "SEK".into(),
                "Sekretariat".into(),
            ),
            i if i <= n_eselon3 => (
                JenisUnit::Bidang,
                Some(0),
                format!("B{i:02}"),
                format!("Bidang {}", title(&phrase(&mut rng, 2))),
            ),
            i => {
                let parent = 1 + (i - n_eselon3 - 1) % n_eselon3;
                let jenis = if parent == 1 {
                    JenisUnit::Subbagian
                } else {
                    JenisUnit::Subbidang
                };
                (
                    jenis,
                    Some(parent),
                    format!("U{i:02}"),
                    format!("{} {}", jenis.label(), title(&phrase(&mut rng, 2))),
                )
            }
        };
        let id = super::unit(
            store,
            parent.map(|p: usize| units[p].id),
            &kode,
            &nama,
            jenis,
            i as i64,
        )?;
        let head = super::official(
            store,
            "",
            &format!("Pejabat {}", i + 1),
            "S.E., M.M.",
            &nip(i),
            "Pembina",
            &format!("Kepala {nama}"),
            id,
            StatusJabatan::Definitif,
        )?;
        units.push(Unit { id, head, parent });
    }
    built.units = units.len();

    // Two five-year Renstra periods ending with the prepared year.
    // Each period's first year with its indicators.
    let mut periods: Vec<(i32, Vec<PlanInd>)> = Vec::new();
    let mut period_start = first_year;
    while period_start <= scale.last_year {
        let end = period_start + 4;
        let period = store.add_renstra_period(
            period_start,
            end,
            &format!("Renstra BKPSDM {period_start}–{end}"),
        )?;
        let mut inds: Vec<PlanInd> = Vec::new();
        let tujuan_n = 4;
        let sasaran_n = 6;
        let per_sasaran = scale.indicators_per_period.div_ceil(tujuan_n * sasaran_n);
        let mut made = 0;
        let mut sasaran_names = Vec::new();
        'tujuan: for t in 0..tujuan_n {
            let tujuan = store.add_tujuan(
                period,
                &format!("T{}", t + 1),
                &format!("Meningkatkan {}", phrase(&mut rng, 4)),
            )?;
            for s in 0..sasaran_n {
                let uraian = format!("Meningkatnya {}", phrase(&mut rng, 5));
                let sasaran =
                    store.add_sasaran(tujuan, &format!("T{}.S{}", t + 1, s + 1), &uraian)?;
                sasaran_names.push(uraian.clone());
                for k in 0..per_sasaran {
                    if made == scale.indicators_per_period {
                        break 'tujuan;
                    }
                    let unit = made % units.len();
                    let nama = format!("Persentase {}", phrase(&mut rng, 6));
                    let base = 40 + rng.below(40) as i64;
                    let targets = (0..5)
                        .map(|y| {
                            Target::parse(&(base + 3 * (y + 1)).to_string())
                                .map(|t| (period_start + y as i32, t))
                        })
                        .collect::<std::result::Result<Vec<_>, _>>()?;
                    let id = store.add_indikator(&NewIndikator {
                        sasaran_id: sasaran,
                        kode: format!("T{}.S{}.I{}", t + 1, s + 1, k + 1),
                        nama: nama.clone(),
                        satuan: "%".into(),
                        baseline_tahun: Some(period_start - 1),
                        baseline_nilai: base.to_string(),
                        definisi: format!("{nama} pada akhir tahun berjalan."),
                        formula: "(jumlah tercapai / jumlah seluruhnya) × 100%".into(),
                        sumber_data: "Laporan kinerja".into(),
                        naik_baik: true,
                        unit_id: Some(units[unit].id),
                        targets,
                    })?;
                    inds.push(PlanInd {
                        unit,
                        id,
                        sasaran: uraian.clone(),
                        nama,
                    });
                    made += 1;
                }
            }
        }
        built.indicators += made;
        periods.push((period_start, inds));
        period_start = end + 1;
    }

    let kal = store.calendar()?;
    for year in first_year..=scale.last_year {
        let prepared = year == scale.last_year;
        // The year's work happens from the November before.
        let start = kal.buka_berikut(
            kal.dari_lokal(
                NaiveDate::from_ymd_opt(year - 1, 11, 2)
                    .unwrap_or_default()
                    .and_hms_opt(0, 0, 0)
                    .unwrap_or_default(),
            ),
        );
        let at = if prepared { now } else { start };
        store.set_clock(move || at);

        // Renja: a program per eselon III unit, a kegiatan and a sub
        // kegiatan per unit.
        store.set_renja_year(
            year,
            &format!("DPA/BKPSDM/{year}"),
            NaiveDate::from_ymd_opt(year, 1, 6),
        )?;
        let mut budget: Vec<Vec<NewBudgetLine>> = vec![Vec::new(); units.len()];
        for (p, u) in units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.parent == Some(0))
        {
            let children: Vec<usize> = (0..units.len())
                .filter(|&c| c == p || units[c].parent == Some(p))
                .collect();
            let pagu_sub = |c: usize| 50_000_000 + (c as i64 * 7_919_000) % 400_000_000;
            let total: i64 = children.iter().map(|&c| pagu_sub(c)).sum();
            let prog = store.add_renja_item(&NewRenjaItem {
                tahun: year,
                parent_id: None,
                level: Tingkat::Program,
                kode: format!("5.03.{:02}", p + 1),
                nama: format!("Program {}", phrase(&mut rng, 3)),
                unit_id: Some(u.id),
                sasaran_id: None,
                pagu: total,
                pagu_dpa: Some(total),
            })?;
            for c in children {
                let pagu = pagu_sub(c);
                let kode = format!("5.03.{:02}.2.{:02}", p + 1, c + 1);
                let kegiatan = store.add_renja_item(&NewRenjaItem {
                    tahun: year,
                    parent_id: Some(prog),
                    level: Tingkat::Kegiatan,
                    kode: kode.clone(),
                    nama: format!("Kegiatan {}", phrase(&mut rng, 4)),
                    unit_id: Some(units[c].id),
                    sasaran_id: None,
                    pagu,
                    pagu_dpa: Some(pagu),
                })?;
                let nama = format!("Sub Kegiatan {}", phrase(&mut rng, 5));
                let sub = store.add_renja_item(&NewRenjaItem {
                    tahun: year,
                    parent_id: Some(kegiatan),
                    level: Tingkat::SubKegiatan,
                    kode: format!("{kode}.0001"),
                    nama: nama.clone(),
                    unit_id: Some(units[c].id),
                    sasaran_id: None,
                    pagu,
                    pagu_dpa: Some(pagu),
                })?;
                store.add_renja_indikator(&NewRenjaIndikator {
                    item_id: sub,
                    nama: format!("Jumlah dokumen {}", phrase(&mut rng, 2)),
                    satuan: "dokumen".into(),
                    target: Target::parse(&(2 + c % 9).to_string())?,
                    renstra_indikator_id: None,
                })?;
                budget[c].push(NewBudgetLine {
                    level: Tingkat::SubKegiatan,
                    kode: format!("{kode}.0001"),
                    uraian: nama,
                    anggaran: pagu,
                    renja_item_id: Some(sub),
                });
            }
        }

        // The agreements: every unit, 20–60 lines from its indicators.
        let indicators = &periods
            .iter()
            .rev()
            .find(|(s, _)| *s <= year)
            .expect("a period covers every year")
            .1;
        let mut versions = Vec::new();
        for (i, u) in units.iter().enumerate() {
            let n = scale.min_lines + rng.below(scale.max_lines - scale.min_lines + 1);
            let n = if prepared && i == 0 {
                scale.max_lines
            } else {
                n
            };
            let lines: Vec<NewLine> = indicators
                .iter()
                .filter(|x| x.unit == i)
                .chain(indicators.iter().filter(|x| x.unit != i))
                .take(n)
                .map(|x| NewLine {
                    sasaran: x.sasaran.clone(),
                    indikator: x.nama.clone(),
                    satuan: "%".into(),
                    target: (50 + rng.below(50)).to_string(),
                    tw: Default::default(),
                    sumber: Some(LineSource::Renstra(x.id)),
                    kumulatif: false,
                })
                .collect();
            built.lines += lines.len();
            let (pihak_kedua, manual) = match u.parent {
                Some(p) => (Some(units[p].head), None),
                None => (
                    None,
                    Some((
                        "Gubernur Nusa Raya".to_string(),
                        "Ir. H. Rahmat Hidayat, M.T.".to_string(),
                    )),
                ),
            };
            let (agreement, version) = store.create_agreement(&NewAgreement {
                tahun: year,
                unit_id: u.id,
                jenis: match u.parent {
                    None => Jenis::Kepala,
                    Some(0) => Jenis::Eselon3,
                    Some(_) => Jenis::Eselon4,
                },
                nomor: format!("800/{:03}/BKPSDM/{year}", i + 1),
                tempat: "Kota Raya".into(),
                tanggal: NaiveDate::from_ymd_opt(year, 1, 29),
                pihak_pertama: Some(u.head),
                pihak_kedua,
                pihak_kedua_manual: manual,
                lines,
                budget: std::mem::take(&mut budget[i]),
            })?;
            if prepared && i == 0 {
                built.longest_draft = version;
                built.longest_agreement = agreement;
            }
            versions.push((u.id, version));
            built.agreements += 1;
        }

        // The year's cycles on the fan-out SOP over every unit (the PK,
        // then its Perubahan rounds) until this year's share of the visits
        // is used: the past years' cycles are finished, the prepared year's
        // last one stays open.
        let share = scale.visits / scale.years as usize;
        let unit_refs: Vec<(UnitId, Option<VersionId>)> =
            versions.iter().map(|&(u, v)| (u, Some(v))).collect();
        let names = store.officials()?;
        let mut t = start;
        let mut made = 0;
        let mut round = 0;
        while made < share {
            let nama = match round {
                0 => format!("Penyusunan PK Tahun {year}"),
                r => format!("PK Perubahan Tahun {year} ({r})"),
            };
            round += 1;
            let cycle = store.start_cycle(super::TEMPLATE_FANOUT, &nama, year, &unit_refs, t)?;
            made += 1;
            // A past year's cycle is walked to its end.
            while made < share || !prepared {
                let c = store.load_cycle(cycle)?;
                let Some(v) = c.open_visits().next().cloned() else {
                    break;
                };
                t = kal.tambah_menit_kerja(t, 30 + rng.below(600) as u32);
                let who = units
                    .iter()
                    .find(|u| Some(u.id) == v.unit)
                    .map_or(units[0].head, |u| u.head);
                let performer = names
                    .iter()
                    .find(|o| o.id == who)
                    .map(|o| o.nama_lengkap())
                    .unwrap_or_default();
                let act = |action| Act {
                    action,
                    performer_id: Some(who),
                    performer: performer.clone(),
                    note: String::new(),
                    now: t,
                };
                let first = if made < share && rng.below(5) == 0 {
                    Action::Tolak {
                        reason: "Target belum sesuai dengan Renstra".into(),
                    }
                } else {
                    Action::Ya
                };
                let before = c.visits.len();
                let after = [first, Action::Ya, Action::Selesai]
                    .into_iter()
                    .find_map(|a| store.act(cycle, v.seq, &act(a)).ok())
                    .ok_or_else(|| {
                        StoreError::Invalid(format!("Tugas {} tidak dapat diproses", v.seq))
                    })?;
                made += after.visits.len() - before;
            }
        }
        built.visits += made;

        // Past years: signed, then registered in the archive.
        if !prepared {
            for (k, &(_, v)) in versions.iter().enumerate() {
                store.set_status(v, Transition::Submit)?;
                store.set_status(v, Transition::Sign)?;
                store.register_archive(&NewArchive {
                    version_id: v,
                    nomor_agenda: format!("{:03}", k + 1),
                    tanggal: NaiveDate::from_ymd_opt(year, 2, 3).unwrap_or_default(),
                    rangkap: 3,
                    lemari: ((year % 4) + 1).to_string(),
                    rak: "B".into(),
                    boks: (k / 10 + 1).to_string(),
                    map: format!("PK {year}"),
                    diserahkan_kepada: "Biro Organisasi Setda".into(),
                    tanggal_serah: NaiveDate::from_ymd_opt(year, 2, 5),
                    keterangan: String::new(),
                })?;
            }
        }
    }
    store.set_clock(move || now);
    Ok(built)
}

fn title(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A valid 18-digit NIP for the i-th official: born 1970–1989, appointed
/// 1995–2014, a sex digit and a serial.
fn nip(i: usize) -> String {
    format!(
        "{:04}{:02}{:02}{:04}{:02}{}{:03}",
        1970 + i % 20,
        1 + i % 12,
        1 + i % 28,
        1995 + i % 20,
        1 + (i + 3) % 12,
        1 + i % 2,
        1 + i
    )
}
