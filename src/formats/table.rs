//! A list as a table for export (the archive register, a cycle's history):
//! the same data prints as a landscape PDF (`pdf::table_pdf`) or writes as
//! a one-sheet workbook ([`to_xlsx`]).

use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, Workbook as XlsxWorkbook, XlsxError,
};

use super::Kertas;

/// What the list holds.
#[derive(Clone, Debug, Default)]
pub struct Daftar {
    pub judul: String,
    /// The agency the list belongs to (the PDF's author).
    pub instansi: String,
    /// Lines under the title (cycle, template, period…).
    pub keterangan: Vec<String>,
    pub kolom: Vec<String>,
    /// Relative column widths, one per column.
    pub lebar: Vec<f64>,
    pub baris: Vec<Vec<String>>,
    pub kertas: Kertas,
}

/// A list (the archive register) as a one-sheet workbook: the title and
/// its lines, then a bold header row with a filter, then one row per
/// entry, every cell as text so nomor agenda "001" stays "001".
pub fn to_xlsx(d: &Daftar) -> Result<Vec<u8>, String> {
    let e = |err: XlsxError| format!("Berkas Excel tidak dapat dibuat: {err}");
    let mut wb = XlsxWorkbook::new();
    let ws = wb.add_worksheet();
    let nama: String = d
        .judul
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    ws.set_name(if nama.trim().is_empty() {
        "Daftar"
    } else {
        &nama
    })
    .map_err(e)?;
    let judul = Format::new().set_bold().set_font_size(14);
    let kepala = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E2F3))
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let sel = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    ws.write_string_with_format(0, 0, &d.judul, &judul)
        .map_err(e)?;
    let mut row = 1u32;
    for k in &d.keterangan {
        ws.write_string(row, 0, k).map_err(e)?;
        row += 1;
    }
    row += 1;
    let head = row;
    for (c, k) in d.kolom.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, k, &kepala)
            .map_err(e)?;
        let w = d.lebar.get(c).copied().unwrap_or(20.0);
        ws.set_column_width(c as u16, w.clamp(6.0, 60.0))
            .map_err(e)?;
    }
    for b in &d.baris {
        row += 1;
        for (c, v) in b.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, v, &sel)
                .map_err(e)?;
        }
    }
    if !d.kolom.is_empty() {
        ws.autofilter(head, 0, row.max(head), d.kolom.len() as u16 - 1)
            .map_err(e)?;
        ws.set_freeze_panes(head + 1, 0).map_err(e)?;
    }
    wb.save_to_buffer().map_err(e)
}
