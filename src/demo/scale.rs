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
use crate::model::id::{
    AgreementId, CycleId, IndikatorId, OfficialId, RenjaItemId, SasaranId, UnitId, VersionId,
};
use crate::model::org::{JenisUnit, Office, OfficialRow, StatusJabatan};
use crate::model::plan::{NewIndikator, NewRenjaIndikator, NewRenjaItem, Target, Tingkat};
use crate::model::workflow::{Act, Action};
use crate::model::worktime::Kalender;
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
    let mut b = Builder {
        store,
        scale,
        rng: Rng(0x9E37_79B9_7F4A_7C15),
        built: Built::default(),
        units: Vec::new(),
    };
    let first_year = scale.last_year - scale.years + 1;
    b.store.save_office(&Office {
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
    b.units()?;
    let periods = b.renstra(first_year)?;
    let kal = b.store.calendar()?;
    for year in first_year..=scale.last_year {
        b.year(&kal, &periods, year, now)?;
    }
    b.store.set_clock(move || now);
    Ok(b.built)
}

/// A Renstra period's first year with its indicators.
type Period = (i32, Vec<PlanInd>);

/// What the steps of [`build`] share.
struct Builder<'a> {
    store: &'a mut Store,
    scale: &'a Scale,
    rng: Rng,
    built: Built,
    units: Vec<Unit>,
}

impl Builder<'_> {
    /// The units: one Badan, a Sekretariat and Bidang under it, and
    /// Subbagian / Subbidang under those; each with its head.
    fn units(&mut self) -> Result<()> {
        let n_eselon3 = (self.scale.units.saturating_sub(1) / 4).max(1);
        for i in 0..self.scale.units {
            let (jenis, parent, kode, nama) = unit_spec(i, n_eselon3, &mut self.rng);
            let id = super::org::unit(
                self.store,
                parent.map(|p: usize| self.units[p].id),
                &kode,
                &nama,
                jenis,
                i as i64,
            )?;
            let head = super::org::official(
                self.store,
                "",
                &format!("Pejabat {}", i + 1),
                "S.E., M.M.",
                &nip(i),
                "Pembina",
                &format!("Kepala {nama}"),
                id,
                StatusJabatan::Definitif,
            )?;
            self.units.push(Unit { id, head, parent });
        }
        self.built.units = self.units.len();
        Ok(())
    }

    /// Two five-year Renstra periods ending with the prepared year.
    fn renstra(&mut self, first_year: i32) -> Result<Vec<Period>> {
        let mut periods: Vec<Period> = Vec::new();
        let mut period_start = first_year;
        while period_start <= self.scale.last_year {
            let end = period_start + 4;
            let inds = self.period(period_start, end)?;
            self.built.indicators += inds.len();
            periods.push((period_start, inds));
            period_start = end + 1;
        }
        Ok(periods)
    }

    /// One period: four tujuan of six sasaran, its indicators spread over them.
    fn period(&mut self, period_start: i32, end: i32) -> Result<Vec<PlanInd>> {
        let period = self.store.add_renstra_period(
            period_start,
            end,
            &format!("Renstra BKPSDM {period_start}–{end}"),
        )?;
        let mut inds: Vec<PlanInd> = Vec::new();
        let tujuan_n = 4;
        let sasaran_n = 6;
        let per_sasaran = self
            .scale
            .indicators_per_period
            .div_ceil(tujuan_n * sasaran_n);
        'tujuan: for t in 0..tujuan_n {
            let tujuan = self.store.add_tujuan(
                period,
                &format!("T{}", t + 1),
                &format!("Meningkatkan {}", phrase(&mut self.rng, 4)),
            )?;
            for s in 0..sasaran_n {
                let uraian = format!("Meningkatnya {}", phrase(&mut self.rng, 5));
                let sasaran =
                    self.store
                        .add_sasaran(tujuan, &format!("T{}.S{}", t + 1, s + 1), &uraian)?;
                for k in 0..per_sasaran {
                    if inds.len() == self.scale.indicators_per_period {
                        break 'tujuan;
                    }
                    let unit = inds.len() % self.units.len();
                    let kode = format!("T{}.S{}.I{}", t + 1, s + 1, k + 1);
                    let (id, nama) = self.indikator(sasaran, period_start, kode, unit)?;
                    inds.push(PlanInd {
                        unit,
                        id,
                        sasaran: uraian.clone(),
                        nama,
                    });
                }
            }
        }
        Ok(inds)
    }

    /// An indicator of `unit` with a target for each year of the period.
    fn indikator(
        &mut self,
        sasaran: SasaranId,
        period_start: i32,
        kode: String,
        unit: usize,
    ) -> Result<(IndikatorId, String)> {
        let nama = format!("Persentase {}", phrase(&mut self.rng, 6));
        let base = 40 + self.rng.below(40) as i64;
        let targets = (0..5)
            .map(|y| {
                Target::parse(&(base + 3 * (y + 1)).to_string())
                    .map(|t| (period_start + y as i32, t))
            })
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let id = self.store.add_indikator(&NewIndikator {
            sasaran_id: sasaran,
            kode,
            nama: nama.clone(),
            satuan: "%".into(),
            baseline_tahun: Some(period_start - 1),
            baseline_nilai: base.to_string(),
            definisi: format!("{nama} pada akhir tahun berjalan."),
            formula: "(jumlah tercapai / jumlah seluruhnya) × 100%".into(),
            sumber_data: "Laporan kinerja".into(),
            naik_baik: true,
            kumulatif: false,
            unit_id: Some(self.units[unit].id),
            targets,
        })?;
        Ok((id, nama))
    }

    /// One year: its Renja, the agreements, the SOP cycles and, for a past
    /// year, the signed agreements in the archive.
    fn year(
        &mut self,
        kal: &Kalender,
        periods: &[Period],
        year: i32,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let prepared = year == self.scale.last_year;
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
        self.store.set_clock(move || at);
        let mut budget = self.renja(year)?;
        let indicators = &periods
            .iter()
            .rev()
            .find(|(s, _)| *s <= year)
            .expect("a period covers every year")
            .1;
        let versions = self.agreements(year, prepared, indicators, &mut budget)?;
        self.cycles(kal, year, prepared, start, &versions)?;
        if !prepared {
            self.archive(year, &versions)?;
        }
        Ok(())
    }

    /// Renja: a program per eselon III unit, a kegiatan and a sub kegiatan
    /// per unit. Returns each unit's budget lines.
    fn renja(&mut self, year: i32) -> Result<Vec<Vec<NewBudgetLine>>> {
        self.store.set_renja_year(
            year,
            &format!("DPA/BKPSDM/{year}"),
            NaiveDate::from_ymd_opt(year, 1, 6),
        )?;
        let mut budget: Vec<Vec<NewBudgetLine>> = vec![Vec::new(); self.units.len()];
        let programs: Vec<usize> = (0..self.units.len())
            .filter(|&p| self.units[p].parent == Some(0))
            .collect();
        for p in programs {
            self.program(year, p, &mut budget)?;
        }
        Ok(budget)
    }

    /// The program of eselon III unit `p`, with a kegiatan for it and for
    /// each unit under it.
    fn program(&mut self, year: i32, p: usize, budget: &mut [Vec<NewBudgetLine>]) -> Result<()> {
        let children: Vec<usize> = (0..self.units.len())
            .filter(|&c| c == p || self.units[c].parent == Some(p))
            .collect();
        let total: i64 = children.iter().map(|&c| pagu_sub(c)).sum();
        let prog = self.store.add_renja_item(&NewRenjaItem {
            tahun: year,
            parent_id: None,
            level: Tingkat::Program,
            kode: format!("5.03.{:02}", p + 1),
            nama: format!("Program {}", phrase(&mut self.rng, 3)),
            unit_id: Some(self.units[p].id),
            sasaran_id: None,
            pagu: total,
            pagu_dpa: Some(total),
        })?;
        for c in children {
            let line = self.kegiatan(year, prog, p, c)?;
            budget[c].push(line);
        }
        Ok(())
    }

    /// The kegiatan of unit `c` under program `prog`, its sub kegiatan with
    /// one indicator, and the budget line the unit's agreement takes.
    fn kegiatan(
        &mut self,
        year: i32,
        prog: RenjaItemId,
        p: usize,
        c: usize,
    ) -> Result<NewBudgetLine> {
        let pagu = pagu_sub(c);
        let unit_id = Some(self.units[c].id);
        let kode = format!("5.03.{:02}.2.{:02}", p + 1, c + 1);
        let kegiatan = self.store.add_renja_item(&NewRenjaItem {
            tahun: year,
            parent_id: Some(prog),
            level: Tingkat::Kegiatan,
            kode: kode.clone(),
            nama: format!("Kegiatan {}", phrase(&mut self.rng, 4)),
            unit_id,
            sasaran_id: None,
            pagu,
            pagu_dpa: Some(pagu),
        })?;
        let nama = format!("Sub Kegiatan {}", phrase(&mut self.rng, 5));
        let sub = self.store.add_renja_item(&NewRenjaItem {
            tahun: year,
            parent_id: Some(kegiatan),
            level: Tingkat::SubKegiatan,
            kode: format!("{kode}.0001"),
            nama: nama.clone(),
            unit_id,
            sasaran_id: None,
            pagu,
            pagu_dpa: Some(pagu),
        })?;
        self.store.add_renja_indikator(&NewRenjaIndikator {
            item_id: sub,
            nama: format!("Jumlah dokumen {}", phrase(&mut self.rng, 2)),
            satuan: "dokumen".into(),
            target: Target::parse(&(2 + c % 9).to_string())?,
            renstra_indikator_id: None,
        })?;
        Ok(NewBudgetLine {
            level: Tingkat::SubKegiatan,
            kode: format!("{kode}.0001"),
            uraian: nama,
            anggaran: pagu,
            renja_item_id: Some(sub),
        })
    }

    /// The agreements: every unit, 20–60 lines from its indicators.
    fn agreements(
        &mut self,
        year: i32,
        prepared: bool,
        indicators: &[PlanInd],
        budget: &mut [Vec<NewBudgetLine>],
    ) -> Result<Vec<(UnitId, VersionId)>> {
        let mut versions = Vec::new();
        for i in 0..self.units.len() {
            let n = self.scale.min_lines
                + self
                    .rng
                    .below(self.scale.max_lines - self.scale.min_lines + 1);
            let n = if prepared && i == 0 {
                self.scale.max_lines
            } else {
                n
            };
            let lines = self.lines(i, n, indicators);
            self.built.lines += lines.len();
            let budget = std::mem::take(&mut budget[i]);
            let (agreement, version) = self.agreement(year, i, lines, budget)?;
            if prepared && i == 0 {
                self.built.longest_draft = version;
                self.built.longest_agreement = agreement;
            }
            versions.push((self.units[i].id, version));
            self.built.agreements += 1;
        }
        Ok(versions)
    }

    /// `n` lines for unit `i`: its own indicators first, then others'.
    fn lines(&mut self, i: usize, n: usize, indicators: &[PlanInd]) -> Vec<NewLine> {
        indicators
            .iter()
            .filter(|x| x.unit == i)
            .chain(indicators.iter().filter(|x| x.unit != i))
            .take(n)
            .map(|x| NewLine {
                sasaran: x.sasaran.clone(),
                indikator: x.nama.clone(),
                satuan: "%".into(),
                target: (50 + self.rng.below(50)).to_string(),
                tw: Default::default(),
                sumber: Some(LineSource::Renstra(x.id)),
                kumulatif: false,
            })
            .collect()
    }

    /// The draft agreement of unit `i` with its superior (the Gubernur for
    /// the Badan).
    fn agreement(
        &mut self,
        year: i32,
        i: usize,
        lines: Vec<NewLine>,
        budget: Vec<NewBudgetLine>,
    ) -> Result<(AgreementId, VersionId)> {
        let u = &self.units[i];
        let (pihak_kedua, manual) = match u.parent {
            Some(p) => (Some(self.units[p].head), None),
            None => (
                None,
                Some((
                    "Gubernur Nusa Raya".to_string(),
                    "Ir. H. Rahmat Hidayat, M.T.".to_string(),
                )),
            ),
        };
        self.store.create_agreement(&NewAgreement {
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
            budget,
        })
    }

    /// The year's cycles on the fan-out SOP over every unit (the PK, then
    /// its Perubahan rounds) until this year's share of the visits is used:
    /// the past years' cycles are finished, the prepared year's last one
    /// stays open.
    fn cycles(
        &mut self,
        kal: &Kalender,
        year: i32,
        prepared: bool,
        start: DateTime<Utc>,
        versions: &[(UnitId, VersionId)],
    ) -> Result<()> {
        let share = self.scale.visits / self.scale.years as usize;
        let unit_refs: Vec<(UnitId, Option<VersionId>)> =
            versions.iter().map(|&(u, v)| (u, Some(v))).collect();
        let names = self.store.officials()?;
        let mut t = start;
        let mut made = 0;
        let mut round = 0;
        while made < share {
            let nama = match round {
                0 => format!("Penyusunan PK Tahun {year}"),
                r => format!("PK Perubahan Tahun {year} ({r})"),
            };
            round += 1;
            let cycle =
                self.store
                    .start_cycle(super::TEMPLATE_FANOUT, &nama, year, &unit_refs, t)?;
            made += 1;
            // A past year's cycle is walked to its end.
            while made < share || !prepared {
                let Some(n) = self.visit(kal, &names, cycle, &mut t, made < share)? else {
                    break;
                };
                made += n;
            }
        }
        self.built.visits += made;
        Ok(())
    }

    /// Closes the cycle's first open task some working minutes after `t`
    /// (moved on), now and then with a Tolak while `may_reject`. Returns
    /// the number of new visits; None when no task is open.
    fn visit(
        &mut self,
        kal: &Kalender,
        names: &[OfficialRow],
        cycle: CycleId,
        t: &mut DateTime<Utc>,
        may_reject: bool,
    ) -> Result<Option<usize>> {
        let c = self.store.load_cycle(cycle)?;
        let Some(v) = c.open_visits().next().cloned() else {
            return Ok(None);
        };
        *t = kal.tambah_menit_kerja(*t, 30 + self.rng.below(600) as u32);
        let now = *t;
        let who = self
            .units
            .iter()
            .find(|u| Some(u.id) == v.unit)
            .map_or(self.units[0].head, |u| u.head);
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
            now,
        };
        let first = if may_reject && self.rng.below(5) == 0 {
            Action::Tolak {
                reason: "Target belum sesuai dengan Renstra".into(),
            }
        } else {
            Action::Ya
        };
        let before = c.visits.len();
        let after = [first, Action::Ya, Action::Selesai]
            .into_iter()
            .find_map(|a| self.store.act(cycle, v.seq, &act(a)).ok())
            .ok_or_else(|| StoreError::Invalid(format!("Tugas {} tidak dapat diproses", v.seq)))?;
        Ok(Some(after.visits.len() - before))
    }

    /// Past years: signed, then registered in the archive.
    fn archive(&mut self, year: i32, versions: &[(UnitId, VersionId)]) -> Result<()> {
        for (k, &(_, v)) in versions.iter().enumerate() {
            self.store.set_status(v, Transition::Submit)?;
            self.store.set_status(v, Transition::Sign)?;
            self.store.register_archive(&NewArchive {
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
        Ok(())
    }
}

/// Kind, parent, kode and name of the i-th unit.
fn unit_spec(
    i: usize,
    n_eselon3: usize,
    rng: &mut Rng,
) -> (JenisUnit, Option<usize>, String, String) {
    match i {
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
            format!("Bidang {}", title(&phrase(rng, 2))),
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
                format!("{} {}", jenis.label(), title(&phrase(rng, 2))),
            )
        }
    }
}

/// The pagu of unit `c`'s sub kegiatan.
fn pagu_sub(c: usize) -> i64 {
    50_000_000 + (c as i64 * 7_919_000) % 400_000_000
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
