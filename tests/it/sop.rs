//! SOP templates: the built-in seeds, the TOML round trip, validation, and
//! the standard-time parser.

use perkin::model::sop::*;
use perkin::model::worktime::standard::*;

// ---------------------------------------------------------------------------
// Built-in templates, step for step against the seeds.

/// One row of a seed's step table.
struct Baris {
    no: &'static str,
    pelaksana: &'static str,
    kelengkapan: &'static [&'static str],
    waktu: &'static str,
    output: &'static str,
    tolak_ke: Option<&'static str>,
    per_unit: bool,
}

const fn b(
    no: &'static str,
    pelaksana: &'static str,
    kelengkapan: &'static [&'static str],
    waktu: &'static str,
    output: &'static str,
    tolak_ke: Option<&'static str>,
    per_unit: bool,
) -> Baris {
    Baris {
        no,
        pelaksana,
        kelengkapan,
        waktu,
        output,
        tolak_ke,
        per_unit,
    }
}

const FORM_TTD: &str = "Form Perjanjian Kinerja yang sudah ditanda tangan";
const DRAFT: &str = "Draft laporan/dokumen Perjanjian Kinerja";
const DRAFT_PARAF: &str = "Draft laporan/dokumen Perjanjian Kinerja yang sudah diparaf";
const LAPORAN: &str = "Laporan/dokumen Perjanjian Kinerja";

const SEED_000: &[Baris] = &[
    b(
        "1",
        "kasubag-pkp",
        &["Renstra", "Indikator Kinerja Individu", "Dokumen Anjab ABK"],
        "5 menit",
        "Penugasan Lisan",
        None,
        false,
    ),
    b(
        "2",
        "anggota",
        &[
            "Renstra",
            "DPA/DPPA",
            "Indikator Kinerja Individu",
            "Dokumen Anjab ABK",
        ],
        "1 hari",
        "Form Perjanjian Kinerja",
        None,
        false,
    ),
    b(
        "3",
        "unit",
        &["Form Perjanjian Kinerja"],
        "10 menit",
        FORM_TTD,
        Some("2"),
        true,
    ),
    b("4", "anggota", &[FORM_TTD], "3 jam", FORM_TTD, None, false),
    b("5", "anggota", &[FORM_TTD], "1 hari", DRAFT, None, false),
    b(
        "6",
        "kasubag-pkp",
        &[DRAFT],
        "1 jam",
        DRAFT_PARAF,
        Some("5"),
        false,
    ),
    b(
        "7",
        "sekretaris",
        &[DRAFT_PARAF],
        "15 menit",
        DRAFT_PARAF,
        Some("6"),
        false,
    ),
    b(
        "8",
        "kepala",
        &[DRAFT_PARAF],
        "15 menit",
        LAPORAN,
        None,
        false,
    ),
    b("10", "anggota", &[LAPORAN], "2 jam", LAPORAN, None, false),
    b(
        "11",
        "anggota",
        &[LAPORAN],
        "15 menit",
        LAPORAN,
        None,
        false,
    ),
];

const PK_BADAN: &str = "Perjanjian Kinerja Badan";
const DRAFT_BADAN: &str = "Draft Perjanjian Kinerja Badan";
const KONSEP: &str = "Konsep Perjanjian Kinerja";

const SEED_002: &[Baris] = &[
    b(
        "1",
        "kepala",
        &["Agenda Kerja"],
        "10 menit",
        "Disposisi",
        None,
        false,
    ),
    b(
        "2",
        "sekretaris",
        &["Disposisi"],
        "30 menit",
        "Disposisi, ST Tim Kerja",
        None,
        false,
    ),
    b(
        "3",
        "tim",
        &["Disposisi", "ST Tim Kerja"],
        "5 hari",
        KONSEP,
        None,
        false,
    ),
    b("4", "sekretaris", &[KONSEP], "2 jam", KONSEP, None, false),
    b("5", "tim", &[KONSEP], "1 hari", DRAFT_BADAN, None, false),
    b(
        "6",
        "sekretaris",
        &[DRAFT_BADAN],
        "60 menit",
        DRAFT_BADAN,
        Some("5"),
        false,
    ),
    b(
        "7",
        "kepala",
        &[DRAFT_BADAN],
        "60 menit",
        PK_BADAN,
        Some("6"),
        false,
    ),
    b(
        "8",
        "sekretaris",
        &[PK_BADAN],
        "10 menit",
        PK_BADAN,
        None,
        false,
    ),
    b("9", "tim", &[PK_BADAN], "1 jam", PK_BADAN, None, false),
];

fn bawaan(kode: &str) -> (SopBawaan, SopTemplate) {
    let b = *sop_bawaan()
        .iter()
        .find(|b| b.kode == kode)
        .unwrap_or_else(|| panic!("SOP bawaan {kode} tidak ada"));
    let t = b.muat().unwrap_or_else(|e| panic!("{e}"));
    (b, t)
}

fn cek_langkah(t: &SopTemplate, tabel: &[Baris]) {
    assert_eq!(t.langkah.len(), tabel.len());
    for (i, (l, e)) in t.langkah.iter().zip(tabel).enumerate() {
        let konteks = format!("langkah no {}", e.no);
        assert_eq!(l.no, e.no, "{konteks}");
        assert_eq!(l.pelaksana, e.pelaksana, "{konteks}");
        assert_eq!(l.kelengkapan, e.kelengkapan, "{konteks}");
        assert_eq!(l.waktu, Waktu::parse(e.waktu).unwrap(), "{konteks}");
        assert_eq!(l.waktu.to_string(), e.waktu, "{konteks}");
        assert_eq!(l.output, e.output, "{konteks}");
        assert_eq!(l.tolak_ke.as_deref(), e.tolak_ke, "{konteks}");
        assert_eq!(l.per_unit, e.per_unit, "{konteks}");
        assert_eq!(l.akhir, i + 1 == tabel.len(), "{konteks}");
        assert!(!l.kegiatan.trim().is_empty(), "{konteks}");
        assert_eq!(t.keputusan(i), e.tolak_ke.is_some(), "{konteks}");
        assert_eq!(
            t.target_tolak(i),
            e.tolak_ke.and_then(|n| t.indeks_langkah(n)),
            "{konteks}"
        );
        if let Some(j) = t.target_tolak(i) {
            assert!(j < i, "{konteks}: tolak harus mundur");
        }
        assert!(!t.nama_pelaksana(i).is_empty(), "{konteks}");
    }
}

#[test]
fn ada_dua_sop_bawaan() {
    let kode: Vec<&str> = sop_bawaan().iter().map(|b| b.kode).collect();
    assert_eq!(kode, ["bkpsdm-90-2023", "badan-ntt-pk"]);
    for b in sop_bawaan() {
        let t = b.muat().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.kepala.kode, b.kode);
        assert_eq!(b.nama_berkas, format!("{}.toml", b.kode));
        assert!(b.catatan.contains("English summary"), "{}", b.kode);
        // The header comment stays short and points to the notes.
        let kepala: Vec<&str> = b
            .sumber
            .lines()
            .take_while(|l| l.starts_with('#') || l.trim().is_empty())
            .filter(|l| l.starts_with('#'))
            .collect();
        assert!(!kepala.is_empty() && kepala.len() <= 20, "{}", b.kode);
        assert!(
            kepala.iter().any(|l| l.contains(".catatan.md")),
            "{}",
            b.kode
        );
    }
}

#[test]
fn seed_000_bkpsdm() {
    let (_, t) = bawaan("bkpsdm-90-2023");
    let k = &t.kepala;
    assert_eq!(k.nomor, "90/SOP BKPSDM/2023");
    assert_eq!(k.nama, "Penyusunan Perjanjian Kinerja");
    assert_eq!(k.tanggal_pembuatan, None);
    assert_eq!(k.tanggal_revisi, None);
    assert_eq!(
        k.tanggal_efektif,
        chrono::NaiveDate::from_ymd_opt(2023, 10, 1)
    );
    assert_eq!(k.disahkan_oleh, "Sekretaris BKPSDM");
    assert!(k.instansi.contains("BKPSDM"));
    assert_eq!(k.dasar_hukum.len(), 3);
    assert!(k.dasar_hukum[0].starts_with("Undang-Undang Nomor 28 Tahun 1999"));
    assert!(k.dasar_hukum[1].contains("Nomor 29 Tahun 2014"));
    assert!(k.dasar_hukum[2].contains("Nomor 53 Tahun 2014"));
    assert_eq!(k.kualifikasi_pelaksana.len(), 4);
    assert!(k.keterkaitan.is_empty());
    assert_eq!(
        k.peralatan_perlengkapan,
        [
            "Renstra",
            "Renja",
            "SOTK",
            "Format Perjanjian Kinerja",
            "Komputer dan Scanner",
            "ATK dan penyimpanan Arsip"
        ]
    );
    assert_eq!(k.peringatan.len(), 4);
    assert_eq!(k.pencatatan_pendataan.len(), 3);

    let lajur: Vec<(&str, &str)> = t
        .pelaksana
        .iter()
        .map(|p| (p.kode.as_str(), p.nama.as_str()))
        .collect();
    assert_eq!(
        lajur,
        [
            ("kepala", "Kepala Badan"),
            ("sekretaris", "Sekretaris Badan"),
            ("kasubag-pkp", "Kasubag PKP"),
            ("anggota", "Anggota"),
            ("unit", "Sekretariat/Bidang"),
        ]
    );
    cek_langkah(&t, SEED_000);

    // No step 9: numbers as printed.
    assert_eq!(t.indeks_langkah("9"), None);
    assert_eq!(t.indeks_langkah("10"), Some(8));
    assert_eq!(t.nama_pelaksana(0), "Kasubag PKP");
    assert_eq!(t.nama_pelaksana(2), "Sekretariat/Bidang");
    assert_eq!(t.nama_pelaksana(7), "Kepala Badan");
    assert_eq!(t.target_tolak(2), Some(1));
    assert_eq!(t.target_tolak(5), Some(4));
    assert_eq!(t.target_tolak(6), Some(5));
    assert!(!t.keputusan(7), "langkah 8 (tanda tangan) bukan keputusan");
    assert!(t.langkah.iter().all(|l| l.keterangan.is_empty()));
    // Out of range: no panic.
    assert!(!t.keputusan(99));
    assert_eq!(t.target_tolak(99), None);
    assert_eq!(t.nama_pelaksana(99), "");
}

#[test]
fn seed_002_badan_ntt() {
    let (_, t) = bawaan("badan-ntt-pk");
    let k = &t.kepala;
    // Not in the scan: left empty.
    assert_eq!(k.nomor, "");
    assert_eq!(k.disahkan_oleh, "");
    assert_eq!(
        (k.tanggal_pembuatan, k.tanggal_revisi, k.tanggal_efektif),
        (None, None, None)
    );
    assert_eq!(k.nama, "Penyusunan Perjanjian Kinerja");
    assert!(k.instansi.contains("Nusa Tenggara Timur"));
    assert_eq!(k.dasar_hukum.len(), 5);
    assert!(k.dasar_hukum[4].contains("Nomor 45 Tahun 2023"));
    assert_eq!(
        k.kualifikasi_pelaksana,
        [
            "Pendidikan minimal S1",
            "Memahami sistematika penyusunan laporan",
            "Memahami Tata Naskah Dinas",
            "ASN"
        ]
    );
    assert_eq!(k.keterkaitan.len(), 6);
    assert_eq!(
        k.keterkaitan[0],
        "SOP Penerbitan Surat Tugas tentang Tim Kerja"
    );
    assert_eq!(
        k.peralatan_perlengkapan,
        ["ATK", "Komputer", "Surat Edaran Sekda", "Printer"]
    );
    assert_eq!(k.peringatan.len(), 1);
    assert_eq!(
        k.pencatatan_pendataan,
        ["Data disimpan dalam bentuk Softcopy dan Hardcopy"]
    );

    let lajur: Vec<(&str, &str)> = t
        .pelaksana
        .iter()
        .map(|p| (p.kode.as_str(), p.nama.as_str()))
        .collect();
    assert_eq!(
        lajur,
        [
            ("kepala", "Kepala Badan"),
            ("sekretaris", "Sekretaris Badan"),
            ("tim", "Anggota Tim Kerja"),
        ]
    );
    cek_langkah(&t, SEED_002);
    assert_eq!(
        t.langkah[0].keterangan,
        "Terkait SOP Penerbitan ST tentang Tim Kerja"
    );
    assert!(t.langkah[1..].iter().all(|l| l.keterangan.is_empty()));
    assert!(t.langkah[8].kegiatan.contains("Gubernur"));
    assert_eq!(t.nama_pelaksana(3), "Sekretaris Badan");
}

#[test]
fn waktu_bawaan_dalam_menit_kerja() {
    let (_, t) = bawaan("badan-ntt-pk");
    let menit: Vec<u32> = t.langkah.iter().map(|l| l.waktu.menit_kerja(450)).collect();
    assert_eq!(menit, [10, 30, 2250, 120, 450, 60, 60, 10, 60]);
}

// ---------------------------------------------------------------------------
// Round trip.

#[test]
fn to_toml_pulang_pergi() {
    for b in sop_bawaan() {
        let t = b.muat().unwrap();
        let teks = t.to_toml();
        let lagi = SopTemplate::parse(&teks, "tulis-ulang.toml").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(lagi, t, "{}", b.kode);
        assert_eq!(lagi.to_toml(), teks, "{}: keluaran stabil", b.kode);
    }
}

#[test]
fn to_toml_meloloskan_karakter_khusus() {
    let (_, mut t) = bawaan("bkpsdm-90-2023");
    t.kepala.nama = "Kutip \" garis \\ baris\nbaru\ttab \u{1} é ½".to_string();
    t.langkah[0].keterangan = "'''\"\"\"".to_string();
    t.kepala.tanggal_pembuatan = chrono::NaiveDate::from_ymd_opt(2020, 2, 29);
    let lagi = SopTemplate::parse(&t.to_toml(), "x.toml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lagi, t);
}

#[test]
fn serde_serialize_pulang_pergi() {
    // The derived Serialize writes dates as text "2023-10-01"; parse accepts that too.
    for b in sop_bawaan() {
        let t = b.muat().unwrap();
        let teks = toml::to_string(&t).unwrap();
        let lagi = SopTemplate::parse(&teks, "serde.toml").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(lagi, t, "{}", b.kode);
    }
}

// ---------------------------------------------------------------------------
// Validation.

const DASAR: &str = r#"[sop]
kode = "uji"
nama = "SOP Uji"

[[pelaksana]]
kode = "kepala"
nama = "Kepala Badan"

[[pelaksana]]
kode = "staf"
nama = "Staf"
"#;

fn langkah(no: &str, pelaksana: &str, lain: &str) -> String {
    format!(
        "\n[[langkah]]\nno = \"{no}\"\nkegiatan = \"Kegiatan {no}\"\npelaksana = \"{pelaksana}\"\nwaktu = \"5 menit\"\n{lain}"
    )
}

fn dokumen(langkah: &[String]) -> String {
    let mut s = DASAR.to_string();
    for l in langkah {
        s.push_str(l);
    }
    s
}

/// 1-based line of the only line of `src` containing `needle`.
fn baris(src: &str, needle: &str) -> usize {
    let hits: Vec<usize> = src
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(hits.len(), 1, "'{needle}' harus tepat sekali di:\n{src}");
    hits[0]
}

fn galat(src: &str) -> Vec<SopError> {
    match SopTemplate::parse(src, "uji.toml") {
        Ok(t) => panic!("seharusnya gagal:\n{src}\n{t:?}"),
        Err(e) => e.0,
    }
}

/// Exactly one error on `field`; asserts line and message text.
fn satu(src: &str, bidang: &str, baris_diharap: usize, isi: &str) -> SopError {
    let semua = galat(src);
    let cocok: Vec<&SopError> = semua.iter().filter(|e| e.bidang == bidang).collect();
    assert_eq!(cocok.len(), 1, "galat untuk {bidang}: {semua:#?}");
    let e = cocok[0].clone();
    assert_eq!(e.baris, baris_diharap, "{e}");
    assert!(e.pesan.contains(isi), "'{isi}' tidak ada di: {e}");
    assert_eq!(e.berkas, "uji.toml");
    let tampil = e.to_string();
    assert!(
        tampil.starts_with(&format!("uji.toml:{}:{}: {bidang}: ", e.baris, e.kolom)),
        "{tampil}"
    );
    e
}

#[test]
fn dokumen_uji_dasar_sah() {
    let src = dokumen(&[
        langkah("1", "kepala", ""),
        langkah("2", "staf", "akhir = true\n"),
    ]);
    let t = SopTemplate::parse(&src, "uji.toml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.langkah.len(), 2);
    assert_eq!(t.kepala.nomor, "");
    assert!(t.langkah[0].kelengkapan.is_empty());
}

#[test]
fn galat_sintaks_toml() {
    let src = dokumen(&[
        langkah("1", "kepala", "output = \"tanpa kutip penutup\n"),
        langkah("2", "staf", "akhir = true\n"),
    ]);
    let semua = galat(&src);
    assert!(!semua.is_empty());
    let e = &semua[0];
    assert_eq!(e.baris, baris(&src, "tanpa kutip penutup"));
    assert_eq!(
        e.kolom,
        "output = \"tanpa kutip penutup".chars().count() + 1
    );
    assert_eq!(e.bidang, "");
    assert!(e.pesan.contains("kesalahan sintaks TOML"), "{e}");
    assert!(e.pesan.contains("tanda kutip"), "{e}");
    assert!(e.to_string().starts_with(&format!("uji.toml:{}:", e.baris)));
}

#[test]
fn galat_sintaks_kunci_ganda() {
    let src = dokumen(&[langkah("1", "kepala", "akhir = true\nwaktu = \"1 jam\"\n")]);
    let semua = galat(&src);
    assert_eq!(semua.len(), 1, "{semua:#?}");
    assert_eq!(semua[0].baris, baris(&src, "1 jam"));
    assert!(semua[0].pesan.contains("kunci ganda"));
}

#[test]
fn galat_jenis_nilai() {
    let src = dokumen(&[langkah(
        "1",
        "kepala",
        "per_unit = \"ya\"\nkelengkapan = \"Renstra\"\n",
    )
    .replace("no = \"1\"", "no = 1")
        + "akhir = true\n"]);
    satu(&src, "langkah[1].no", baris(&src, "no = 1"), "no = \"1\"");
    satu(
        &src,
        "langkah[1].per_unit",
        baris(&src, "per_unit"),
        "true atau false",
    );
    satu(
        &src,
        "langkah[1].kelengkapan",
        baris(&src, "kelengkapan"),
        "daftar teks",
    );

    let src = dokumen(&[langkah(
        "1",
        "kepala",
        "kelengkapan = [\"Renstra\", 3]\nakhir = true\n",
    )]);
    let e = satu(
        &src,
        "langkah[1].kelengkapan[2]",
        baris(&src, "kelengkapan"),
        "teks",
    );
    assert_eq!(e.kolom, "kelengkapan = [\"Renstra\", ".len() + 1);

    let src = DASAR.replace(
        "[[pelaksana]]\nkode = \"staf\"",
        "[pelaksana2]\nkode = \"staf\"",
    );
    assert!(
        galat(&(src + &langkah("1", "kepala", "akhir = true\n")))
            .iter()
            .any(|e| e.bidang == "pelaksana2" && e.pesan.contains("tidak dikenal"))
    );

    let src = DASAR.to_string() + "\n[langkah]\nno = \"1\"\n";
    satu(&src, "langkah", baris(&src, "[langkah]"), "[[langkah]]");
}

#[test]
fn galat_pelaksana_tidak_dikenal() {
    let src = dokumen(&[
        langkah("1", "kepala", ""),
        langkah("2", "stav", "akhir = true\n"),
    ]);
    let e = satu(
        &src,
        "langkah[2].pelaksana",
        baris(&src, "\"stav\""),
        "pelaksana 'stav' tidak dikenal",
    );
    assert!(e.pesan.contains("yang ada: kepala, staf"), "{e}");
    assert!(e.pesan.contains("mungkin maksudnya 'staf'"), "{e}");
    assert_eq!(e.kolom, "pelaksana = ".len() + 1);
}

#[test]
fn galat_tolak_ke_tidak_ada() {
    let src = dokumen(&[
        langkah("1", "kepala", ""),
        langkah("2", "staf", "tolak_ke = \"7\"\n"),
        langkah("3", "staf", "akhir = true\n"),
    ]);
    let e = satu(
        &src,
        "langkah[2].tolak_ke",
        baris(&src, "tolak_ke"),
        "tolak_ke '7' tidak menunjuk langkah yang ada",
    );
    assert!(e.pesan.contains("1, 2, 3"), "{e}");
}

#[test]
fn galat_tolak_ke_maju_atau_diri_sendiri() {
    let src = dokumen(&[
        langkah("1", "kepala", "tolak_ke = \"2\" # maju\n"),
        langkah("2", "staf", "tolak_ke = \"2\" # diri sendiri\n"),
        langkah("3", "staf", "akhir = true\n"),
    ]);
    satu(
        &src,
        "langkah[1].tolak_ke",
        baris(&src, "# maju"),
        "sesudahnya",
    );
    satu(
        &src,
        "langkah[2].tolak_ke",
        baris(&src, "diri sendiri"),
        "langkah ini sendiri",
    );
    assert_eq!(galat(&src).len(), 2);
}

#[test]
fn galat_keputusan_pada_langkah_terakhir() {
    let src = dokumen(&[
        langkah("1", "kepala", ""),
        langkah("2", "staf", "tolak_ke = \"1\"\nakhir = true\n"),
    ]);
    satu(
        &src,
        "langkah[2].tolak_ke",
        baris(&src, "tolak_ke"),
        "langkah terakhir tidak boleh berupa keputusan",
    );
}

#[test]
fn galat_waktu() {
    let src = dokumen(&[langkah("1", "kepala", "akhir = true\n").replace("5 menit", "5 detik")]);
    let e = satu(
        &src,
        "langkah[1].waktu",
        baris(&src, "5 detik"),
        "satuan 'detik' tidak dikenal",
    );
    assert_eq!(e.pesan, Waktu::parse("5 detik").unwrap_err().to_string());
    assert_eq!(e.kolom, "waktu = ".len() + 1);

    let src =
        dokumen(&[langkah("1", "kepala", "akhir = true\n").replace("waktu = \"5 menit\"\n", "")]);
    satu(
        &src,
        "langkah[1].waktu",
        baris(&src, "[[langkah]]"),
        "wajib diisi",
    );
}

#[test]
fn galat_nomor_langkah_ganda() {
    let src = dokumen(&[
        langkah("1", "kepala", "# pertama\n"),
        langkah("1", "staf", "# kedua\n"),
        langkah("2", "staf", "akhir = true\n"),
    ]);
    let baris_pertama = baris(&src, "# pertama") - 4;
    let e = satu(
        &src,
        "langkah[2].no",
        baris(&src, "# kedua") - 4,
        "nomor langkah '1' ganda",
    );
    assert!(e.pesan.contains(&format!("baris {baris_pertama}")), "{e}");
}

#[test]
fn galat_kode_pelaksana_ganda() {
    let src = DASAR.replace("kode = \"staf\"", "kode = \"kepala\"")
        + &langkah("1", "kepala", "akhir = true\n");
    let lines: Vec<usize> = src
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "kode = \"kepala\"")
        .map(|(i, _)| i + 1)
        .collect();
    let e = satu(
        &src,
        "pelaksana[2].kode",
        lines[1],
        "kode pelaksana 'kepala' ganda",
    );
    assert!(e.pesan.contains(&format!("baris {}", lines[0])), "{e}");
}

#[test]
fn galat_tanpa_langkah() {
    let e = satu(DASAR, "langkah", 1, "belum ada [[langkah]]");
    assert_eq!(e.kolom, 1);
    let src = "langkah = []\n".to_string() + DASAR;
    satu(
        &src,
        "langkah",
        baris(&src, "langkah = []"),
        "belum ada [[langkah]]",
    );
}

#[test]
fn galat_tanpa_sop_dan_pelaksana() {
    let src = "[[langkah]]\nno = \"1\"\nkegiatan = \"a\"\npelaksana = \"kepala\"\nwaktu = \"1 jam\"\nakhir = true\n";
    let semua = galat(src);
    assert!(
        semua
            .iter()
            .any(|e| e.bidang == "sop" && e.pesan.contains("[sop]"))
    );
    assert!(
        semua
            .iter()
            .any(|e| e.bidang == "pelaksana" && e.pesan.contains("belum ada [[pelaksana]]"))
    );
    assert!(semua.iter().any(|e| e.bidang == "langkah[1].pelaksana"));
}

#[test]
fn galat_akhir() {
    // None at all: reported on the last step.
    let src = dokumen(&[
        langkah("1", "kepala", ""),
        langkah("2", "staf", "# terakhir\n"),
    ]);
    satu(
        &src,
        "langkah[2].akhir",
        baris(&src, "# terakhir") - 5,
        "tidak ada langkah akhir",
    );

    // Not on the last step.
    let src = dokumen(&[
        langkah("1", "kepala", "akhir = true\n"),
        langkah("2", "staf", ""),
    ]);
    satu(
        &src,
        "langkah[1].akhir",
        baris(&src, "akhir"),
        "hanya boleh pada langkah terakhir",
    );

    // More than one.
    let src = dokumen(&[
        langkah("1", "kepala", "akhir = true # satu\n"),
        langkah("2", "staf", "akhir = true # dua\n"),
    ]);
    satu(
        &src,
        "langkah[1].akhir",
        baris(&src, "# satu"),
        "hanya boleh pada langkah terakhir",
    );
    let e = satu(
        &src,
        "langkah[2].akhir",
        baris(&src, "# dua"),
        "lebih dari satu langkah bertanda akhir",
    );
    assert!(
        e.pesan
            .contains(&format!("baris {}", baris(&src, "# satu"))),
        "{e}"
    );

    // akhir = false is fine anywhere.
    let src = dokumen(&[
        langkah("1", "kepala", "akhir = false\n"),
        langkah("2", "staf", "akhir = true\n"),
    ]);
    assert!(SopTemplate::parse(&src, "uji.toml").is_ok());
}

#[test]
fn galat_kegiatan_kosong() {
    let src =
        dokumen(&[langkah("1", "kepala", "akhir = true\n").replace("\"Kegiatan 1\"", "\"  \"")]);
    satu(
        &src,
        "langkah[1].kegiatan",
        baris(&src, "kegiatan"),
        "tidak boleh kosong",
    );
    let src = dokumen(&[
        langkah("1", "kepala", "akhir = true\n").replace("kegiatan = \"Kegiatan 1\"\n", "")
    ]);
    satu(
        &src,
        "langkah[1].kegiatan",
        baris(&src, "[[langkah]]"),
        "wajib diisi",
    );
}

#[test]
fn galat_kode_bukan_slug() {
    for kode in [
        "Uji", "uji sop", "-uji", "uji-", "uji--sop", "uji_sop", "", "ují",
    ] {
        let src = DASAR.replace("kode = \"uji\"", &format!("kode = \"{kode}\""))
            + &langkah("1", "kepala", "akhir = true\n");
        satu(&src, "sop.kode", 2, "tidak sah");
    }
    let src = DASAR.replace("kode = \"staf\"", "kode = \"Staf TU\"")
        + &langkah("1", "kepala", "akhir = true\n");
    satu(
        &src,
        "pelaksana[2].kode",
        baris(&src, "Staf TU"),
        "tidak sah",
    );
}

#[test]
fn galat_kunci_tidak_dikenal() {
    let src = DASAR.replace("nama = \"SOP Uji\"", "nama = \"SOP Uji\"\ndisahkan = \"x\"")
        + &langkah("1", "kepala", "akhir = true\nkelengkapn = []\n")
        + "\n[catatan]\nx = 1\n";
    satu(
        &src,
        "sop.disahkan",
        baris(&src, "disahkan ="),
        "kunci 'disahkan' tidak dikenal",
    );
    let e = satu(
        &src,
        "langkah[1].kelengkapn",
        baris(&src, "kelengkapn"),
        "kunci 'kelengkapn' tidak dikenal",
    );
    assert!(e.pesan.contains("mungkin maksudnya 'kelengkapan'"), "{e}");
    satu(&src, "catatan", baris(&src, "[catatan]"), "tidak dikenal");
}

#[test]
fn galat_tanggal() {
    let src = DASAR.replace(
        "nama = \"SOP Uji\"",
        "nama = \"SOP Uji\"\ntanggal_efektif = 2023-10-01T08:00:00\ntanggal_revisi = \"kemarin\"\ntanggal_pembuatan = \"2023-01-02\"",
    ) + &langkah("1", "kepala", "akhir = true\n");
    satu(
        &src,
        "sop.tanggal_efektif",
        baris(&src, "tanggal_efektif"),
        "tanpa jam",
    );
    satu(
        &src,
        "sop.tanggal_revisi",
        baris(&src, "tanggal_revisi"),
        "bukan tanggal",
    );
    assert_eq!(galat(&src).len(), 2);
}

#[test]
fn banyak_galat_dilaporkan_sekaligus() {
    let src = DASAR.replace("kode = \"uji\"", "kode = \"Uji!\"")
        + &langkah("1", "kepala", "")
        + &langkah("2", "anggot", "tolak_ke = \"9\"\n").replace("5 menit", "0 menit")
        + &langkah("2", "staf", "tolak_ke = \"3\"\n")
        + &langkah("4", "staf", "warna = \"merah\"\n").replace("\"Kegiatan 4\"", "\"\"");
    let e = SopTemplate::parse(&src, "banyak.toml").unwrap_err();
    let bidang: Vec<&str> = e.0.iter().map(|g| g.bidang.as_str()).collect();
    assert_eq!(
        bidang,
        [
            "sop.kode",
            "langkah[2].pelaksana",
            "langkah[2].waktu",
            "langkah[2].tolak_ke",
            "langkah[3].no",
            "langkah[3].tolak_ke",
            "langkah[4].akhir",
            "langkah[4].kegiatan",
            "langkah[4].warna",
        ],
        "{e}"
    );
    // Sorted by position, one per line, each with file:line:col: field: message.
    let baris_baris: Vec<usize> = e.0.iter().map(|g| g.baris).collect();
    assert!(baris_baris.windows(2).all(|w| w[0] <= w[1]));
    let teks = e.to_string();
    assert_eq!(teks.lines().count(), e.0.len());
    for (l, g) in teks.lines().zip(&e.0) {
        assert_eq!(
            l,
            format!(
                "banyak.toml:{}:{}: {}: {}",
                g.baris, g.kolom, g.bidang, g.pesan
            )
        );
    }
    assert!(teks.contains("pelaksana 'anggot' tidak dikenal (yang ada: kepala, staf)"));
    assert!(teks.contains("bernilai nol"));
    let _: &dyn std::error::Error = &e;
}

#[test]
fn parse_tidak_panik_pada_potongan_berkas() {
    let src = sop_bawaan()[1].sumber;
    for (i, _) in src.char_indices().step_by(3) {
        let _ = SopTemplate::parse(&src[..i], "potong.toml");
    }
    let _ = SopTemplate::parse("", "kosong.toml");
    let _ = SopTemplate::parse("\u{feff}[sop]\r\nkode = \"é\"", "bom.toml");
}

#[test]
fn posisi_menghitung_karakter_bukan_byte() {
    let src = DASAR.replace("nama = \"SOP Uji\"", "nama = \"SOP Ují\" ; x = 1");
    let e = &galat(&src)[0];
    assert_eq!(e.baris, 3);
    assert_eq!(e.kolom, "nama = \"SOP Ují\" ".chars().count() + 1);
}

// ---------------------------------------------------------------------------
// Waktu.

#[test]
fn waktu_ejaan_seed_diterima() {
    let kasus = [
        ("5 menit", 500, SatuanWaktu::Menit, "5 menit"),
        ("10 Menit", 1000, SatuanWaktu::Menit, "10 menit"),
        ("60 Menit", 6000, SatuanWaktu::Menit, "60 menit"),
        ("15 menit", 1500, SatuanWaktu::Menit, "15 menit"),
        ("1 hari", 100, SatuanWaktu::Hari, "1 hari"),
        (
            "Lhari".replace('L', "1").leak(),
            100,
            SatuanWaktu::Hari,
            "1 hari",
        ),
        ("1Hari", 100, SatuanWaktu::Hari, "1 hari"),
        ("5Hari", 500, SatuanWaktu::Hari, "5 hari"),
        ("2Jam", 200, SatuanWaktu::Jam, "2 jam"),
        ("3 Jam", 300, SatuanWaktu::Jam, "3 jam"),
        ("1 jam", 100, SatuanWaktu::Jam, "1 jam"),
        ("1,5 jam", 150, SatuanWaktu::Jam, "1,5 jam"),
        ("0.5 hari", 50, SatuanWaktu::Hari, "0,5 hari"),
        ("½ hari", 50, SatuanWaktu::Hari, "0,5 hari"),
        ("1½ JAM", 150, SatuanWaktu::Jam, "1,5 jam"),
        ("¾ jam", 75, SatuanWaktu::Jam, "0,75 jam"),
        ("  2,25\tjam ", 225, SatuanWaktu::Jam, "2,25 jam"),
        ("2,05 hari", 205, SatuanWaktu::Hari, "2,05 hari"),
        (",5 jam", 50, SatuanWaktu::Jam, "0,5 jam"),
        ("365 hari", 36500, SatuanWaktu::Hari, "365 hari"),
        ("8760 jam", 876000, SatuanWaktu::Jam, "8760 jam"),
        ("007 menit", 700, SatuanWaktu::Menit, "7 menit"),
    ];
    for (teks, centi, satuan, kanonik) in kasus {
        let w = Waktu::parse(teks).unwrap_or_else(|e| panic!("{teks}: {e}"));
        assert_eq!(w, Waktu { centi, satuan }, "{teks}");
        assert_eq!(w.to_string(), kanonik, "{teks}");
        assert_eq!(kanonik.parse::<Waktu>(), Ok(w), "{teks}");
    }
    assert_eq!(SatuanWaktu::Menit.label(), "menit");
    assert_eq!(SatuanWaktu::Jam.label(), "jam");
    assert_eq!(SatuanWaktu::Hari.label(), "hari");
    assert_eq!(Waktu::jam(2), Waktu::parse("2 jam").unwrap());
    assert_eq!(Waktu::hari(5).to_string(), "5 hari");
    assert_eq!(Waktu::menit(10).to_string(), "10 menit");
}

#[test]
fn waktu_ditolak_dengan_pesan_indonesia() {
    let kasus = [
        ("", "kosong"),
        ("   ", "kosong"),
        ("abc", "tidak diawali angka"),
        ("menit", "tidak diawali angka"),
        ("0 menit", "bernilai nol"),
        ("0,00 jam", "bernilai nol"),
        ("-1 jam", "negatif"),
        ("5 detik", "satuan 'detik' tidak dikenal"),
        ("5 minutes", "satuan 'minutes' tidak dikenal"),
        ("1,234 jam", "lebih dari 2 angka desimal"),
        ("1.000 menit", "lebih dari 2 angka desimal"),
        ("5", "tidak bersatuan"),
        ("1,,5 jam", "bukan angka yang sah"),
        ("1.2.3 jam", "bukan angka yang sah"),
        ("1, jam", "bukan angka yang sah"),
        ("½½ jam", "bukan angka yang sah"),
        ("1,5½ jam", "bukan angka yang sah"),
        ("99999999999999999999999999 menit", "terlalu besar"),
        ("366 hari", "terlalu besar"),
        ("365,01 hari", "terlalu besar"),
        ("8761 jam", "terlalu besar"),
        ("525601 menit", "terlalu besar"),
        ("1 jam 30 menit", "tidak dikenal"),
    ];
    for (teks, isi) in kasus {
        let e = Waktu::parse(teks).expect_err(teks).to_string();
        assert!(e.contains(isi), "{teks:?}: {e}");
        assert!(e.contains("contoh yang sah: \"5 menit\""), "{teks:?}: {e}");
    }
    let besar = Waktu::parse("400 hari").unwrap_err().to_string();
    assert!(besar.contains("paling lama 365 hari"), "{besar}");
    // Long input is shortened in the message.
    let panjang = format!("1 {}", "x".repeat(10_000));
    assert!(Waktu::parse(&panjang).unwrap_err().to_string().len() < 300);
}

#[test]
fn waktu_menit_kerja() {
    let w = |s: &str| Waktu::parse(s).unwrap();
    assert_eq!(w("1 hari").menit_kerja(450), 450);
    assert_eq!(w("1,5 jam").menit_kerja(450), 90);
    assert_eq!(w("5 hari").menit_kerja(450), 2250);
    assert_eq!(w("0,5 hari").menit_kerja(450), 225);
    assert_eq!(w("0,25 hari").menit_kerja(450), 113); // 112,5 rounds up
    assert_eq!(w("0,5 menit").menit_kerja(450), 1);
    assert_eq!(w("0,01 jam").menit_kerja(450), 1); // 0,6 minute
    assert_eq!(w("15 menit").menit_kerja(0), 15);
    assert_eq!(w("1 hari").menit_kerja(0), 0);
    // Never overflows.
    let maks = Waktu {
        centi: u32::MAX,
        satuan: SatuanWaktu::Hari,
    };
    assert_eq!(maks.menit_kerja(u32::MAX), u32::MAX);
}

#[test]
fn waktu_serde_sebagai_teks() {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct S {
        waktu: Waktu,
    }
    let s: S = toml::from_str("waktu = \"1,5 Jam\"").unwrap();
    assert_eq!(
        s.waktu,
        Waktu {
            centi: 150,
            satuan: SatuanWaktu::Jam
        }
    );
    assert_eq!(toml::to_string(&s).unwrap().trim(), "waktu = \"1,5 jam\"");
    let e = toml::from_str::<S>("waktu = \"5 detik\"")
        .unwrap_err()
        .to_string();
    assert!(e.contains("satuan 'detik' tidak dikenal"), "{e}");
    let e = toml::from_str::<S>("waktu = 5").unwrap_err().to_string();
    assert!(e.contains("harus ditulis sebagai teks"), "{e}");
}

#[test]
fn waktu_tidak_panik_pada_masukan_acak() {
    let abjad = [
        '1', '0', '9', ',', '.', ' ', '½', '-', 'j', 'a', 'm', 'h', 'é', '\n',
    ];
    let mut buf = String::new();
    fn jalan(buf: &mut String, abjad: &[char], sisa: usize) {
        if let Ok(w) = Waktu::parse(buf) {
            assert!(w.centi > 0);
            assert_eq!(Waktu::parse(&w.to_string()), Ok(w), "{buf:?}");
        }
        if sisa == 0 {
            return;
        }
        for &c in abjad {
            buf.push(c);
            jalan(buf, abjad, sisa - 1);
            buf.pop();
        }
    }
    jalan(&mut buf, &abjad, 4);
    for s in ["jam", "menit", "hari"] {
        assert!(Waktu::parse(s).is_err());
    }
}

#[test]
fn galat_nomor_langkah_tidak_sah_atau_hilang() {
    let src = dokumen(&[
        langkah("1 a", "kepala", ""),
        langkah("2", "staf", "akhir = true\n").replace("no = \"2\"\n", ""),
    ]);
    satu(
        &src,
        "langkah[1].no",
        baris(&src, "no = \"1 a\""),
        "memuat spasi",
    );
    let baris_kedua = src
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "[[langkah]]")
        .map(|(i, _)| i + 1)
        .nth(1)
        .unwrap();
    satu(&src, "langkah[2].no", baris_kedua, "wajib diisi");
}
