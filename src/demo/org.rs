//! The demo office's organisation: its units and officials.

use crate::model::id::{OfficialId, UnitId};
use crate::model::org::{JenisUnit, NewOfficial, NewUnit, StatusJabatan};
use crate::store::{Result, Store};

/// The demo office's units and the officials the plan and cycles name.
pub(super) struct Org {
    pub(super) badan: UnitId,
    pub(super) sekretariat: UnitId,
    pub(super) bidang: Vec<UnitId>,
    pub(super) subbag_pkp: UnitId,
    pub(super) kepala: OfficialId,
    pub(super) sekretaris: OfficialId,
    pub(super) kasubag_pkp: OfficialId,
    pub(super) staf: OfficialId,
}

pub(super) fn unit(
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
pub(super) fn official(
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

pub(super) fn organisation(store: &mut Store) -> Result<Org> {
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
