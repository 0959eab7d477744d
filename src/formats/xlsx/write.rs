//! Writing the workbook: the "Renstra" and "Renja" sheets and the empty template.

use std::collections::BTreeSet;

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatAlign,
    FormatBorder, Workbook as XlsxWorkbook, Worksheet, XlsxError,
};

use crate::model::plan::Target;

use super::columns::{
    KolRenja, KolRenstra, RENJA_KOLOM, RENSTRA_AKHIR, RENSTRA_AWAL, judul_target,
};
use super::guide::tulis_petunjuk;
use super::{
    BARIS_VALIDASI, LEMBAR_PETUNJUK, LEMBAR_RENJA, LEMBAR_RENSTRA, RenjaIndikatorRow, RenjaRow,
    RenstraRow, Tingkat, Workbook, periode_sah,
};

/// Writes the workbook: "Renstra", "Renja" and "Petunjuk" sheets.
///
/// The Renstra target columns are the union of the years of the rows'
/// periods (and of any target year outside them, so nothing is lost).
pub fn tulis_xlsx(wb: &Workbook) -> Result<Vec<u8>, String> {
    let mut tahun: BTreeSet<i32> = BTreeSet::new();
    for r in &wb.renstra {
        let (a, b) = r.periode;
        if a <= b && b.saturating_sub(a) < 100 {
            tahun.extend(a..=b);
        }
        tahun.extend(r.targets.iter().map(|(t, _)| *t));
    }
    // Only for the examples in the Petunjuk sheet.
    let periode = wb
        .renstra
        .first()
        .map(|r| r.periode)
        .filter(|&p| periode_sah(p))
        .unwrap_or((2025, 2029));
    let tahun_renja = wb
        .renja
        .first()
        .map(|r| r.tahun)
        .filter(|t| (2000..=2100).contains(t))
        .unwrap_or(periode.0);
    tulis(
        wb,
        &tahun.into_iter().collect::<Vec<_>>(),
        periode,
        tahun_renja,
    )
}

/// An empty workbook to fill in: headers (with one target column per year
/// of `periode`), drop-down lists and the "Petunjuk" sheet. It has no data
/// rows: examples are only in the Petunjuk sheet, so none get imported.
pub fn templat_xlsx(periode: (i32, i32), tahun_renja: i32) -> Result<Vec<u8>, String> {
    let (a, b) = periode;
    if !periode_sah(periode) {
        return Err(format!(
            "Periode {a}-{b} tidak sah: paling lama 10 tahun, tahun 2000–2100"
        ));
    }
    if !(2000..=2100).contains(&tahun_renja) {
        return Err(format!("Tahun Renja {tahun_renja} tidak sah: 2000–2100"));
    }
    let tahun: Vec<i32> = (a..=b).collect();
    tulis(&Workbook::default(), &tahun, periode, tahun_renja)
}

fn galat_tulis(e: XlsxError) -> String {
    format!("Gagal menulis berkas Excel: {e}")
}

pub(super) struct Gaya {
    pub(super) judul: Format,
    pub(super) teks: Format,
    pub(super) pagu: Format,
    pub(super) tahun: Format,
    pub(super) judul_besar: Format,
    pub(super) subjudul: Format,
}

impl Gaya {
    fn baru() -> Gaya {
        Gaya {
            judul: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0x00DD_EBF7))
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            teks: Format::new().set_num_format("@"),
            pagu: Format::new().set_num_format("#,##0"),
            tahun: Format::new().set_num_format("0"),
            judul_besar: Format::new().set_bold().set_font_size(14),
            subjudul: Format::new().set_bold().set_font_size(12),
        }
    }
}

fn tulis(
    wb: &Workbook,
    tahun_target: &[i32],
    periode: (i32, i32),
    tahun_renja: i32,
) -> Result<Vec<u8>, String> {
    let gaya = Gaya::baru();
    let mut buku = XlsxWorkbook::new();

    let lembar = buku.add_worksheet();
    lembar.set_name(LEMBAR_RENSTRA).map_err(galat_tulis)?;
    tulis_renstra(lembar, &gaya, &wb.renstra, tahun_target).map_err(galat_tulis)?;

    let lembar = buku.add_worksheet();
    lembar.set_name(LEMBAR_RENJA).map_err(galat_tulis)?;
    tulis_renja(lembar, &gaya, &wb.renja, tahun_renja).map_err(galat_tulis)?;

    let lembar = buku.add_worksheet();
    lembar.set_name(LEMBAR_PETUNJUK).map_err(galat_tulis)?;
    tulis_petunjuk(lembar, &gaya, periode, tahun_renja).map_err(galat_tulis)?;

    buku.save_to_buffer().map_err(galat_tulis)
}

fn siapkan_kolom(
    lembar: &mut Worksheet,
    gaya: &Gaya,
    kolom: &[(String, f64, bool)],
) -> Result<(), XlsxError> {
    for (i, (judul, lebar, teks)) in kolom.iter().enumerate() {
        let c = u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)?;
        lembar.set_column_width(c, *lebar)?;
        if *teks {
            lembar.set_column_format(c, &gaya.teks)?;
        }
        lembar.write_string_with_format(0, c, judul, &gaya.judul)?;
    }
    lembar.set_row_height(0, 30)?;
    lembar.set_freeze_panes(1, 0)?;
    lembar.set_repeat_rows(0, 0)?;
    lembar.set_landscape();
    Ok(())
}

fn tulis_target(lembar: &mut Worksheet, r: u32, c: u16, t: &Target) -> Result<(), XlsxError> {
    match t {
        Target::Angka(v) if v.is_finite() => lembar.write_number(r, c, *v)?,
        Target::Angka(_) => {
            return Err(XlsxError::ParameterError(
                "target bukan angka terhingga".to_string(),
            ));
        }
        Target::Teks(s) => lembar.write_string(r, c, s)?,
    };
    Ok(())
}

fn tulis_renstra(
    lembar: &mut Worksheet,
    gaya: &Gaya,
    rows: &[RenstraRow],
    tahun_target: &[i32],
) -> Result<(), XlsxError> {
    let mut kolom: Vec<(KolRenstra, String, f64, bool)> = RENSTRA_AWAL
        .iter()
        .map(|d| (d.kol, d.judul.to_string(), d.lebar, d.teks))
        .collect();
    kolom.extend(
        tahun_target
            .iter()
            .map(|&t| (KolRenstra::Target(t), judul_target(t), 11.0, false)),
    );
    kolom.extend(
        RENSTRA_AKHIR
            .iter()
            .map(|d| (d.kol, d.judul.to_string(), d.lebar, d.teks)),
    );
    let tampil: Vec<(String, f64, bool)> = kolom
        .iter()
        .map(|(_, j, l, t)| (j.clone(), *l, *t))
        .collect();
    siapkan_kolom(lembar, gaya, &tampil)?;

    for (i, row) in rows.iter().enumerate() {
        let r = u32::try_from(i + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, (kol, _, _, _)) in kolom.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
            let teks = |s: &str| s.to_string();
            let isi = match kol {
                KolRenstra::Periode => teks(&format!("{}-{}", row.periode.0, row.periode.1)),
                KolRenstra::KodeTujuan => teks(&row.kode_tujuan),
                KolRenstra::Tujuan => teks(&row.tujuan),
                KolRenstra::KodeSasaran => teks(&row.kode_sasaran),
                KolRenstra::Sasaran => teks(&row.sasaran),
                KolRenstra::KodeIndikator => teks(&row.kode_indikator),
                KolRenstra::Indikator => teks(&row.indikator),
                KolRenstra::Satuan => teks(&row.satuan),
                KolRenstra::TahunBaseline => {
                    if let Some(t) = row.baseline_tahun {
                        lembar.write_number_with_format(r, c, f64::from(t), &gaya.tahun)?;
                    }
                    continue;
                }
                KolRenstra::NilaiBaseline => teks(&row.baseline_nilai),
                KolRenstra::Target(t) => {
                    if let Some((_, target)) = row.targets.iter().find(|(y, _)| y == t) {
                        tulis_target(lembar, r, c, target)?;
                    }
                    continue;
                }
                KolRenstra::Definisi => teks(&row.definisi),
                KolRenstra::Formula => teks(&row.formula),
                KolRenstra::SumberData => teks(&row.sumber_data),
                KolRenstra::Arah => teks(if row.naik_baik { "naik" } else { "turun" }),
                KolRenstra::Kumulatif => teks(if row.kumulatif { "ya" } else { "tidak" }),
                KolRenstra::PenanggungJawab => teks(&row.penanggung_jawab),
            };
            if !isi.is_empty() {
                lembar.write_string(r, c, &isi)?;
            }
        }
    }
    let terakhir = u16::try_from(kolom.len().saturating_sub(1)).unwrap_or(0);
    lembar.autofilter(
        0,
        0,
        u32::try_from(rows.len()).unwrap_or(0).max(1),
        terakhir,
    )?;
    for (kol, judul, pilihan) in [
        (KolRenstra::Arah, "Arah", ["naik", "turun"]),
        (KolRenstra::Kumulatif, "Kumulatif", ["ya", "tidak"]),
    ] {
        let Some(c) = kolom.iter().position(|(k, ..)| *k == kol) else {
            continue;
        };
        let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        let validasi = DataValidation::new()
            .allow_list_strings(&pilihan)?
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title(judul)?
            .set_error_message(format!("Isi {} atau {}.", pilihan[0], pilihan[1]))?;
        lembar.add_data_validation(1, c, BARIS_VALIDASI, c, &validasi)?;
    }
    Ok(())
}

fn tulis_renja(
    lembar: &mut Worksheet,
    gaya: &Gaya,
    rows: &[RenjaRow],
    tahun_renja: i32,
) -> Result<(), XlsxError> {
    let tampil: Vec<(String, f64, bool)> = RENJA_KOLOM
        .iter()
        .map(|d| (d.judul.to_string(), d.lebar, d.teks))
        .collect();
    siapkan_kolom(lembar, gaya, &tampil)?;

    let mut r: u32 = 0;
    for row in rows {
        // The first indicator goes on the main row, the rest on continuation rows.
        let mut indikator = row.indikator.iter();
        let pertama = indikator.next();
        r = r.checked_add(1).ok_or(XlsxError::RowColumnLimitError)?;
        tulis_baris_renja(lembar, gaya, r, row, pertama, true)?;
        for ind in indikator {
            r = r.checked_add(1).ok_or(XlsxError::RowColumnLimitError)?;
            tulis_baris_renja(lembar, gaya, r, row, Some(ind), false)?;
        }
    }
    let terakhir = u16::try_from(RENJA_KOLOM.len().saturating_sub(1)).unwrap_or(0);
    lembar.autofilter(0, 0, r.max(1), terakhir)?;
    if let Some(c) = RENJA_KOLOM.iter().position(|d| d.kol == KolRenja::Tingkat) {
        let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        let label: Vec<&str> = Tingkat::ALL.iter().map(|t| t.label()).collect();
        let validasi = DataValidation::new()
            .allow_list_strings(&label)?
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title("Tingkat")?
            .set_error_message("Isi Program, Kegiatan, atau Sub Kegiatan.")?;
        lembar.add_data_validation(1, c, BARIS_VALIDASI, c, &validasi)?;
    }
    if let Some(c) = RENJA_KOLOM.iter().position(|d| d.kol == KolRenja::Tahun) {
        let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        let validasi = DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(2000, 2100))
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_input_title("Tahun")?
            .set_input_message(format!("Tahun anggaran, misalnya {tahun_renja}."))?
            .set_error_title("Tahun")?
            .set_error_message("Isi tahun 2000–2100.")?;
        lembar.add_data_validation(1, c, BARIS_VALIDASI, c, &validasi)?;
    }
    Ok(())
}

/// One row of the Renja sheet: the item's main row (`utama`) with its first
/// indicator, or a continuation row with only Tahun, Kode and one more indicator.
fn tulis_baris_renja(
    lembar: &mut Worksheet,
    gaya: &Gaya,
    r: u32,
    row: &RenjaRow,
    ind: Option<&RenjaIndikatorRow>,
    utama: bool,
) -> Result<(), XlsxError> {
    for (c, d) in RENJA_KOLOM.iter().enumerate() {
        let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        match (d.kol, ind) {
            (KolRenja::Tahun, _) => {
                lembar.write_number_with_format(r, c, f64::from(row.tahun), &gaya.tahun)?;
            }
            (KolRenja::Kode, _) => tulis_teks(lembar, r, c, &row.kode)?,
            (KolRenja::Indikator, Some(i)) => tulis_teks(lembar, r, c, &i.nama)?,
            (KolRenja::Satuan, Some(i)) => tulis_teks(lembar, r, c, &i.satuan)?,
            (KolRenja::Target, Some(i)) => tulis_target(lembar, r, c, &i.target)?,
            (kol, _) if utama => tulis_utama(lembar, gaya, r, c, row, kol)?,
            _ => {}
        }
    }
    Ok(())
}

/// A cell of the main row that no continuation row has.
fn tulis_utama(
    lembar: &mut Worksheet,
    gaya: &Gaya,
    r: u32,
    c: u16,
    row: &RenjaRow,
    kol: KolRenja,
) -> Result<(), XlsxError> {
    match kol {
        KolRenja::Tingkat => {
            lembar.write_string(r, c, row.tingkat.label())?;
        }
        KolRenja::Nama => tulis_teks(lembar, r, c, &row.nama)?,
        KolRenja::Unit => tulis_teks(lembar, r, c, &row.unit)?,
        KolRenja::Pagu => {
            lembar.write_number_with_format(r, c, row.pagu as f64, &gaya.pagu)?;
        }
        KolRenja::PaguDpa => {
            if let Some(p) = row.pagu_dpa {
                lembar.write_number_with_format(r, c, p as f64, &gaya.pagu)?;
            }
        }
        KolRenja::KodeSasaran => tulis_teks(lembar, r, c, &row.kode_sasaran)?,
        _ => {}
    }
    Ok(())
}

fn tulis_teks(lembar: &mut Worksheet, r: u32, c: u16, s: &str) -> Result<(), XlsxError> {
    if !s.is_empty() {
        lembar.write_string(r, c, s)?;
    }
    Ok(())
}
