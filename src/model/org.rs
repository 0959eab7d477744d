//! The organisation (SOTK): units and officials (pejabat), with the NIP check
//! and the official list of pangkat/golongan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::id::{OfficialId, UnitId};
use super::worktime::Zona;
use super::{Invalid, check_len};

/// Kind of unit in the SOTK tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisUnit {
    Badan,
    Sekretariat,
    Bidang,
    Subbagian,
    Subbidang,
    Uptd,
}

impl JenisUnit {
    pub const ALL: [JenisUnit; 6] = [
        JenisUnit::Badan,
        JenisUnit::Sekretariat,
        JenisUnit::Bidang,
        JenisUnit::Subbagian,
        JenisUnit::Subbidang,
        JenisUnit::Uptd,
    ];

    pub fn kode(self) -> &'static str {
        match self {
            JenisUnit::Badan => "badan",
            JenisUnit::Sekretariat => "sekretariat",
            JenisUnit::Bidang => "bidang",
            JenisUnit::Subbagian => "subbagian",
            JenisUnit::Subbidang => "subbidang",
            JenisUnit::Uptd => "uptd",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            JenisUnit::Badan => "Badan",
            JenisUnit::Sekretariat => "Sekretariat",
            JenisUnit::Bidang => "Bidang",
            JenisUnit::Subbagian => "Subbagian",
            JenisUnit::Subbidang => "Subbidang",
            JenisUnit::Uptd => "UPTD",
        }
    }

    pub fn parse(s: &str) -> Option<JenisUnit> {
        JenisUnit::ALL.into_iter().find(|j| j.kode() == s)
    }

    /// The eselon a head of such a unit usually holds.
    pub fn eselon_lazim(self) -> Eselon {
        match self {
            JenisUnit::Badan => Eselon::II,
            JenisUnit::Sekretariat | JenisUnit::Bidang => Eselon::III,
            JenisUnit::Subbagian | JenisUnit::Subbidang | JenisUnit::Uptd => Eselon::IV,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Eselon {
    II,
    III,
    IV,
}

impl Eselon {
    pub fn kode(self) -> &'static str {
        match self {
            Eselon::II => "II",
            Eselon::III => "III",
            Eselon::IV => "IV",
        }
    }
    pub fn parse(s: &str) -> Option<Eselon> {
        match s.trim() {
            "II" => Some(Eselon::II),
            "III" => Some(Eselon::III),
            "IV" => Some(Eselon::IV),
            _ => None,
        }
    }
}

/// How an official holds the position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusJabatan {
    Definitif,
    /// Pelaksana Tugas.
    Plt,
    /// Pelaksana Harian.
    Plh,
}

impl StatusJabatan {
    pub fn kode(self) -> &'static str {
        match self {
            StatusJabatan::Definitif => "definitif",
            StatusJabatan::Plt => "plt",
            StatusJabatan::Plh => "plh",
        }
    }
    pub fn parse(s: &str) -> Option<StatusJabatan> {
        match s {
            "definitif" => Some(StatusJabatan::Definitif),
            "plt" => Some(StatusJabatan::Plt),
            "plh" => Some(StatusJabatan::Plh),
            _ => None,
        }
    }
    /// The prefix printed before the jabatan ("Plt. Kepala Badan").
    pub fn awalan(self) -> &'static str {
        match self {
            StatusJabatan::Definitif => "",
            StatusJabatan::Plt => "Plt. ",
            StatusJabatan::Plh => "Plh. ",
        }
    }
}

/// The civil-service ranks (PP 99/2000 as amended): pangkat with its golongan/ruang.
pub const PANGKAT_GOLONGAN: [(&str, &str); 17] = [
    ("Juru Muda", "I/a"),
    ("Juru Muda Tingkat I", "I/b"),
    ("Juru", "I/c"),
    ("Juru Tingkat I", "I/d"),
    ("Pengatur Muda", "II/a"),
    ("Pengatur Muda Tingkat I", "II/b"),
    ("Pengatur", "II/c"),
    ("Pengatur Tingkat I", "II/d"),
    ("Penata Muda", "III/a"),
    ("Penata Muda Tingkat I", "III/b"),
    ("Penata", "III/c"),
    ("Penata Tingkat I", "III/d"),
    ("Pembina", "IV/a"),
    ("Pembina Tingkat I", "IV/b"),
    ("Pembina Utama Muda", "IV/c"),
    ("Pembina Utama Madya", "IV/d"),
    ("Pembina Utama", "IV/e"),
];

/// The golongan of a pangkat, if the pangkat is on the official list.
pub fn golongan_dari_pangkat(pangkat: &str) -> Option<&'static str> {
    PANGKAT_GOLONGAN
        .iter()
        .find(|(p, _)| p.eq_ignore_ascii_case(pangkat.trim()))
        .map(|(_, g)| *g)
}

/// What an 18-digit NIP encodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NipInfo {
    pub tanggal_lahir: NaiveDate,
    /// Year and month of appointment (TMT CPNS).
    pub tahun_angkat: i32,
    pub bulan_angkat: u32,
    /// 1 = laki-laki, 2 = perempuan.
    pub jenis_kelamin: u8,
    pub urut: u16,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NipError {
    #[error("NIP harus 18 angka tanpa spasi atau tanda baca (terisi {0} karakter)")]
    Panjang(usize),
    #[error("NIP hanya boleh berisi angka; ditemukan '{0}'")]
    BukanAngka(char),
    #[error("NIP: tanggal lahir (angka ke-1 s.d. 8, '{0}') bukan tanggal yang sah")]
    TanggalLahir(String),
    #[error("NIP: bulan pengangkatan (angka ke-9 s.d. 14, '{0}') tidak sah")]
    Pengangkatan(String),
    #[error("NIP: pengangkatan ({angkat}) tidak mungkin sebelum usia 18 tahun (lahir {lahir})")]
    UsiaAngkat { angkat: String, lahir: String },
    #[error("NIP: kode jenis kelamin (angka ke-15) harus 1 atau 2, bukan '{0}'")]
    JenisKelamin(char),
    #[error("NIP: nomor urut (angka ke-16 s.d. 18) tidak boleh 000")]
    Urut,
}

/// Checks an 18-digit NIP: birth date yyyymmdd, appointment yyyymm, sex 1/2,
/// sequence 3. Spaces are tolerated (NIPs are often written in groups).
pub fn cek_nip(nip: &str) -> Result<NipInfo, NipError> {
    let digits: String = nip.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(c) = digits.chars().find(|c| !c.is_ascii_digit()) {
        return Err(NipError::BukanAngka(c));
    }
    if digits.len() != 18 {
        return Err(NipError::Panjang(digits.chars().count()));
    }
    let num = |r: std::ops::Range<usize>| -> u32 { digits[r].parse().unwrap_or(0) };
    let lahir = &digits[0..8];
    let tanggal_lahir = NaiveDate::from_ymd_opt(num(0..4) as i32, num(4..6), num(6..8))
        .filter(|d| (1900..=2100).contains(&chrono::Datelike::year(d)))
        .ok_or_else(|| NipError::TanggalLahir(lahir.to_string()))?;
    let tahun_angkat = num(8..12) as i32;
    let bulan_angkat = num(12..14);
    if !(1900..=2100).contains(&tahun_angkat) || !(1..=12).contains(&bulan_angkat) {
        return Err(NipError::Pengangkatan(digits[8..14].to_string()));
    }
    let umur_saat_angkat = tahun_angkat - chrono::Datelike::year(&tanggal_lahir);
    if umur_saat_angkat < 18 {
        return Err(NipError::UsiaAngkat {
            angkat: format!("{:02}/{}", bulan_angkat, tahun_angkat),
            lahir: tanggal_lahir.format("%d-%m-%Y").to_string(),
        });
    }
    let jk = digits.as_bytes()[14];
    if jk != b'1' && jk != b'2' {
        return Err(NipError::JenisKelamin(jk as char));
    }
    let urut = num(15..18) as u16;
    if urut == 0 {
        return Err(NipError::Urut);
    }
    Ok(NipInfo {
        tanggal_lahir,
        tahun_angkat,
        bulan_angkat,
        jenis_kelamin: jk - b'0',
        urut,
    })
}

/// Normalises a NIP to its 18 digits (spaces removed).
pub fn nip_bersih(nip: &str) -> String {
    nip.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A NIP in its usual printed grouping: "19700101 199503 1 001".
pub fn nip_cetak(nip: &str) -> String {
    let d = nip_bersih(nip);
    if d.len() == 18 && d.is_ascii() {
        format!("{} {} {} {}", &d[0..8], &d[8..14], &d[14..15], &d[15..18])
    } else {
        d
    }
}

/// The full printed name with academic titles: "Dr. Ir. Budi Santoso, M.Si.".
pub fn nama_lengkap(gelar_depan: &str, nama: &str, gelar_belakang: &str) -> String {
    let mut s = String::new();
    if !gelar_depan.trim().is_empty() {
        s.push_str(gelar_depan.trim());
        s.push(' ');
    }
    s.push_str(nama.trim());
    if !gelar_belakang.trim().is_empty() {
        s.push_str(", ");
        s.push_str(gelar_belakang.trim());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nip_valid_and_each_part_named() {
        let ok = cek_nip("19700101 199503 1 001").unwrap();
        assert_eq!(ok.jenis_kelamin, 1);
        assert_eq!(ok.tahun_angkat, 1995);
        assert!(matches!(
            cek_nip("1970010119950310"),
            Err(NipError::Panjang(16))
        ));
        assert!(matches!(
            cek_nip("19700231199503 1 001"),
            Err(NipError::TanggalLahir(_))
        ));
        assert!(matches!(
            cek_nip("197001011995131001"),
            Err(NipError::Pengangkatan(_))
        ));
        assert!(matches!(
            cek_nip("197001011995033001"),
            Err(NipError::JenisKelamin('3'))
        ));
        assert!(matches!(cek_nip("197001011995031000"), Err(NipError::Urut)));
        assert!(matches!(
            cek_nip("19700101199503100a"),
            Err(NipError::BukanAngka('a'))
        ));
        assert!(matches!(
            cek_nip("200001011995031001"),
            Err(NipError::UsiaAngkat { .. })
        ));
        assert_eq!(nip_cetak("197001011995031001"), "19700101 199503 1 001");
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUnit {
    pub parent_id: Option<UnitId>,
    pub kode: String,
    pub nama: String,
    pub jenis: JenisUnit,
    pub eselon: Eselon,
    pub urutan: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRow {
    pub id: UnitId,
    pub parent_id: Option<UnitId>,
    pub kode: String,
    pub nama: String,
    pub jenis: JenisUnit,
    pub eselon: Eselon,
    pub retired: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOfficial {
    pub nama: String,
    pub gelar_depan: String,
    pub gelar_belakang: String,
    /// 18 digits; None for officials without one (a Bupati/Gubernur).
    pub nip: Option<String>,
    pub pangkat: String,
    pub jabatan: String,
    pub unit_id: Option<UnitId>,
    pub status: StatusJabatan,
    pub mulai: Option<NaiveDate>,
    pub selesai: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialRow {
    pub id: OfficialId,
    pub nama: String,
    pub gelar_depan: String,
    pub gelar_belakang: String,
    pub nip: Option<String>,
    pub pangkat: String,
    pub golongan: String,
    pub jabatan: String,
    pub unit_id: Option<UnitId>,
    pub status: StatusJabatan,
    pub mulai: Option<NaiveDate>,
    pub selesai: Option<NaiveDate>,
}

impl OfficialRow {
    /// The row as input for the store's `update_official`.
    pub fn to_new(&self) -> NewOfficial {
        NewOfficial {
            nama: self.nama.clone(),
            gelar_depan: self.gelar_depan.clone(),
            gelar_belakang: self.gelar_belakang.clone(),
            nip: self.nip.clone(),
            pangkat: self.pangkat.clone(),
            jabatan: self.jabatan.clone(),
            unit_id: self.unit_id,
            status: self.status,
            mulai: self.mulai,
            selesai: self.selesai,
        }
    }

    /// Name with titles, as printed.
    pub fn nama_lengkap(&self) -> String {
        nama_lengkap(&self.gelar_depan, &self.nama, &self.gelar_belakang)
    }
}

fn bad(msg: impl Into<String>) -> Invalid {
    Invalid(msg.into())
}

impl NewUnit {
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.nama.trim().is_empty() {
            return Err(bad("Nama unit wajib diisi"));
        }
        check_len("Nama unit", &self.nama, 200)?;
        check_len("Kode unit", &self.kode, 50)
    }
}

impl NewOfficial {
    /// Checks every field; the NIP message says which part is wrong.
    pub fn validate(&self) -> Result<String, Invalid> {
        if self.nama.trim().is_empty() {
            return Err(bad("Nama pejabat wajib diisi"));
        }
        check_len("Nama", &self.nama, 150)?;
        check_len("Gelar depan", &self.gelar_depan, 50)?;
        check_len("Gelar belakang", &self.gelar_belakang, 80)?;
        check_len("Jabatan", &self.jabatan, 200)?;
        if let Some(nip) = &self.nip {
            cek_nip(nip).map_err(|e| bad(e.to_string()))?;
        }
        let golongan = if self.pangkat.trim().is_empty() {
            String::new()
        } else {
            golongan_dari_pangkat(&self.pangkat)
                .ok_or_else(|| {
                    bad(format!(
                        "Pangkat '{}' tidak ada dalam daftar pangkat PNS",
                        self.pangkat.trim()
                    ))
                })?
                .to_string()
        };
        if let (Some(a), Some(b)) = (self.mulai, self.selesai)
            && b < a
        {
            return Err(bad(
                "Tanggal selesai menjabat tidak boleh sebelum tanggal mulai",
            ));
        }
        Ok(golongan)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Office {
    pub nama_instansi: String,
    /// "Pemerintah Kabupaten …", "Pemerintah Provinsi …".
    pub pemerintah: String,
    pub alamat: String,
    /// The place of signing.
    pub kota: String,
    pub zona: Zona,
    pub telepon: String,
    pub email: String,
    pub laman: String,
    /// The head of the region (Pihak Kedua of the head of the agency), e.g. "Bupati Sukamaju".
    pub kepala_daerah_jabatan: String,
    pub kepala_daerah_nama: String,
    pub rangkap_cetak: u32,
}

impl Default for Office {
    fn default() -> Self {
        Office {
            nama_instansi: String::new(),
            pemerintah: String::new(),
            alamat: String::new(),
            kota: String::new(),
            zona: Zona::Wib,
            telepon: String::new(),
            email: String::new(),
            laman: String::new(),
            kepala_daerah_jabatan: String::new(),
            kepala_daerah_nama: String::new(),
            rangkap_cetak: 3,
        }
    }
}

impl Office {
    /// Checks the fields; the message names the field.
    pub fn validate(&self) -> Result<(), Invalid> {
        let fields = [
            ("Nama instansi", &self.nama_instansi),
            ("Pemerintah", &self.pemerintah),
            ("Alamat", &self.alamat),
            ("Kota", &self.kota),
            ("Telepon", &self.telepon),
            ("Email", &self.email),
            ("Laman", &self.laman),
            ("Jabatan kepala daerah", &self.kepala_daerah_jabatan),
            ("Nama kepala daerah", &self.kepala_daerah_nama),
        ];
        for (label, v) in fields {
            if v.chars().count() > 300 {
                return Err(Invalid(format!(
                    "{label} terlalu panjang (maksimal 300 karakter)"
                )));
            }
        }
        if self.nama_instansi.trim().is_empty() {
            return Err(Invalid("Nama instansi wajib diisi".into()));
        }
        if !(1..=99).contains(&self.rangkap_cetak) {
            return Err(Invalid("Jumlah rangkap cetak harus 1 sampai 99".into()));
        }
        Ok(())
    }
}

/// The official whose jabatan names the lane: "Sekretaris Badan" →
/// "Sekretaris …", "Kasubag PKP" → "Kepala Subbagian Perencanaan, Keuangan
/// dan Pelaporan" (the usual abbreviations expanded, an acronym matched
/// against the initials). None when no single official fits.
pub fn lane_holder(lane: &str, officials: &[(OfficialId, &str)]) -> Option<OfficialId> {
    const SINGKATAN: [(&str, &str); 6] = [
        ("kasubag", "kepala subbagian"),
        ("kasubbag", "kepala subbagian"),
        ("kabid", "kepala bidang"),
        ("kasubbid", "kepala subbidang"),
        ("kaban", "kepala badan"),
        ("sekban", "sekretaris badan"),
    ];
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    };
    let mut lane_words = Vec::new();
    for w in words(lane) {
        match SINGKATAN.iter().find(|(k, _)| *k == w) {
            Some((_, full)) => lane_words.extend(full.split(' ').map(String::from)),
            None => lane_words.push(w),
        }
    }
    if lane_words.is_empty() {
        return None;
    }
    // Does the jabatan start with the lane's first `n` words, and do the
    // lane's other words appear in the rest of it (as words or initials)?
    let fits = |jabatan: &str, n: usize| {
        let jw = words(jabatan);
        if jw.len() < n || jw[..n] != lane_words[..n] {
            return false;
        }
        let rest = &jw[n..];
        let initials: String = rest
            .iter()
            .filter(|w| *w != "dan")
            .filter_map(|w| w.chars().next())
            .collect();
        // A jabatan that is all used up ("Sekretaris") is the short form.
        rest.is_empty()
            || lane_words[n..]
                .iter()
                .all(|w| rest.contains(w) || initials.starts_with(w.as_str()))
    };
    for n in (1..=lane_words.len()).rev() {
        let found: Vec<OfficialId> = officials
            .iter()
            .filter(|(_, j)| fits(j, n))
            .map(|(id, _)| *id)
            .collect();
        match found.len() {
            1 => return Some(found[0]),
            0 => continue,
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod lane_tests {
    use super::*;

    const OFFICIALS: [(OfficialId, &str); 5] = [
        (
            OfficialId(1),
            "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        ),
        (OfficialId(2), "Sekretaris"),
        (
            OfficialId(3),
            "Kepala Subbagian Perencanaan, Keuangan dan Pelaporan",
        ),
        (OfficialId(4), "Kepala Subbagian Umum dan Kepegawaian"),
        (OfficialId(5), "Kepala Bidang Mutasi dan Promosi"),
    ];

    #[test]
    fn lanes_find_their_holder() {
        assert_eq!(lane_holder("Kepala Badan", &OFFICIALS), Some(OfficialId(1)));
        assert_eq!(
            lane_holder("Sekretaris Badan", &OFFICIALS),
            Some(OfficialId(2))
        );
        assert_eq!(lane_holder("Kasubag PKP", &OFFICIALS), Some(OfficialId(3)));
        assert_eq!(lane_holder("Kasubag Umum", &OFFICIALS), Some(OfficialId(4)));
        assert_eq!(lane_holder("Kabid", &OFFICIALS), Some(OfficialId(5)));
        // No one, or no single one.
        assert_eq!(lane_holder("Anggota", &OFFICIALS), None);
        assert_eq!(lane_holder("Kasubag", &OFFICIALS), None);
        assert_eq!(lane_holder("", &OFFICIALS), None);
    }
}

/// An official for unit tests: a definitive holder of `jabatan` in `unit`,
/// "Pejabat {id}", no NIP, no term.
#[cfg(test)]
pub(crate) fn test_official(id: i64, unit: i64, jabatan: &str) -> OfficialRow {
    OfficialRow {
        id: OfficialId(id),
        nama: format!("Pejabat {id}"),
        gelar_depan: String::new(),
        gelar_belakang: String::new(),
        nip: None,
        pangkat: String::new(),
        golongan: String::new(),
        jabatan: jabatan.into(),
        unit_id: Some(UnitId(unit)),
        status: StatusJabatan::Definitif,
        mulai: None,
        selesai: None,
    }
}
