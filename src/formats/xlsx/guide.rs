//! The "Petunjuk" sheet: how to fill in the workbook.

use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use super::columns::{
    KolRenja, KolRenstra, RENJA_KOLOM, RENSTRA_AKHIR, RENSTRA_AWAL, RENSTRA_TARGET_KET,
};
use super::write::Gaya;
use super::{LEMBAR_RENJA, LEMBAR_RENSTRA};

/// Column widths of the Petunjuk sheet (in characters) and the text each
/// holds per line, used to size wrapped rows.
const PETUNJUK_LEBAR: [(f64, usize); 4] = [(24.0, 24), (20.0, 20), (80.0, 88), (45.0, 50)];

/// Writes lines and four-column tables down the Petunjuk sheet.
struct Penulis<'a> {
    lembar: &'a mut Worksheet,
    gaya: &'a Gaya,
    wrap: Format,
    r: u32,
}

impl Penulis<'_> {
    fn baris(&mut self, teks: &str, f: Option<&Format>) -> Result<(), XlsxError> {
        match f {
            Some(f) => self.lembar.write_string_with_format(self.r, 0, teks, f)?,
            None => self.lembar.write_string(self.r, 0, teks)?,
        };
        self.r += 1;
        Ok(())
    }

    fn jarak(&mut self) {
        self.r += 1;
    }

    fn judul(&mut self, teks: &str) -> Result<(), XlsxError> {
        self.jarak();
        let f = self.gaya.subjudul.clone();
        self.baris(teks, Some(&f))
    }

    fn tabel(&mut self, judul: [&str; 4], isi: &[[String; 4]]) -> Result<(), XlsxError> {
        for (c, j) in (0u16..).zip(judul) {
            self.lembar
                .write_string_with_format(self.r, c, j, &self.gaya.judul)?;
        }
        self.r += 1;
        for sel in isi {
            let mut tinggi = 1;
            for ((c, teks), (_, per_baris)) in (0u16..).zip(sel).zip(PETUNJUK_LEBAR) {
                self.lembar
                    .write_string_with_format(self.r, c, teks, &self.wrap)?;
                tinggi = tinggi.max(teks.chars().count().div_ceil(per_baris));
            }
            if tinggi > 1 {
                self.lembar.set_row_height(self.r, 15.0 * tinggi as f64)?;
            }
            self.r += 1;
        }
        Ok(())
    }
}

/// Header of the tables that describe the columns of a sheet.
const KOLOM: [&str; 4] = ["Kolom", "Wajib", "Keterangan", "Contoh"];

pub(super) fn tulis_petunjuk(
    lembar: &mut Worksheet,
    gaya: &Gaya,
    periode: (i32, i32),
    tahun: i32,
) -> Result<(), XlsxError> {
    for (c, (lebar, _)) in (0u16..).zip(PETUNJUK_LEBAR) {
        lembar.set_column_width(c, lebar)?;
    }
    lembar.set_landscape();
    lembar.set_print_fit_to_pages(1, 0);
    let mut p = Penulis {
        lembar,
        gaya,
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        r: 0,
    };
    p.baris(
        "Petunjuk Pengisian Renstra dan Renja",
        Some(&gaya.judul_besar),
    )?;
    umum(&mut p)?;
    kolom_renstra(&mut p, periode)?;
    kolom_renja(&mut p, tahun)?;
    aturan(&mut p)?;
    contoh_renstra(&mut p, periode)?;
    p.jarak();
    contoh_renja(&mut p, tahun)
}

/// General rules of the workbook.
fn umum(p: &mut Penulis) -> Result<(), XlsxError> {
    p.judul("Umum")?;
    for t in [
        "Berkas ini dibaca oleh aplikasi perkin untuk mengimpor Renstra dan Renja. Lembar Petunjuk ini tidak dibaca.".to_string(),
        format!("Isi data pada lembar \"{LEMBAR_RENSTRA}\" dan/atau \"{LEMBAR_RENJA}\" mulai baris 2. Salah satu lembar boleh dihapus bila hanya satu yang diimpor."),
        "Baris 1 adalah judul kolom: jangan ubah teksnya. Urutan kolom boleh diubah; huruf besar/kecil dan spasi pada judul diabaikan.".to_string(),
        "Kolom yang tidak dikenal, kolom wajib yang hilang, atau data di kolom tanpa judul adalah kesalahan.".to_string(),
        "Baris yang seluruhnya kosong dilewati. Teks paling banyak 1.000 karakter per sel; spasi di awal dan akhir teks dibuang.".to_string(),
        "Angka boleh diketik sebagai angka Excel atau sebagai teks berformat Indonesia: 95,5 · 1.234 · 1.234,5.".to_string(),
        "Saat impor semua kesalahan dilaporkan sekaligus beserta alamat selnya, misalnya Renja!C7. Bila ada kesalahan, tidak ada data yang diimpor.".to_string(),
    ] {
        p.baris(&format!("• {t}"), None)?;
    }
    Ok(())
}

/// The columns of the Renstra sheet, with examples in `periode`.
fn kolom_renstra(p: &mut Penulis, (a, b): (i32, i32)) -> Result<(), XlsxError> {
    let baseline = a.saturating_sub(1);
    p.judul(&format!(
        "Lembar \"{LEMBAR_RENSTRA}\": satu baris per indikator kinerja"
    ))?;
    let mut isi: Vec<[String; 4]> = RENSTRA_AWAL
        .iter()
        .map(|d| {
            let contoh = match d.kol {
                KolRenstra::Periode => format!("{a}-{b}"),
                KolRenstra::TahunBaseline => baseline.to_string(),
                _ => d.contoh.to_string(),
            };
            [d.judul.into(), d.wajib.into(), d.ket.into(), contoh]
        })
        .collect();
    isi.push([
        format!("Target {a} … Target {b}"),
        "Tidak".into(),
        RENSTRA_TARGET_KET.into(),
        format!("Target {a}: BB; Target {b}: A"),
    ]);
    isi.extend(RENSTRA_AKHIR.iter().map(|d| {
        [
            d.judul.into(),
            d.wajib.into(),
            d.ket.into(),
            d.contoh.into(),
        ]
    }));
    p.tabel(KOLOM, &isi)?;
    Ok(())
}

/// The columns of the Renja sheet, with examples in year `tahun`.
fn kolom_renja(p: &mut Penulis, tahun: i32) -> Result<(), XlsxError> {
    p.judul(&format!(
        "Lembar \"{LEMBAR_RENJA}\": satu baris per program, kegiatan, atau sub kegiatan"
    ))?;
    let isi: Vec<[String; 4]> = RENJA_KOLOM
        .iter()
        .map(|d| {
            let contoh = match d.kol {
                KolRenja::Tahun => tahun.to_string(),
                _ => d.contoh.to_string(),
            };
            [d.judul.into(), d.wajib.into(), d.ket.into(), contoh]
        })
        .collect();
    p.tabel(KOLOM, &isi)?;
    Ok(())
}

/// The rules of kodes, continuation rows and pagu.
fn aturan(p: &mut Penulis) -> Result<(), XlsxError> {
    p.judul("Aturan kode (nomenklatur Permendagri 90/2019)")?;
    for t in [
        "• Program: urusan.bidang.program, misalnya 5.03.02. Urusan dan bidang boleh ditulis X (X.XX.01) untuk program penunjang.",
        "• Kegiatan: kode program + .d.dd, misalnya 5.03.02.2.01. Program induknya harus ada pada tahun yang sama.",
        "• Sub Kegiatan: kode kegiatan + .dddd, misalnya 5.03.02.2.01.0001. Kegiatan induknya harus ada pada tahun yang sama.",
        "• Tahun + Kode tidak boleh berulang, kecuali pada baris lanjutan indikator.",
        "• Ketik kode sebagai teks (kolom kode sudah berformat teks) agar 5.03.10 tidak berubah menjadi angka.",
    ] {
        p.baris(t, None)?;
    }
    p.judul("Baris lanjutan indikator (lembar Renja)")?;
    for t in [
        "• Item dengan lebih dari satu indikator ditulis pada beberapa baris berturut-turut.",
        "• Baris pertama berisi semua kolom dan indikator pertama.",
        "• Baris berikutnya hanya berisi Tahun, Kode, Indikator, Satuan, dan Target; Tingkat, Nama, dan Pagu dikosongkan.",
    ] {
        p.baris(t, None)?;
    }
    p.judul("Pagu")?;
    p.baris(
        "• Rupiah bulat tanpa sen dan tidak negatif: angka (1234567) atau teks (Rp 1.234.567 atau 1.234.567,00). Kosong berarti 0.",
        None,
    )?;
    Ok(())
}

/// Two example Renstra rows in `periode`.
fn contoh_renstra(p: &mut Penulis, (a, b): (i32, i32)) -> Result<(), XlsxError> {
    let baseline = a.saturating_sub(1);
    p.judul("Contoh isian (hanya contoh; contoh di lembar Petunjuk tidak ikut diimpor)")?;
    let isi: Vec<[String; 4]> = vec![
        [
            "2".into(),
            format!("{a}-{b}"),
            format!(
                "T1 Meningkatnya kualitas perencanaan dan akuntabilitas kinerja · S1.1 Meningkatnya \
                 akuntabilitas kinerja Badan · IK1.1.1 Nilai SAKIP Badan · predikat · baseline {baseline}: B · \
                 Target {a}: BB … Target {b}: A · naik · Sekretariat"
            ),
            "Tujuan dan sasaran ditulis lengkap pada setiap baris indikator.".into(),
        ],
        [
            "3".into(),
            format!("{a}-{b}"),
            format!(
                "T1 (tujuan yang sama) · S1.1 (sasaran yang sama) · IK1.1.2 Persentase rekomendasi LHP \
                 yang ditindaklanjuti · % · baseline {baseline}: 80,5 · Target {a}: 85 … Target {b}: 100 · naik"
            ),
            "Indikator kedua dari sasaran yang sama.".into(),
        ],
    ];
    p.tabel(
        ["Baris Renstra", "Periode", "Isi kolom lainnya", "Catatan"],
        &isi,
    )?;
    Ok(())
}

/// Four example Renja rows of year `tahun`.
fn contoh_renja(p: &mut Penulis, tahun: i32) -> Result<(), XlsxError> {
    let isi: Vec<[String; 4]> = vec![
        [
            format!("2 · {tahun}"),
            "Program".into(),
            "5.03.02 · Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah · \
             Nilai SAKIP · predikat · BB · Pagu 1.500.000.000 · Kode Sasaran Renstra S1.1"
                .into(),
            "Baris utama program.".into(),
        ],
        [
            format!("3 · {tahun}"),
            "Kegiatan".into(),
            "5.03.02.2.01 · Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah · \
             Persentase dokumen tepat waktu · % · 100 · Pagu 250.000.000"
                .into(),
            "Induknya program 5.03.02 (baris 2).".into(),
        ],
        [
            format!("4 · {tahun}"),
            "Sub Kegiatan".into(),
            "5.03.02.2.01.0001 · Penyusunan Dokumen Perencanaan Perangkat Daerah · \
             Jumlah dokumen perencanaan · dokumen · 3 · Pagu 150.000.000"
                .into(),
            "Induknya kegiatan 5.03.02.2.01 (baris 3).".into(),
        ],
        [
            format!("5 · {tahun}"),
            "(kosong)".into(),
            "5.03.02.2.01.0001 · Nama kosong · Jumlah dokumen evaluasi · dokumen · 4 · Pagu kosong"
                .into(),
            "Baris lanjutan: indikator kedua sub kegiatan baris 4.".into(),
        ],
    ];
    p.tabel(
        [
            "Baris Renja · Tahun",
            "Tingkat",
            "Kode · Nama · Indikator · Satuan · Target · Pagu",
            "Catatan",
        ],
        &isi,
    )?;
    Ok(())
}
