//! `perkin demo`: a realistic (fictional) regency BKPSDM with its SOTK,
//! officials, Renstra, Renja, draft agreements, and one cycle on each
//! built-in SOP part-way through: some visits on time, some late, one Tolak.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

mod cycles;
mod org;
mod plan;
pub mod scale;

use crate::model::agreement::{Jenis, LineSource, NewAgreement, NewBudgetLine, NewLine};
use crate::model::id::{IndikatorId, SasaranId, UnitId, VersionId};
use crate::model::org::Office;
use crate::model::plan::Tingkat;
use crate::model::worktime::Zona;
use crate::store::{Result, Store, StoreError};
use cycles::{cycle_fanout, cycle_ntt};
use org::{Org, organisation};
use plan::{BudgetRow, renja, renstra};

/// The built-in templates the demo runs a cycle on.
pub const TEMPLATE_FANOUT: &str = "bkpsdm-90-2023";
pub const TEMPLATE_NTT: &str = "badan-ntt-pk";

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
