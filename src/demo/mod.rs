//! `perkin demo`: a realistic (fictional) regency BKPSDM with its SOTK,
//! officials, Renstra, Renja, draft agreements, and one cycle on each
//! built-in SOP part-way through: some visits on time, some late, one Tolak.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

pub mod scale;

use crate::model::agreement::{Jenis, LineSource, NewAgreement, NewBudgetLine, NewLine};
use crate::model::id::{
    CycleId, IndikatorId, OfficialId, RenjaItemId, SasaranId, UnitId, VersionId,
};
use crate::model::org::{JenisUnit, NewOfficial, NewUnit, Office, StatusJabatan};
use crate::model::plan::{NewIndikator, NewRenjaIndikator, NewRenjaItem, Target, Tingkat};
use crate::model::workflow::{Act, Action};
use crate::model::worktime::{Kalender, Zona};
use crate::store::{Result, Store, StoreError};

/// The built-in templates the demo runs a cycle on.
pub const TEMPLATE_FANOUT: &str = "bkpsdm-90-2023";
pub const TEMPLATE_NTT: &str = "badan-ntt-pk";

struct Org {
    badan: UnitId,
    sekretariat: UnitId,
    bidang: Vec<UnitId>,
    subbag_pkp: UnitId,
    kepala: OfficialId,
    sekretaris: OfficialId,
    kasubag_pkp: OfficialId,
    staf: OfficialId,
}

/// Builds the demo office into an empty database. Returns a short summary.
pub fn create(store: &mut Store, now: DateTime<Utc>) -> Result<String> {
    if !store.units()?.is_empty() {
        return Err(StoreError::Invalid(
            "Basis data ini sudah berisi data kantor; kantor contoh hanya dibuat pada basis data baru".into(),
        ));
    }
    let tahun = if now.month() >= 10 {
        now.year() + 1
    } else {
        now.year()
    };
    store.save_office(&Office {
        nama_instansi: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".into(),
        pemerintah: "Pemerintah Kabupaten Lembah Hijau".into(),
        alamat: "Jalan Jenderal Sudirman Nomor 12, Lembah Hijau 45111".into(),
        kota: "Lembah Hijau".into(),
        zona: Zona::Wib,
        telepon: "(0231) 555-0123".into(),
        email: "bkpsdm@lembahhijau.go.id".into(),
        laman: "bkpsdm.lembahhijau.go.id".into(),
        kepala_daerah_jabatan: "Bupati Lembah Hijau".into(),
        kepala_daerah_nama: "H. Ahmad Fauzi, S.H., M.M.".into(),
        rangkap_cetak: 3,
    })?;
    let org = organisation(store)?;
    let (sasaran, indikator) = renstra(store, tahun, &org)?;
    let budget = renja(store, tahun, &org, &sasaran)?;
    let versions = agreements(store, tahun, &org, &sasaran, &indikator, &budget)?;
    let kal = store.calendar()?;
    let c1 = cycle_fanout(store, &kal, tahun, &org, &versions, now)?;
    let c2 = cycle_ntt(store, &kal, tahun, &org, &versions, now)?;
    Ok(format!(
        "- 7 unit kerja, 9 pejabat\n- Renstra {}–{} dengan {} indikator\n- Renja {tahun} dengan {} sub kegiatan\n- {} draf Perjanjian Kinerja\n- siklus {c1} ({TEMPLATE_FANOUT}) dan siklus {c2} ({TEMPLATE_NTT}) sedang berjalan",
        tahun - 2,
        tahun + 2,
        indikator.len(),
        budget
            .iter()
            .filter(|b| b.1 == Tingkat::SubKegiatan)
            .count(),
        versions.len(),
    ))
}

fn unit(
    store: &mut Store,
    parent: Option<UnitId>,
    kode: &str,
    nama: &str,
    jenis: JenisUnit,
    urutan: i64,
) -> Result<UnitId> {
    store.add_unit(&NewUnit {
        parent_id: parent,
        kode: kode.into(),
        nama: nama.into(),
        jenis,
        eselon: jenis.eselon_lazim(),
        urutan,
    })
}

#[allow(clippy::too_many_arguments)]
fn official(
    store: &mut Store,
    depan: &str,
    nama: &str,
    belakang: &str,
    nip: &str,
    pangkat: &str,
    jabatan: &str,
    unit_id: UnitId,
    status: StatusJabatan,
) -> Result<OfficialId> {
    store.add_official(&NewOfficial {
        nama: nama.into(),
        gelar_depan: depan.into(),
        gelar_belakang: belakang.into(),
        nip: Some(nip.into()),
        pangkat: pangkat.into(),
        jabatan: jabatan.into(),
        unit_id: Some(unit_id),
        status,
        mulai: None,
        selesai: None,
    })
}

fn organisation(store: &mut Store) -> Result<Org> {
    let u = units(store)?;
    let (kepala, sekretaris, kasubag_pkp) = leaders(store, &u)?;
    other_heads(store, &u)?;
    let staf = staff(store, &u)?;
    Ok(Org {
        badan: u.badan,
        sekretariat: u.sekretariat,
        bidang: u.bidang.to_vec(),
        subbag_pkp: u.subbag_pkp,
        kepala,
        sekretaris,
        kasubag_pkp,
        staf,
    })
}

/// The demo's units.
struct Units {
    badan: UnitId,
    sekretariat: UnitId,
    umpeg: UnitId,
    subbag_pkp: UnitId,
    bidang: [UnitId; 3],
}

/// The Badan, its Sekretariat with two Subbagian, and three Bidang.
fn units(store: &mut Store) -> Result<Units> {
    use JenisUnit::*;
    let badan = unit(
        store,
        None,
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        Badan,
        0,
    )?;
    let sekretariat = unit(store, Some(badan), "SEK", "Sekretariat", Sekretariat, 1)?;
    let umpeg = unit(
        store,
        Some(sekretariat),
        "SEK.UK",
        "Subbagian Umum dan Kepegawaian",
        Subbagian,
        2,
    )?;
    let subbag_pkp = unit(
        store,
        Some(sekretariat),
        "SEK.PKP",
        "Subbagian Perencanaan, Keuangan dan Pelaporan",
        Subbagian,
        3,
    )?;
    let b1 = unit(
        store,
        Some(badan),
        "PPI",
        "Bidang Pengadaan, Pemberhentian dan Informasi",
        Bidang,
        4,
    )?;
    let b2 = unit(
        store,
        Some(badan),
        "MP",
        "Bidang Mutasi dan Promosi",
        Bidang,
        5,
    )?;
    let b3 = unit(
        store,
        Some(badan),
        "PKA",
        "Bidang Pengembangan Kompetensi Aparatur",
        Bidang,
        6,
    )?;
    Ok(Units {
        badan,
        sekretariat,
        umpeg,
        subbag_pkp,
        bidang: [b1, b2, b3],
    })
}

/// The Kepala, the Sekretaris and the Kasubag PKP.
fn leaders(store: &mut Store, u: &Units) -> Result<(OfficialId, OfficialId, OfficialId)> {
    let d = StatusJabatan::Definitif;
    let kepala = official(
        store,
        "Dr.",
        "Hendra Wijaya",
        "S.Sos., M.Si.",
        "197203151998031004",
        "Pembina Utama Muda",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        u.badan,
        d,
    )?;
    let sekretaris = official(
        store,
        "",
        "Sri Wahyuni",
        "S.E., M.M.",
        "197608222001122002",
        "Pembina Tingkat I",
        "Sekretaris",
        u.sekretariat,
        d,
    )?;
    let kasubag_pkp = official(
        store,
        "",
        "Rina Marlina",
        "S.E.",
        "198204102006042011",
        "Penata Tingkat I",
        "Kepala Subbagian Perencanaan, Keuangan dan Pelaporan",
        u.subbag_pkp,
        d,
    )?;
    Ok((kepala, sekretaris, kasubag_pkp))
}

/// The heads of the other Subbagian and of the Bidang (one of them Plt).
fn other_heads(store: &mut Store, u: &Units) -> Result<()> {
    let d = StatusJabatan::Definitif;
    official(
        store,
        "",
        "Agus Setiawan",
        "S.H.",
        "198011052005011003",
        "Penata Tingkat I",
        "Kepala Subbagian Umum dan Kepegawaian",
        u.umpeg,
        d,
    )?;
    official(
        store,
        "",
        "Bambang Sutrisno",
        "S.IP., M.Si.",
        "197505172000031005",
        "Pembina",
        "Kepala Bidang Pengadaan, Pemberhentian dan Informasi",
        u.bidang[0],
        d,
    )?;
    official(
        store,
        "",
        "Dewi Kartika",
        "S.Psi., M.M.",
        "197811302003122004",
        "Pembina",
        "Kepala Bidang Mutasi dan Promosi",
        u.bidang[1],
        d,
    )?;
    official(
        store,
        "Drs.",
        "Yusuf Hidayat",
        "M.Pd.",
        "197009091996031007",
        "Pembina Tingkat I",
        "Kepala Bidang Pengembangan Kompetensi Aparatur",
        u.bidang[2],
        StatusJabatan::Plt,
    )?;
    Ok(())
}

/// The planning staff of the Subbagian PKP; returns the analyst.
fn staff(store: &mut Store, u: &Units) -> Result<OfficialId> {
    let d = StatusJabatan::Definitif;
    let staf = official(
        store,
        "",
        "Fitri Handayani",
        "S.Kom.",
        "199203142019032015",
        "Penata Muda Tingkat I",
        "Analis Perencanaan",
        u.subbag_pkp,
        d,
    )?;
    official(
        store,
        "",
        "Rudi Hartono",
        "A.Md.",
        "199507212020121006",
        "Pengatur Tingkat I",
        "Pengelola Data Perencanaan",
        u.subbag_pkp,
        d,
    )?;
    Ok(staf)
}

/// One demo indicator: name, satuan, baseline, the five yearly targets, arah naik.
type Ind = (
    &'static str,
    &'static str,
    &'static str,
    [&'static str; 5],
    bool,
);
/// A tujuan with its sasaran, each with its indicators.
type TujuanPlan = (&'static str, &'static str, Vec<(&'static str, Vec<Ind>)>);
/// The sasaran (id, uraian) and indicators (sasaran id, id, nama, "target|satuan").
type RenstraIds = (
    Vec<(SasaranId, String)>,
    Vec<(SasaranId, IndikatorId, String, String)>,
);
/// A sub kegiatan: kode, nama, pagu, indicator, satuan, target.
type SubPlan = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    &'static str,
    &'static str,
);
/// A kegiatan: kode, nama, unit, sub kegiatan.
type KegiatanPlan = (&'static str, &'static str, UnitId, Vec<SubPlan>);
/// A program: kode, nama, unit, kegiatan.
type ProgramPlan = (&'static str, &'static str, UnitId, Vec<KegiatanPlan>);

fn renstra(store: &mut Store, tahun: i32, org: &Org) -> Result<RenstraIds> {
    let awal = tahun - 2;
    let period = store.add_renstra_period(
        awal,
        awal + 4,
        &format!("Renstra BKPSDM {}–{}", awal, awal + 4),
    )?;
    let plan: [TujuanPlan; 2] = [
        (
            "T1",
            "Meningkatkan profesionalisme dan akuntabilitas aparatur sipil negara",
            vec![
                (
                    "Meningkatnya penerapan sistem merit dalam manajemen ASN",
                    vec![
                        (
                            "Indeks Sistem Merit",
                            "indeks",
                            "0,62",
                            ["0,65", "0,70", "0,74", "0,77", "0,80"],
                            true,
                        ),
                        (
                            "Persentase ASN yang memenuhi standar kompetensi jabatan",
                            "%",
                            "45",
                            ["50", "55", "60", "65", "70"],
                            true,
                        ),
                    ],
                ),
                (
                    "Meningkatnya akuntabilitas kinerja dan keuangan Badan",
                    vec![
                        (
                            "Nilai SAKIP Perangkat Daerah",
                            "predikat",
                            "B",
                            ["B", "BB", "BB", "BB", "A"],
                            true,
                        ),
                        (
                            "Opini BPK atas Laporan Keuangan",
                            "opini",
                            "WTP",
                            ["WTP", "WTP", "WTP", "WTP", "WTP"],
                            true,
                        ),
                    ],
                ),
            ],
        ),
        (
            "T2",
            "Meningkatkan kualitas pelayanan administrasi kepegawaian",
            vec![(
                "Meningkatnya kepuasan ASN atas layanan kepegawaian",
                vec![
                    (
                        "Indeks Kepuasan Layanan Kepegawaian",
                        "indeks",
                        "80",
                        ["81", "83", "85", "86", "88"],
                        true,
                    ),
                    (
                        "Persentase usulan layanan kepegawaian yang diselesaikan tepat waktu",
                        "%",
                        "85",
                        ["88", "90", "93", "95", "98"],
                        true,
                    ),
                    (
                        "Rata-rata waktu penyelesaian layanan mutasi",
                        "hari",
                        "14",
                        ["12", "10", "9", "8", "7"],
                        false,
                    ),
                ],
            )],
        ),
    ];
    let mut sasaran_ids = Vec::new();
    let mut indikator_ids = Vec::new();
    for (ti, (kode_t, tujuan, sasaran)) in plan.iter().enumerate() {
        let t = store.add_tujuan(period, kode_t, tujuan)?;
        for (si, (uraian, inds)) in sasaran.iter().enumerate() {
            let s = store.add_sasaran(t, &format!("{kode_t}.S{}", si + 1), uraian)?;
            sasaran_ids.push((s, uraian.to_string()));
            for (ii, (nama, satuan, baseline, targets, naik)) in inds.iter().enumerate() {
                let unit = match (ti, si) {
                    (0, 0) => org.bidang[2],
                    (0, 1) => org.sekretariat,
                    _ => org.bidang[1],
                };
                let parsed = targets
                    .iter()
                    .enumerate()
                    .map(|(k, v)| Target::parse(v).map(|t| (awal + k as i32, t)))
                    .collect::<Result<Vec<_>, _>>()?;
                let target_tahun = parsed
                    .iter()
                    .find(|(y, _)| *y == tahun)
                    .map(|(_, t)| t.tampil())
                    .unwrap_or_default();
                let id = store.add_indikator(&NewIndikator {
                    sasaran_id: s,
                    kode: format!("{kode_t}.S{}.I{}", si + 1, ii + 1),
                    nama: nama.to_string(),
                    satuan: satuan.to_string(),
                    baseline_tahun: Some(awal - 1),
                    baseline_nilai: baseline.to_string(),
                    definisi: format!("{nama} pada akhir tahun berjalan."),
                    formula: String::new(),
                    sumber_data: "Laporan kinerja BKPSDM".into(),
                    naik_baik: *naik,
                    unit_id: Some(unit),
                    targets: parsed,
                })?;
                indikator_ids.push((s, id, nama.to_string(), format!("{target_tahun}|{satuan}")));
            }
        }
    }
    Ok((sasaran_ids, indikator_ids))
}

/// (unit, level, kode, uraian, pagu, renja item id) of the sub kegiatan and their parents.
type BudgetRow = (UnitId, Tingkat, String, String, i64, RenjaItemId);

fn renja(
    store: &mut Store,
    tahun: i32,
    org: &Org,
    sasaran: &[(SasaranId, String)],
) -> Result<Vec<BudgetRow>> {
    store.set_renja_year(
        tahun,
        &format!("DPA/BKPSDM/{tahun}"),
        NaiveDate::from_ymd_opt(tahun, 1, 6),
    )?;
    let mut rows = Vec::new();
    for (pi, program) in renja_plan(org).iter().enumerate() {
        let sasaran_id = sasaran.get(pi).map(|s| s.0);
        add_program(store, tahun, program, sasaran_id, &mut rows)?;
    }
    Ok(rows)
}

/// The demo Renja: two programs with their kegiatan and sub kegiatan.
fn renja_plan(org: &Org) -> [ProgramPlan; 2] {
    [
        (
            "5.03.01",
            "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            org.sekretariat,
            vec![(
                "5.03.01.2.01",
                "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                org.subbag_pkp,
                vec![
                    (
                        "5.03.01.2.01.0001",
                        "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                        45_000_000,
                        "Jumlah dokumen perencanaan perangkat daerah",
                        "dokumen",
                        "3",
                    ),
                    (
                        "5.03.01.2.01.0006",
                        "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
                        32_500_000,
                        "Jumlah laporan capaian kinerja",
                        "laporan",
                        "5",
                    ),
                ],
            )],
        ),
        (
            "5.03.02",
            "Program Kepegawaian Daerah",
            org.badan,
            vec![
                (
                    "5.03.02.2.02",
                    "Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN",
                    org.bidang[0],
                    vec![(
                        "5.03.02.2.02.0001",
                        "Pengelolaan Pengadaan Pegawai Aparatur Sipil Negara",
                        250_000_000,
                        "Jumlah dokumen pengadaan ASN",
                        "dokumen",
                        "2",
                    )],
                ),
                (
                    "5.03.02.2.03",
                    "Mutasi dan Pengembangan Karir",
                    org.bidang[1],
                    vec![(
                        "5.03.02.2.03.0001",
                        "Pengelolaan Mutasi ASN",
                        120_000_000,
                        "Jumlah ASN yang dilayani mutasi",
                        "orang",
                        "450",
                    )],
                ),
                (
                    "5.03.02.2.04",
                    "Pengembangan Kompetensi ASN",
                    org.bidang[2],
                    vec![(
                        "5.03.02.2.04.0001",
                        "Pengembangan Kompetensi Teknis",
                        382_750_000,
                        "Jumlah ASN yang mengikuti pengembangan kompetensi",
                        "orang",
                        "600",
                    )],
                ),
            ],
        ),
    ]
}

/// A program with its kegiatan; a budget row for each item.
fn add_program(
    store: &mut Store,
    tahun: i32,
    (pk, pn, pu, kegiatan): &ProgramPlan,
    sasaran_id: Option<SasaranId>,
    rows: &mut Vec<BudgetRow>,
) -> Result<()> {
    let total_p: i64 = kegiatan.iter().flat_map(|k| k.3.iter().map(|s| s.2)).sum();
    let p = store.add_renja_item(&NewRenjaItem {
        tahun,
        parent_id: None,
        level: Tingkat::Program,
        kode: pk.to_string(),
        nama: pn.to_string(),
        unit_id: Some(*pu),
        sasaran_id,
        pagu: total_p,
        pagu_dpa: Some(total_p),
    })?;
    rows.push((
        *pu,
        Tingkat::Program,
        pk.to_string(),
        pn.to_string(),
        total_p,
        p,
    ));
    for k in kegiatan {
        add_kegiatan(store, tahun, p, k, rows)?;
    }
    Ok(())
}

/// A kegiatan under program `p` with its sub kegiatan.
fn add_kegiatan(
    store: &mut Store,
    tahun: i32,
    p: RenjaItemId,
    (kk, kn, ku, subs): &KegiatanPlan,
    rows: &mut Vec<BudgetRow>,
) -> Result<()> {
    let total_k: i64 = subs.iter().map(|s| s.2).sum();
    let k = store.add_renja_item(&NewRenjaItem {
        tahun,
        parent_id: Some(p),
        level: Tingkat::Kegiatan,
        kode: kk.to_string(),
        nama: kn.to_string(),
        unit_id: Some(*ku),
        sasaran_id: None,
        pagu: total_k,
        pagu_dpa: Some(total_k),
    })?;
    rows.push((
        *ku,
        Tingkat::Kegiatan,
        kk.to_string(),
        kn.to_string(),
        total_k,
        k,
    ));
    for sub in subs {
        add_sub_kegiatan(store, tahun, k, *ku, sub, rows)?;
    }
    Ok(())
}

/// A sub kegiatan of unit `ku` under kegiatan `k`, with its indicator.
fn add_sub_kegiatan(
    store: &mut Store,
    tahun: i32,
    k: RenjaItemId,
    ku: UnitId,
    (sk, sn, pagu, ind, satuan, target): &SubPlan,
    rows: &mut Vec<BudgetRow>,
) -> Result<()> {
    let s = store.add_renja_item(&NewRenjaItem {
        tahun,
        parent_id: Some(k),
        level: Tingkat::SubKegiatan,
        kode: sk.to_string(),
        nama: sn.to_string(),
        unit_id: Some(ku),
        sasaran_id: None,
        pagu: *pagu,
        pagu_dpa: Some(*pagu),
    })?;
    store.add_renja_indikator(&NewRenjaIndikator {
        item_id: s,
        nama: ind.to_string(),
        satuan: satuan.to_string(),
        target: Target::parse(target)?,
        renstra_indikator_id: None,
    })?;
    rows.push((
        ku,
        Tingkat::SubKegiatan,
        sk.to_string(),
        sn.to_string(),
        *pagu,
        s,
    ));
    Ok(())
}

/// Draft agreements; returns (unit, version id).
fn agreements(
    store: &mut Store,
    tahun: i32,
    org: &Org,
    sasaran: &[(SasaranId, String)],
    indikator: &[(SasaranId, IndikatorId, String, String)],
    budget: &[BudgetRow],
) -> Result<Vec<(UnitId, VersionId)>> {
    let office = store.office()?;
    let officials = store.officials()?;
    let head_of = |unit: UnitId| {
        officials
            .iter()
            .find(|o| o.unit_id == Some(unit))
            .map(|o| o.id)
    };
    let lines_for = |filter: &dyn Fn(SasaranId) -> bool| -> Vec<NewLine> {
        indikator
            .iter()
            .filter(|(s, _, _, _)| filter(*s))
            .map(|(s, id, nama, ts)| {
                let (target, satuan) = ts.split_once('|').unwrap_or((ts.as_str(), ""));
                NewLine {
                    sasaran: sasaran
                        .iter()
                        .find(|x| x.0 == *s)
                        .map(|x| x.1.clone())
                        .unwrap_or_default(),
                    indikator: nama.clone(),
                    satuan: satuan.to_string(),
                    target: target.to_string(),
                    tw: Default::default(),
                    sumber: Some(LineSource::Renstra(*id)),
                    kumulatif: false,
                }
            })
            .collect()
    };
    let budget_for = |unit: Option<UnitId>, levels: &[Tingkat]| -> Vec<NewBudgetLine> {
        budget
            .iter()
            .filter(|b| unit.is_none_or(|u| b.0 == u) && levels.contains(&b.1))
            .map(|b| NewBudgetLine {
                level: b.1,
                kode: b.2.clone(),
                uraian: b.3.clone(),
                anggaran: b.4,
                renja_item_id: Some(b.5),
            })
            .collect()
    };
    let mut out = Vec::new();
    let base = |unit_id: UnitId, jenis: Jenis, nomor: &str| NewAgreement {
        tahun,
        unit_id,
        jenis,
        nomor: nomor.into(),
        tempat: office.kota.clone(),
        // The last working day of January (29 January 2027 is a Friday).
        tanggal: NaiveDate::from_ymd_opt(tahun, 1, 29),
        pihak_pertama: head_of(unit_id),
        pihak_kedua: None,
        pihak_kedua_manual: None,
        lines: Vec::new(),
        budget: Vec::new(),
    };
    // The head of the agency to the Bupati.
    let mut kepala = base(org.badan, Jenis::Kepala, &format!("800/001/BKPSDM/{tahun}"));
    kepala.pihak_pertama = Some(org.kepala);
    kepala.pihak_kedua_manual = Some((
        office.kepala_daerah_jabatan.clone(),
        office.kepala_daerah_nama.clone(),
    ));
    kepala.lines = lines_for(&|_| true);
    kepala.budget = budget_for(None, &[Tingkat::Program]);
    out.push((org.badan, store.create_agreement(&kepala)?.1));
    // Eselon III to the head of the agency.
    for (k, &u) in std::iter::once(&org.sekretariat)
        .chain(org.bidang.iter())
        .enumerate()
    {
        let mut a = base(
            u,
            Jenis::Eselon3,
            &format!("800/{:03}/BKPSDM/{tahun}", k + 2),
        );
        a.pihak_kedua = Some(org.kepala);
        let own: Vec<SasaranId> = indikator.iter().map(|i| i.0).collect();
        let pick = own.get(k % own.len().max(1)).copied();
        a.lines = lines_for(&|s| Some(s) == pick);
        a.budget = budget_for(Some(u), &[Tingkat::Kegiatan, Tingkat::SubKegiatan]);
        if a.budget.is_empty() {
            a.budget = budget_for(Some(u), &[Tingkat::Program]);
        }
        out.push((u, store.create_agreement(&a)?.1));
    }
    // Eselon IV: the Kasubag PKP to the Sekretaris.
    let mut a = base(
        org.subbag_pkp,
        Jenis::Eselon4,
        &format!("800/006/BKPSDM/{tahun}"),
    );
    a.pihak_pertama = Some(org.kasubag_pkp);
    a.pihak_kedua = Some(org.sekretaris);
    a.lines = vec![NewLine {
        sasaran: "Meningkatnya kualitas dokumen perencanaan dan pelaporan kinerja".into(),
        indikator: "Persentase dokumen perencanaan dan pelaporan yang disusun tepat waktu".into(),
        satuan: "%".into(),
        target: "100".into(),
        tw: ["25".into(), "50".into(), "75".into(), "100".into()],
        sumber: None,
        kumulatif: false,
    }];
    a.budget = budget_for(
        Some(org.subbag_pkp),
        &[Tingkat::Kegiatan, Tingkat::SubKegiatan],
    );
    out.push((org.subbag_pkp, store.create_agreement(&a)?.1));
    Ok(out)
}

/// One demo action: step no, unit (fan-out tasks), working minutes after the
/// previous action, the action, the official acting, a note.
struct Move {
    step: &'static str,
    unit: Option<UnitId>,
    minutes: u32,
    action: Action,
    who: OfficialId,
    note: &'static str,
}

fn mv(
    step: &'static str,
    unit: Option<UnitId>,
    minutes: u32,
    action: Action,
    who: OfficialId,
    note: &'static str,
) -> Move {
    Move {
        step,
        unit,
        minutes,
        action,
        who,
        note,
    }
}

fn tolak(reason: &str) -> Action {
    Action::Tolak {
        reason: reason.into(),
    }
}

/// The latest morning from which the moves end at least an hour before
/// `now`, so the open tasks of the demo are recent, not weeks overdue.
fn start_for(kal: &Kalender, now: DateTime<Utc>, moves: &[Move]) -> DateTime<Utc> {
    let morning = |days: i64| {
        let day = kal.ke_lokal(now - Duration::days(days)).date();
        kal.buka_berikut(kal.dari_lokal(day.and_hms_opt(0, 0, 0).unwrap_or_default()))
    };
    let end = |start| {
        moves
            .iter()
            .fold(start, |t, m| kal.tambah_menit_kerja(t, m.minutes))
    };
    (1..=90)
        .map(morning)
        .find(|&s| end(s) <= now - Duration::hours(1))
        .unwrap_or_else(|| morning(90))
}

/// Starts a cycle and walks it through `moves`, each act `minutes` working
/// minutes after the previous one.
fn run_cycle(
    store: &mut Store,
    kal: &Kalender,
    (template, nama, tahun): (&str, &str, i32),
    units: &[(UnitId, Option<VersionId>)],
    moves: &[Move],
    now: DateTime<Utc>,
) -> Result<CycleId> {
    let mut at = start_for(kal, now, moves);
    let id = store.start_cycle(template, nama, tahun, units, at)?;
    let names = store.officials()?;
    for m in moves {
        let cycle = store.load_cycle(id)?;
        let seq = cycle.find_task(m.step, m.unit)?.seq;
        at = kal.tambah_menit_kerja(at, m.minutes);
        store.act(
            id,
            seq,
            &Act {
                action: m.action.clone(),
                performer_id: Some(m.who),
                performer: names
                    .iter()
                    .find(|o| o.id == m.who)
                    .map(|o| o.nama_lengkap())
                    .unwrap_or_default(),
                note: m.note.to_string(),
                now: at,
            },
        )?;
    }
    Ok(id)
}

/// Seed 000 for the Sekretariat and the three Bidang: step 2 late, one unit's
/// form rejected at step 3 and redone; two units still to check at step 3.
fn cycle_fanout(
    store: &mut Store,
    kal: &Kalender,
    tahun: i32,
    org: &Org,
    versions: &[(UnitId, VersionId)],
    now: DateTime<Utc>,
) -> Result<CycleId> {
    let units: Vec<(UnitId, Option<VersionId>)> = std::iter::once(org.sekretariat)
        .chain(org.bidang.iter().copied())
        .map(|u| (u, versions.iter().find(|v| v.0 == u).map(|v| v.1)))
        .collect();
    let officials = store.officials()?;
    let head = |u: UnitId| {
        officials
            .iter()
            .find(|o| o.unit_id == Some(u))
            .map_or(OfficialId(0), |o| o.id)
    };
    let moves = [
        mv(
            "1",
            None,
            4,
            Action::Selesai,
            org.kasubag_pkp,
            "Penugasan lisan kepada staf perencanaan",
        ),
        // 1 hari standard; done after 1 hari 2 jam: late.
        mv(
            "2",
            None,
            570,
            Action::Selesai,
            org.staf,
            "Form dikirim ke setiap bidang dan sekretariat",
        ),
        mv("3", Some(units[0].0), 8, Action::Ya, head(units[0].0), ""),
        mv("3", Some(units[1].0), 9, Action::Ya, head(units[1].0), ""),
        mv(
            "3",
            Some(units[2].0),
            25,
            tolak("Target indikator belum sesuai dengan Renstra"),
            head(units[2].0),
            "",
        ),
        mv(
            "2",
            Some(units[2].0),
            200,
            Action::Selesai,
            org.staf,
            "Target disesuaikan",
        ),
    ];
    let nama = format!("Penyusunan PK Tahun {tahun}");
    run_cycle(
        store,
        kal,
        (TEMPLATE_FANOUT, &nama, tahun),
        &units,
        &moves,
        now,
    )
}

/// Seed 002 for the head of the agency: step 3 late, a Tolak at the
/// Sekretaris' check (step 6), the draft redone, step 6 open again.
fn cycle_ntt(
    store: &mut Store,
    kal: &Kalender,
    tahun: i32,
    org: &Org,
    versions: &[(UnitId, VersionId)],
    now: DateTime<Utc>,
) -> Result<CycleId> {
    let badan_version = versions.iter().find(|v| v.0 == org.badan).map(|v| v.1);
    let moves = [
        mv(
            "1",
            None,
            8,
            Action::Selesai,
            org.kepala,
            "Disposisi kepada Sekretaris",
        ),
        mv(
            "2",
            None,
            25,
            Action::Selesai,
            org.sekretaris,
            "ST Tim Kerja terbit",
        ),
        // 5 hari standard; done after 5 hari 3 jam: late.
        mv(
            "3",
            None,
            5 * 450 + 180,
            Action::Selesai,
            org.staf,
            "Konsep PK selesai",
        ),
        mv(
            "4",
            None,
            110,
            Action::Selesai,
            org.sekretaris,
            "Rapat pembahasan konsep",
        ),
        mv(
            "5",
            None,
            400,
            Action::Selesai,
            org.staf,
            "Draf disampaikan ke Sekretaris",
        ),
        mv(
            "6",
            None,
            45,
            tolak("Indikator sasaran 2 belum selaras dengan IKU"),
            org.sekretaris,
            "",
        ),
        mv("5", None, 300, Action::Selesai, org.staf, "Draf diperbaiki"),
    ];
    let nama = format!("Penyusunan PK Kepala Badan Tahun {tahun}");
    run_cycle(
        store,
        kal,
        (TEMPLATE_NTT, &nama, tahun),
        &[(org.badan, badan_version)],
        &moves,
        now,
    )
}
