//! Excel import/export of the Renstra and Renja (perkin::formats::xlsx).

use perkin::formats::xlsx::*;
use perkin::model::plan::Target;
use std::io::Cursor;

fn angka(v: f64) -> Target {
    Target::Angka(v)
}

fn teks(s: &str) -> Target {
    Target::Teks(s.to_string())
}

#[allow(clippy::too_many_arguments)]
fn indikator(
    kt: &str,
    tujuan: &str,
    ks: &str,
    sasaran: &str,
    ki: &str,
    nama: &str,
    satuan: &str,
    targets: [Target; 5],
) -> RenstraRow {
    RenstraRow {
        baris: 0,
        periode: (2025, 2029),
        kode_tujuan: kt.into(),
        tujuan: tujuan.into(),
        kode_sasaran: ks.into(),
        sasaran: sasaran.into(),
        kode_indikator: ki.into(),
        indikator: nama.into(),
        satuan: satuan.into(),
        baseline_tahun: Some(2024),
        baseline_nilai: "80,5".into(),
        targets: (2025..=2029).zip(targets).collect(),
        definisi: format!("Definisi {nama}"),
        formula: "(realisasi / target) × 100%".into(),
        sumber_data: "Laporan Kinerja".into(),
        naik_baik: true,
        kumulatif: false,
        penanggung_jawab: "Sekretariat".into(),
    }
}

fn ind(nama: &str, satuan: &str, target: Target) -> RenjaIndikatorRow {
    RenjaIndikatorRow {
        nama: nama.into(),
        satuan: satuan.into(),
        target,
    }
}

#[allow(clippy::too_many_arguments)]
fn item(
    tingkat: Tingkat,
    kode: &str,
    nama: &str,
    unit: &str,
    indikator: Vec<RenjaIndikatorRow>,
    pagu: i64,
    pagu_dpa: Option<i64>,
    kode_sasaran: &str,
) -> RenjaRow {
    RenjaRow {
        baris: 0,
        tahun: 2026,
        tingkat,
        kode: kode.into(),
        nama: nama.into(),
        unit: unit.into(),
        indikator,
        pagu,
        pagu_dpa,
        kode_sasaran: kode_sasaran.into(),
    }
}

fn contoh_workbook() -> Workbook {
    let t1 = "Meningkatnya kualitas perencanaan pembangunan daerah";
    let t2 = "Meningkatnya tata kelola pemerintahan yang akuntabel";
    let s11 = "Meningkatnya kualitas dokumen perencanaan";
    let s21 = "Meningkatnya akuntabilitas kinerja";
    let s22 = "Meningkatnya kualitas pengelolaan keuangan";
    let mut renstra = vec![
        indikator(
            "T1",
            t1,
            "S1.1",
            s11,
            "IK1.1.1",
            "Persentase dokumen perencanaan tepat waktu",
            "%",
            [
                angka(90.0),
                angka(92.5),
                angka(95.0),
                angka(97.5),
                angka(100.0),
            ],
        ),
        indikator(
            "T1",
            t1,
            "S1.1",
            s11,
            "IK1.1.2",
            "Indeks kualitas perencanaan",
            "indeks",
            [
                angka(0.65),
                angka(0.7),
                angka(0.75),
                angka(0.8),
                angka(0.85),
            ],
        ),
        indikator(
            "T2",
            t2,
            "S2.1",
            s21,
            "IK2.1.1",
            "Nilai SAKIP",
            "predikat",
            [teks("BB"), teks("BB"), teks("A"), teks("A"), teks("AA")],
        ),
        indikator(
            "T2",
            t2,
            "S2.1",
            s21,
            "IK2.1.2",
            "Jumlah dokumen kinerja",
            "dokumen",
            [
                angka(4.0),
                angka(4.0),
                angka(5.0),
                angka(5.0),
                angka(1234.0),
            ],
        ),
        indikator(
            "T2",
            t2,
            "S2.2",
            s22,
            "IK2.2.1",
            "Opini BPK",
            "opini",
            [
                teks("WTP"),
                teks("WTP"),
                teks("WTP"),
                teks("WTP"),
                teks("WTP"),
            ],
        ),
        indikator(
            "T2",
            t2,
            "S2.2",
            s22,
            "IK2.2.2",
            "Persentase temuan berulang",
            "%",
            [angka(5.0), angka(4.5), angka(4.0), angka(3.5), angka(3.0)],
        ),
    ];
    // Variety: a "turun" indicator, one without baseline, one with a gap year.
    renstra[5].naik_baik = false;
    renstra[2].kumulatif = true;
    renstra[4].baseline_tahun = None;
    renstra[4].baseline_nilai = String::new();
    renstra[3].targets.remove(1);

    let renja = vec![
        item(
            Tingkat::Program,
            "5.03.02",
            "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
            "Bidang Perencanaan 📊",
            vec![ind("Nilai SAKIP", "predikat", teks("BB"))],
            1_000_000_000_000,
            Some(999_999_999_999),
            "S2.1",
        ),
        item(
            Tingkat::Kegiatan,
            "5.03.02.2.01",
            "Perencanaan, Penganggaran, dan Evaluasi Kinerja 🚀✅",
            "Subbagian Perencanaan dan Keuangan",
            vec![
                ind("Persentase dokumen tepat waktu", "%", angka(100.0)),
                ind("Indeks kepuasan", "indeks", angka(0.65)),
            ],
            250_000_000,
            None,
            "S1.1",
        ),
        item(
            Tingkat::SubKegiatan,
            "5.03.02.2.01.0001",
            "تخطيط التنمية الإقليمية",
            "Subbagian Perencanaan dan Keuangan",
            vec![ind("Jumlah dokumen perencanaan", "dokumen", angka(3.0))],
            150_000_000,
            Some(145_500_000),
            "",
        ),
        item(
            Tingkat::SubKegiatan,
            "5.03.02.2.01.0002",
            "'; DROP TABLE x; --",
            "",
            vec![ind("Jumlah laporan evaluasi", "laporan", angka(12.0))],
            100_000_000,
            None,
            "",
        ),
        item(
            Tingkat::Kegiatan,
            "5.03.02.2.02",
            "Administrasi Keuangan Perangkat Daerah",
            "Subbagian Keuangan",
            vec![ind("Opini BPK", "opini", teks("WTP"))],
            0,
            Some(0),
            "S2.2",
        ),
        item(
            Tingkat::SubKegiatan,
            "5.03.02.2.02.0001",
            "Penyediaan Gaji dan Tunjangan ASN",
            "Subbagian Keuangan",
            vec![],
            987_654_321,
            None,
            "",
        ),
        item(
            Tingkat::Program,
            "X.XX.01",
            "Program Penunjang Urusan Pemerintahan Daerah",
            "Sekretariat",
            vec![ind("Persentase layanan administrasi", "%", angka(95.5))],
            2_000_000_000,
            None,
            "",
        ),
        item(
            Tingkat::Kegiatan,
            "X.XX.01.2.06",
            "Administrasi Umum Perangkat Daerah",
            "Subbagian Umum",
            vec![ind("Persentase layanan umum", "%", angka(90.0))],
            500_000_000,
            None,
            "",
        ),
        item(
            Tingkat::SubKegiatan,
            "X.XX.01.2.06.0001",
            "Penyediaan Komponen Instalasi Listrik",
            "Subbagian Umum",
            vec![ind("Jumlah paket", "paket", angka(2.0))],
            75_000_000,
            None,
            "",
        ),
        item(
            Tingkat::SubKegiatan,
            "X.XX.01.2.06.0002",
            "Penyediaan Peralatan dan Perlengkapan Kantor",
            "Subbagian Umum",
            vec![ind("Jumlah paket", "paket", angka(1.0))],
            50_000_000,
            None,
            "",
        ),
    ];
    Workbook { renstra, renja }
}

fn tanpa_baris(mut wb: Workbook) -> Workbook {
    wb.renstra.iter_mut().for_each(|r| r.baris = 0);
    wb.renja.iter_mut().for_each(|r| r.baris = 0);
    wb
}

fn nama_lembar(bytes: &[u8]) -> Vec<String> {
    use calamine::Reader;
    let xlsx: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("xlsx dapat dibuka");
    xlsx.sheet_names()
}

#[test]
fn tulis_lalu_baca_menghasilkan_data_yang_sama() {
    let asli = contoh_workbook();
    assert_eq!(asli.renstra.len(), 6);
    assert_eq!(asli.renja.len(), 10);
    let bytes = tulis_xlsx(&asli).expect("tulis");
    let dibaca = match baca_xlsx(&bytes) {
        Ok(wb) => wb,
        Err(m) => panic!(
            "masalah: {}",
            m.iter()
                .map(|m| m.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    assert_eq!(tanpa_baris(dibaca.clone()), asli);

    // Rows are numbered as in the sheet: data from row 2, one Renstra row per
    // indikator; in the Renja the 2nd indicator of the kegiatan takes row 4.
    let baris: Vec<u32> = dibaca.renstra.iter().map(|r| r.baris).collect();
    assert_eq!(baris, vec![2, 3, 4, 5, 6, 7]);
    let baris: Vec<u32> = dibaca.renja.iter().map(|r| r.baris).collect();
    assert_eq!(baris, vec![2, 3, 5, 6, 7, 8, 9, 10, 11, 12]);

    // Exact values survive: decimals without float noise, text targets, big pagu.
    assert_eq!(dibaca.renstra[1].targets[0], (2025, Target::Angka(0.65)));
    assert_eq!(
        dibaca.renstra[2].targets[0],
        (2025, Target::Teks("BB".into()))
    );
    assert_eq!(dibaca.renstra[3].targets.len(), 4);
    assert_eq!(dibaca.renja[0].pagu, 1_000_000_000_000);
    assert_eq!(dibaca.renja[3].nama, "'; DROP TABLE x; --");
    assert_eq!(dibaca.renja[2].nama, "تخطيط التنمية الإقليمية");

    let lembar = nama_lembar(&bytes);
    assert_eq!(lembar, vec!["Renstra", "Renja", "Petunjuk"]);
}

#[test]
fn renstra_target_columns_are_the_union_of_periods() {
    let mut wb = contoh_workbook();
    wb.renja.clear();
    let mut lain = wb.renstra[0].clone();
    lain.periode = (2030, 2034);
    lain.kode_indikator = "IK-B".into();
    lain.targets = vec![(2030, Target::Angka(1.0)), (2034, Target::Teks("A".into()))];
    wb.renstra.push(lain);
    let bytes = tulis_xlsx(&wb).unwrap();
    let dibaca = baca_xlsx(&bytes).unwrap();
    assert_eq!(tanpa_baris(dibaca), wb);

    use calamine::Reader;
    let mut xlsx: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(&bytes)).unwrap();
    let range = xlsx.worksheet_range("Renstra").unwrap();
    let judul: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let target: Vec<&str> = judul
        .iter()
        .filter(|j| j.starts_with("Target"))
        .map(|s| s.as_str())
        .collect();
    let harap: Vec<String> = (2025..=2034).map(|t| format!("Target {t}")).collect();
    assert_eq!(target, harap);
}

/// Writes a workbook cell by cell: (sheet, rows of cells), where a cell is
/// text, a number, or empty ("").
enum C {
    T(&'static str),
    N(f64),
}

fn tulis_mentah(lembar: &[(&str, Vec<Vec<C>>)]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (nama, rows) in lembar {
        let ws = wb.add_worksheet();
        ws.set_name(*nama).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    C::T("") => {}
                    C::T(s) => {
                        ws.write_string(r as u32, c as u16, *s).unwrap();
                    }
                    C::N(v) => {
                        ws.write_number(r as u32, c as u16, *v).unwrap();
                    }
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn judul_renstra() -> Vec<C> {
    [
        "Periode",
        "Kode Tujuan",
        "Tujuan",
        "Kode Sasaran",
        "Sasaran",
        "Kode Indikator",
        "Indikator",
        "Satuan",
        "Tahun Baseline",
        "Nilai Baseline",
        "Target 2025",
        "Target 2026",
        "Target 2030",
        "Definisi Operasional",
        "Formula",
        "Sumber Data",
        "Arah",
        "Penanggung Jawab",
    ]
    .into_iter()
    .map(C::T)
    .collect()
}

#[test]
fn workbook_rusak_melaporkan_semua_masalah_sekaligus() {
    use C::{N, T};
    let renstra = vec![
        judul_renstra(),
        // Row 2: fine.
        vec![
            T("2025-2029"),
            T("T1"),
            T("Tujuan A"),
            T("S1"),
            T("Sasaran A"),
            T("IK1"),
            T("Indikator A"),
            T("%"),
            N(2024.0),
            T("80"),
            N(90.0),
            T("92,5"),
            T(""),
            T(""),
            T(""),
            T(""),
            T("naik"),
            T("Sekretariat"),
        ],
        // Row 3: bad periode (C? no: A3), missing Satuan (H3), Arah unknown (Q3).
        vec![
            T("2025/2029"),
            T("T1"),
            T("Tujuan A"),
            T("S1"),
            T("Sasaran A"),
            T("IK2"),
            T("Indikator B"),
            T(""),
            T("dua ribu"),
            T(""),
            T("WTP"),
            T(""),
            T(""),
            T(""),
            T(""),
            T(""),
            T("menurun"),
        ],
        // Row 4: target in 2030, outside 2025-2029 (M4); duplicate Kode Indikator (F4).
        vec![
            T("2025-2029"),
            T("T1"),
            T("Tujuan A"),
            T("S1"),
            T("Sasaran A"),
            T("IK1"),
            T("Indikator C"),
            T("dokumen"),
            T(""),
            T(""),
            N(1.0),
            T("1,2,3"),
            N(3.0),
        ],
    ];
    let renja = vec![
        vec![
            T("Tahun"),
            T("Tingkat"),
            T("Kode"),
            T("Nama"),
            T("Unit Pelaksana"),
            T("Indikator"),
            T("Satuan"),
            T("Target"),
            T("Pagu (Rp)"),
            T("Pagu DPA (Rp)"),
            T("Kode Sasaran Renstra"),
            T("Keterangan"), // L1: unknown header
        ],
        // Row 2: fine program.
        vec![
            N(2026.0),
            T("Program"),
            T("5.03.02"),
            T("Program A"),
            T(""),
            T("Indikator P"),
            T("%"),
            N(100.0),
            T("Rp 1.000.000"),
        ],
        // Row 3: bad kode shape (C3), negative pagu (I3).
        vec![
            N(2026.0),
            T("Program"),
            T("5.3.2"),
            T("Program B"),
            T(""),
            T(""),
            T(""),
            T(""),
            N(-5.0),
        ],
        // Row 4: text pagu (I4), kegiatan without program (C4), indicator without target (H4).
        vec![
            N(2026.0),
            T("Kegiatan"),
            T("5.03.09.2.01"),
            T("Kegiatan C"),
            T(""),
            T("Indikator K"),
            T("%"),
            T(""),
            T("banyak"),
        ],
        // Row 5: unknown tingkat (B5), missing Nama (D5), fractional pagu DPA (J5).
        vec![
            N(2026.0),
            T("Subkeg"),
            T("5.03.02.2.01.0001"),
            T(""),
            T(""),
            T(""),
            T(""),
            T(""),
            N(10.0),
            T("1.500,50"),
        ],
        // Row 6: duplicate of row 2 (C6).
        vec![
            N(2026.0),
            T("Program"),
            T("5.03.02"),
            T("Program A lagi"),
            T(""),
            T(""),
            T(""),
            T(""),
            N(0.0),
        ],
        // Row 7: continuation row of row 2 — fine.
        vec![
            N(2026.0),
            T(""),
            T("5.03.02"),
            T(""),
            T(""),
            T("Indikator P2"),
            T("dokumen"),
            T("3"),
        ],
        // Row 8: continuation of an item that does not exist (B8, D8).
        vec![
            N(2026.0),
            T(""),
            T("5.03.07"),
            T(""),
            T(""),
            T("Indikator X"),
            T("dokumen"),
            T("3"),
        ],
    ];
    let bytes = tulis_mentah(&[("Renstra", renstra), ("Renja", renja), ("Lain", vec![])]);
    let masalah = baca_xlsx(&bytes).expect_err("harus ada masalah");
    let teks: Vec<String> = masalah.iter().map(|m| m.to_string()).collect();
    let harap = [
        "Renstra!A3: Periode '2025/2029' tidak sah: tulis tahun awal-tahun akhir, misalnya 2025-2029 (paling lama 10 tahun, tahun 2000–2100)",
        "Renstra!H3: Satuan wajib diisi",
        "Renstra!I3: Tahun Baseline 'dua ribu' bukan tahun 1900–2100 (contoh: 2025)",
        "Renstra!Q3: Arah 'menurun' tidak dikenal: isi naik atau turun",
        "Renstra!F4: Kode Indikator 'IK1' sudah dipakai pada periode 2025-2029 (baris 2)",
        "Renstra!L4: Target 2026 '1,2,3' bukan angka yang sah",
        "Renstra!M4: Target 2030 di luar periode 2025-2029; kosongkan sel ini",
        "Renja!L1: judul kolom 'Keterangan' tidak dikenal",
        "Renja!C3: kode '5.3.2' tidak sesuai pola Permendagri 90/2019 (contoh: 5.03.02)",
        "Renja!I3: Pagu (Rp) tidak boleh negatif",
        "Renja!C4: Kegiatan 5.03.09.2.01 tidak punya induk: Program 5.03.09 tidak ada pada tahun 2026",
        "Renja!H4: Target wajib diisi bila Indikator diisi",
        "Renja!I4: Pagu (Rp) 'banyak' bukan angka Rupiah (contoh: 1.234.567 atau Rp 1.234.567)",
        "Renja!B5: Tingkat 'Subkeg' tidak dikenal: isi Program, Kegiatan, atau Sub Kegiatan",
        "Renja!D5: Nama wajib diisi",
        "Renja!J5: Pagu DPA (Rp) harus Rupiah bulat tanpa sen",
        "Renja!C6: Kode '5.03.02' tahun 2026 sudah ada di baris 2",
        "Renja!B8: Tingkat wajib diisi (baris lanjutan indikator harus mengikuti baris utama dengan Tahun 2026 dan Kode '5.03.07', tetapi baris itu tidak ada)",
        "Renja!D8: Nama wajib diisi",
    ];
    assert_eq!(teks, harap, "\n{}", teks.join("\n"));

    // The fields are addressable, not only the text.
    let m = masalah.iter().find(|m| m.pesan.contains("5.3.2")).unwrap();
    assert_eq!(
        (m.lembar.as_str(), m.baris, m.kolom.as_str()),
        ("Renja", 3, "C")
    );
}

#[test]
fn judul_wajib_yang_hilang_dan_periode_salah() {
    use C::{N, T};
    // Renstra without "Satuan", with a duplicate header and data under no header.
    let renstra = vec![
        vec![
            T("periode"), // case/space-insensitive
            T("TUJUAN"),
            T("Sasaran"),
            T("Indikator"),
            T("Target 2025"),
            T("Tujuan"),
        ],
        vec![
            T("2025-2040"),
            T("Tujuan A"),
            T("Sasaran A"),
            T("Indikator A"),
            N(5.0),
            T(""),
            T("catatan"),
        ],
    ];
    let bytes = tulis_mentah(&[("Renstra", renstra)]);
    let teks: Vec<String> = baca_xlsx(&bytes)
        .unwrap_err()
        .iter()
        .map(|m| m.to_string())
        .collect();
    assert_eq!(
        teks,
        [
            "Renstra baris 1: kolom wajib 'Satuan' tidak ada pada baris judul",
            "Renstra!F1: judul kolom 'Tujuan' ganda (sudah ada di kolom B)",
            "Renstra!A2: Periode '2025-2040' tidak sah: tulis tahun awal-tahun akhir, misalnya 2025-2029 (paling lama 10 tahun, tahun 2000–2100)",
            "Renstra!G2: sel berisi data tetapi kolomnya tidak berjudul",
        ],
        "\n{}",
        teks.join("\n")
    );
}

#[test]
fn pagu_dan_target_dari_teks_indonesia() {
    use C::{N, T};
    let judul = || {
        [
            "Tahun",
            "Tingkat",
            "Kode",
            "Nama",
            "Indikator",
            "Satuan",
            "Target",
            "Pagu (Rp)",
            "Pagu DPA (Rp)",
        ]
        .into_iter()
        .map(T)
        .collect::<Vec<_>>()
    };
    let renja = vec![
        judul(),
        vec![
            N(2026.0),
            T("program"),
            T("5.03.02"),
            T("A"),
            T("I"),
            T("%"),
            T("95,5"),
            T("Rp 1.234.567"),
            T("Rp1.234.567,-"),
        ],
        vec![
            T("2026"),
            T("KEGIATAN"),
            T("5.03.02.2.01"),
            T("B"),
            T("I"),
            T("%"),
            N(0.1 + 0.2),
            T("1.234.567,00"),
            N(5e8),
        ],
        vec![
            N(2026.0),
            T("sub kegiatan"),
            T("5.03.02.2.01.0001"),
            T("C"),
            T("I"),
            T(""),
            T("BB"),
            T("1234567"),
        ],
    ];
    let wb = baca_xlsx(&tulis_mentah(&[("Renja", renja)])).expect("sah");
    assert!(wb.renstra.is_empty());
    let r = &wb.renja;
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].pagu, 1_234_567);
    assert_eq!(r[0].pagu_dpa, Some(1_234_567));
    assert_eq!(r[0].indikator[0].target, Target::Angka(95.5));
    assert_eq!(r[1].tingkat, Tingkat::Kegiatan);
    assert_eq!(r[1].pagu, 1_234_567);
    assert_eq!(r[1].pagu_dpa, Some(500_000_000));
    assert_eq!(r[1].indikator[0].target, Target::Angka(0.3));
    assert_eq!(r[2].tingkat, Tingkat::SubKegiatan);
    assert_eq!(r[2].pagu, 1_234_567);
    assert_eq!(r[2].pagu_dpa, None);
    assert_eq!(r[2].indikator[0].target, Target::Teks("BB".into()));
}

#[test]
fn bukan_lembar_kerja_satu_pesan_jelas() {
    let pesan = "Berkas bukan lembar kerja Excel (.xlsx) yang dapat dibaca";
    let mut acak = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        acak.push((x >> 16) as u8);
    }
    // A zip with one text file: a zip, but not a workbook.
    let zip_bukan_xlsx = {
        let mut ws = rust_xlsxwriter::Workbook::new();
        ws.add_worksheet();
        let xlsx = ws.save_to_buffer().unwrap();
        // Corrupt the name of the workbook part so the zip stays valid but
        // holds no xl/workbook.xml.
        let mut b = xlsx.clone();
        let cari = b"xl/workbook.xml";
        let mut i = 0;
        while i + cari.len() <= b.len() {
            if &b[i..i + cari.len()] == cari {
                b[i..i + cari.len()].copy_from_slice(b"xl/workbook.xmm");
            }
            i += 1;
        }
        b
    };
    let kasus: Vec<(&str, Vec<u8>)> = vec![
        ("acak", acak),
        ("kosong", Vec::new()),
        (
            "pdf",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n".to_vec(),
        ),
        ("zip bukan xlsx", zip_bukan_xlsx),
        (
            "zip kosong",
            b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec(),
        ),
        ("ole2 (.xls)", {
            let mut v = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
            v.resize(1024, 0);
            v
        }),
    ];
    for (nama, bytes) in kasus {
        let m = baca_xlsx(&bytes).expect_err(nama);
        assert_eq!(m.len(), 1, "{nama}: {m:?}");
        assert_eq!(m[0].to_string(), pesan, "{nama}");
        assert_eq!(
            (m[0].baris, m[0].kolom.as_str(), m[0].lembar.as_str()),
            (0, "", "")
        );
    }
}

#[test]
fn potongan_dan_byte_rusak_tidak_membuat_panik() {
    let bytes = tulis_xlsx(&contoh_workbook()).unwrap();
    // Every truncation on a coarse grid and a few flipped bytes: no panic.
    for n in (0..bytes.len()).step_by(97) {
        let _ = baca_xlsx(&bytes[..n]);
    }
    for i in (0..bytes.len()).step_by(131) {
        let mut b = bytes.clone();
        b[i] ^= 0x5A;
        let _ = baca_xlsx(&b);
    }
}

#[test]
fn workbook_tanpa_lembar_yang_dikenal() {
    let bytes = tulis_mentah(&[("Sheet1", vec![vec![C::T("a")]]), ("Data", vec![])]);
    let m = baca_xlsx(&bytes).unwrap_err();
    assert_eq!(m.len(), 1);
    assert_eq!(
        m[0].to_string(),
        "Lembar 'Renstra' atau 'Renja' tidak ditemukan (lembar yang ada: 'Sheet1', 'Data')"
    );
}

#[test]
fn templat_terbaca_kosong_dan_punya_petunjuk() {
    let bytes = templat_xlsx((2025, 2029), 2026).expect("templat");
    assert_eq!(baca_xlsx(&bytes), Ok(Workbook::default()));
    let lembar = nama_lembar(&bytes);
    assert!(lembar.iter().any(|s| s == "Petunjuk"), "{lembar:?}");
    assert!(lembar.iter().any(|s| s == "Renstra"));
    assert!(lembar.iter().any(|s| s == "Renja"));

    use calamine::Reader;
    let mut xlsx: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(&bytes)).unwrap();
    let renstra = xlsx.worksheet_range("Renstra").unwrap();
    assert_eq!(renstra.height(), 1, "hanya baris judul");
    let judul: Vec<String> = renstra
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    for t in 2025..=2029 {
        assert!(judul.contains(&format!("Target {t}")), "{judul:?}");
    }
    assert_eq!(xlsx.worksheet_range("Renja").unwrap().height(), 1);
    let petunjuk = xlsx.worksheet_range("Petunjuk").unwrap();
    let semua: String = petunjuk
        .cells()
        .map(|(_, _, c)| c.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(semua.contains("Kode Indikator"));
    assert!(semua.contains("5.03.02.2.01.0001"));
    assert!(semua.contains("Baris lanjutan indikator"));

    assert!(templat_xlsx((2025, 2040), 2026).is_err());
    assert!(templat_xlsx((2025, 2029), 1999).is_err());
}

#[test]
fn kolom_huruf_seperti_excel() {
    assert_eq!(kolom_huruf(0), "A");
    assert_eq!(kolom_huruf(2), "C");
    assert_eq!(kolom_huruf(25), "Z");
    assert_eq!(kolom_huruf(26), "AA");
    assert_eq!(kolom_huruf(27), "AB");
    assert_eq!(kolom_huruf(51), "AZ");
    assert_eq!(kolom_huruf(52), "BA");
    assert_eq!(kolom_huruf(701), "ZZ");
    assert_eq!(kolom_huruf(702), "AAA");
    assert_eq!(kolom_huruf(16_383), "XFD");
}

#[test]
fn tingkat_dan_kode() {
    assert_eq!(Tingkat::SubKegiatan.label(), "Sub Kegiatan");
    assert_eq!(Tingkat::SubKegiatan.kode(), "sub_kegiatan");
    assert_eq!(Tingkat::Program.label(), "Program");
    assert_eq!(Tingkat::Kegiatan.kode(), "kegiatan");
    let m = Masalah {
        lembar: "Renja".into(),
        baris: 7,
        kolom: "C".into(),
        pesan: "kode '5.3.2' tidak sesuai pola Permendagri 90/2019 (contoh: 5.03.02)".into(),
    };
    assert_eq!(
        m.to_string(),
        "Renja!C7: kode '5.3.2' tidak sesuai pola Permendagri 90/2019 (contoh: 5.03.02)"
    );
}

/// A small deterministic generator (no extra dev-dependency).
struct Acak(u64);

impl Acak {
    fn n(&mut self, batas: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % batas.max(1)
    }

    fn teks(&mut self, maks: usize) -> String {
        const POOL: &[&str] = &[
            "a", "Z", "9", " ", "é", "ñ", "😀", "🇮🇩", "ع", "ب", "م", "漢", "<", ">", "&", "\"",
            "'", ";", "--", "%", "_x0041_", "=", "+", "-", "@", "\t", "\\", "/", "*", ".",
        ];
        let len = 1 + self.n(maks);
        let mut s: String = (0..len).map(|_| POOL[self.n(POOL.len())]).collect();
        s = s.trim().to_string();
        if s.is_empty() {
            s.push('x');
        }
        s
    }

    fn target(&mut self) -> Target {
        match self.n(4) {
            0 => Target::Angka(self.n(100_000) as f64 / 100.0),
            1 => Target::Angka(self.n(1_000_000) as f64),
            2 => Target::Teks(["WTP", "BB", "A", "AA", "Baik"][self.n(5)].to_string()),
            _ => Target::Angka(-(self.n(1000) as f64) / 10.0),
        }
    }
}

#[test]
fn data_acak_bolak_balik_tanpa_berubah() {
    let mut g = Acak(7);
    for putaran in 0..25 {
        let mut wb = Workbook::default();
        let awal = 2020 + g.n(10) as i32;
        for i in 0..g.n(6) {
            let mut r = RenstraRow {
                periode: (awal, awal + g.n(10) as i32),
                kode_tujuan: g.teks(5),
                tujuan: g.teks(40),
                kode_sasaran: format!("S{i}"),
                sasaran: g.teks(40),
                kode_indikator: format!("IK{i}"),
                indikator: g.teks(80),
                satuan: g.teks(5),
                baseline_tahun: [None, Some(2019)][g.n(2)],
                baseline_nilai: if g.n(2) == 0 {
                    String::new()
                } else {
                    g.teks(8)
                },
                naik_baik: g.n(2) == 0,
                ..RenstraRow::default()
            };
            r.tujuan = format!("{}-{}", r.kode_tujuan, r.tujuan);
            // One tujuan per kode tujuan: make each kode unique to the row.
            r.kode_tujuan = format!("T{i}");
            for t in r.periode.0..=r.periode.1 {
                if g.n(3) > 0 {
                    r.targets.push((t, g.target()));
                }
            }
            wb.renstra.push(r);
        }
        let tahun = 2026;
        for p in 0..g.n(3) {
            let kode_p = format!("{}.{:02}.{:02}", 1 + g.n(8), g.n(30), p);
            let mut program = RenjaRow {
                tahun,
                tingkat: Tingkat::Program,
                kode: kode_p.clone(),
                nama: g.teks(60),
                pagu: g.n(1_000_000_000) as i64 * 1000,
                ..RenjaRow::default()
            };
            for _ in 0..g.n(3) {
                program.indikator.push(RenjaIndikatorRow {
                    nama: g.teks(30),
                    satuan: if g.n(2) == 0 {
                        String::new()
                    } else {
                        g.teks(4)
                    },
                    target: g.target(),
                });
            }
            wb.renja.push(program);
            for k in 0..g.n(3) {
                let kode_k = format!("{kode_p}.{}.{:02}", 1 + g.n(2), k + 1);
                wb.renja.push(RenjaRow {
                    tahun,
                    tingkat: Tingkat::Kegiatan,
                    kode: kode_k.clone(),
                    nama: g.teks(60),
                    unit: g.teks(20),
                    pagu_dpa: [None, Some(g.n(1000) as i64)][g.n(2)],
                    ..RenjaRow::default()
                });
                for s in 0..g.n(3) {
                    wb.renja.push(RenjaRow {
                        tahun,
                        tingkat: Tingkat::SubKegiatan,
                        kode: format!("{kode_k}.{:04}", s + 1),
                        nama: g.teks(60),
                        kode_sasaran: g.teks(6),
                        indikator: vec![RenjaIndikatorRow {
                            nama: g.teks(30),
                            satuan: g.teks(4),
                            target: g.target(),
                        }],
                        ..RenjaRow::default()
                    });
                }
            }
        }
        let bytes = tulis_xlsx(&wb).unwrap();
        match baca_xlsx(&bytes) {
            Ok(dibaca) => assert_eq!(tanpa_baris(dibaca), wb, "putaran {putaran}"),
            Err(m) => panic!("putaran {putaran}: {m:#?}"),
        }
    }
}

#[test]
fn sel_acak_tidak_membuat_panik() {
    let mut g = Acak(99);
    let judul_renja = [
        "Tahun",
        "Tingkat",
        "Kode",
        "Nama",
        "Unit Pelaksana",
        "Indikator",
        "Satuan",
        "Target",
        "Pagu (Rp)",
        "Pagu DPA (Rp)",
        "Kode Sasaran Renstra",
        "Target 2026",
        "Periode",
        "Arah",
    ];
    let judul_renstra = [
        "Periode",
        "Tujuan",
        "Sasaran",
        "Indikator",
        "Satuan",
        "Target 2025",
        "Target 2026",
        "Target 1999",
        "Tahun Baseline",
        "Nilai Baseline",
        "Arah",
        "Kode Indikator",
        "Kode Tujuan",
        "Kode Sasaran",
    ];
    let nilai = [
        "",
        "2025-2029",
        "2026",
        "Program",
        "Kegiatan",
        "Sub Kegiatan",
        "5.03.02",
        "5.03.02.2.01",
        "5.03.02.2.01.0001",
        "Rp 1.000",
        "-1",
        "1,5",
        "banyak",
        "WTP",
        "naik",
        "turun",
        "1.2.3",
        "99999999999999999999",
        "Rp",
        ",-",
        "-,-",
        "0,00",
        ".",
        "X.XX.01",
    ];
    for _ in 0..150 {
        let mut wb = rust_xlsxwriter::Workbook::new();
        for (nama, judul) in [("Renstra", &judul_renstra), ("renja", &judul_renja)] {
            let ws = wb.add_worksheet();
            ws.set_name(nama).unwrap();
            for c in 0..g.n(judul.len() + 2) {
                let j = judul.get(g.n(judul.len() + 1)).copied().unwrap_or("??");
                ws.write_string(0, c as u16, j).unwrap();
            }
            for _ in 0..g.n(40) {
                let r = 1 + g.n(12) as u32;
                let c = g.n(16) as u16;
                match g.n(5) {
                    0 => ws.write_number(r, c, (g.n(3_000_000) as f64 - 1e6) / 7.0),
                    1 => ws.write_number(r, c, 2020.0 + g.n(12) as f64),
                    2 => ws.write_boolean(r, c, g.n(2) == 0),
                    3 => ws.write_string(r, c, g.teks(20)),
                    _ => ws.write_string(r, c, nilai[g.n(nilai.len())]),
                }
                .unwrap();
            }
        }
        let bytes = wb.save_to_buffer().unwrap();
        let hasil = baca_xlsx(&bytes);
        if let Err(m) = &hasil {
            // Problems are sorted and point at a real place.
            assert!(!m.is_empty());
            assert!(m.iter().all(|m| !m.pesan.is_empty()));
        }
    }
}
