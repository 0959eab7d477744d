//! The demo office's plan: the Renstra and the Renja of the year.

use chrono::NaiveDate;

use super::org::Org;
use crate::model::id::{IndikatorId, RenjaItemId, SasaranId, UnitId};
use crate::model::plan::{NewIndikator, NewRenjaIndikator, NewRenjaItem, Target, Tingkat};
use crate::store::{Result, Store};

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
pub(super) type RenstraIds = (
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

pub(super) fn renstra(store: &mut Store, tahun: i32, org: &Org) -> Result<RenstraIds> {
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
                    kumulatif: false,
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
pub(super) type BudgetRow = (UnitId, Tingkat, String, String, i64, RenjaItemId);

pub(super) fn renja(
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
