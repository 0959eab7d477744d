//! PDF rendering: the Perjanjian Kinerja (statement page, lampiran with the
//! indicator and budget tables, signature blocks) and the SOP sheet, drawn
//! with genpdf in Tata Naskah Dinas style. Everything printed is Indonesian.
//!
//! The fonts (Liberation Sans, metric-compatible with Arial) are compiled
//! into the binary; nothing is read from disk at run time. genpdf embeds
//! each font file whole (about 400 KB), and only the regular and bold
//! faces are used ([`keluarga_huruf`]). After rendering, [`compact`] drops
//! the fonts no page uses, cuts each embedded font to the glyphs used
//! ([`subset`]), adds the document information and deflates every stream:
//! a 40-line PK is about 36 KB.
//!
//! Layout is done by this module itself (see `layout`): genpdf's own table
//! neither repeats its header row nor keeps rows in one piece.

mod compact;
mod subset;
mod table;
pub use table::{Daftar, daftar_pdf};
mod agreement;
mod layout;
mod sop;

#[cfg(test)]
mod tests;

use std::io::Cursor;

use genpdf::fonts::{FontData, FontFamily};
use genpdf::{Document, Size};

use self::layout::{Halaman, Logo, Tepi};

pub use crate::formats::Kertas;
use crate::model::agreement::{Jenis, NewBudgetLine, NewLine, Party};

/// The page of a paper, portrait.
fn tegak(k: Kertas) -> Size {
    let (w, h) = k.mm();
    Size::new(w, h)
}

/// The page of a paper, landscape.
fn mendatar(k: Kertas) -> Size {
    let (w, h) = k.mm();
    Size::new(h, w)
}

/// The letterhead (kop surat) of the agency.
#[derive(Clone, Debug, Default)]
pub struct Kop {
    /// "Pemerintah Kabupaten …", printed in capitals.
    pub pemerintah: String,
    /// The agency, printed in capitals.
    pub nama_instansi: String,
    pub alamat: String,
    /// Telephone, e-mail and website joined; may be empty.
    pub kontak: String,
    /// PNG or JPEG bytes. A logo that cannot be decoded is left out.
    pub logo: Option<Vec<u8>>,
}

/// Everything printed in a Perjanjian Kinerja.
#[derive(Clone, Debug, Default)]
pub struct AgreementDoc {
    pub kop: Kop,
    pub tahun: i32,
    pub nomor: String,
    pub jenis: Jenis,
    /// Above 1 the document is a PK Perubahan.
    pub versi: i32,
    pub tempat: String,
    /// `None` leaves room to write the date by hand.
    pub tanggal: Option<chrono::NaiveDate>,
    pub pihak_pertama: Party,
    pub pihak_kedua: Party,
    pub baris: Vec<NewLine>,
    pub anggaran: Vec<NewBudgetLine>,
    /// A draft carries "DRAF — belum ditandatangani" on every page.
    pub draf: bool,
    /// A signed version's verification code, printed at the foot of every
    /// page ("Kode verifikasi 7K3QM-2XW9P").
    pub kode: Option<String>,
    pub kertas: Kertas,
    /// How many complete copies the file holds, one after another, each
    /// numbered "Halaman 1 dari m" again (0 and 1 both mean one copy).
    pub rangkap: u32,
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("Huruf PDF tidak dapat dimuat: {0}")]
    Font(String),
    /// Not returned by the public functions (a bad logo is left out), kept
    /// for callers that check a logo up front with their own code.
    #[error("Logo kop tidak dapat dipakai: {0}")]
    Logo(String),
    #[error("PDF gagal dibuat: {0}")]
    Render(String),
}

/// Renders a Perjanjian Kinerja.
pub fn agreement_pdf(doc: &AgreementDoc) -> Result<Vec<u8>, PdfError> {
    agreement_pdf_with_progress(doc, &mut |_| {})
}

/// Renders a Perjanjian Kinerja, reporting progress as a fraction from 0.0
/// to 1.0 (a few calls: start, after the counting pass, at the end).
pub fn agreement_pdf_with_progress(
    doc: &AgreementDoc,
    progress: &mut dyn FnMut(f32),
) -> Result<Vec<u8>, PdfError> {
    let subjek = format!(
        "Perjanjian Kinerja {} tahun {}",
        doc.pihak_pertama.jabatan_cetak(),
        doc.tahun
    );
    let info = Info {
        penulis: &doc.kop.nama_instansi,
        subjek: subjek.trim().to_string(),
        kata_kunci: doc
            .kode
            .as_ref()
            .map(|k| format!("{KODE_VERIFIKASI} {k}"))
            .unwrap_or_default(),
    };
    render_dua_tahap(&|tahap| agreement::bangun(doc, tahap), progress, &info)
}

/// What precedes a verification code on paper and in a PDF's keywords.
pub const KODE_VERIFIKASI: &str = "Kode verifikasi";

/// Renders an SOP: the header sheet, then the step table (landscape).
pub fn sop_pdf(
    t: &crate::model::sop::SopTemplate,
    kop: &Kop,
    kertas: Kertas,
) -> Result<Vec<u8>, PdfError> {
    let info = Info {
        penulis: &kop.nama_instansi,
        subjek: format!("Standar Operasional Prosedur {}", t.kepala.nama),
        kata_kunci: String::new(),
    };
    render_dua_tahap(
        &|tahap| sop::bangun(t, kop, kertas, tahap),
        &mut |_| {},
        &info,
    )
}

/// File name for an agreement PDF: `PK-2027-bidang-mutasi-v2.pdf`. The unit
/// name becomes a lowercase ASCII slug with dashes; the version is added
/// from the second version on.
pub fn agreement_file_name(tahun: i32, unit: &str, versi: i32) -> String {
    let mut slug = String::new();
    for c in unit.chars().flat_map(char::to_lowercase) {
        let c = ascii_dasar(c);
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    // Keep names short enough for every file system, cut at a dash.
    if slug.len() > 60 {
        let potong = slug[..60].rfind('-').unwrap_or(60);
        slug.truncate(potong);
    }
    let slug = slug.trim_end_matches('-');
    let mut nama = format!("PK-{tahun}");
    if !slug.is_empty() {
        nama.push('-');
        nama.push_str(slug);
    }
    // Always with the version: v1 and its PK Perubahan sit side by side.
    nama.push_str(&format!("-v{}.pdf", versi.max(1)));
    nama
}

/// The base letter of common accented Latin letters (é → e); others unchanged.
fn ascii_dasar(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        c => c,
    }
}

/// "NIP. 19700101 199003 1 005" for 18 digits; other values as typed;
/// `None` when empty (no NIP line).
fn baris_nip(nip: &str) -> Option<String> {
    let nip = nip.trim();
    if nip.is_empty() {
        return None;
    }
    let angka: String = nip.chars().filter(|c| !c.is_whitespace()).collect();
    if angka.len() == 18 && angka.bytes().all(|b| b.is_ascii_digit()) {
        Some(format!(
            "NIP. {} {} {} {}",
            &angka[..8],
            &angka[8..14],
            &angka[14..15],
            &angka[15..]
        ))
    } else {
        Some(format!("NIP. {nip}"))
    }
}

// ---------------------------------------------------------------------------
// Shared plumbing

const HURUF_REGULAR: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/LiberationSans-Regular.ttf"
));
const HURUF_BOLD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/LiberationSans-Bold.ttf"
));

/// The font family for a rendering pass.
///
/// Upright text is set in Liberation Sans, embedded. Nothing is printed in
/// italics, so the italic slots are the PDF built-in Helvetica obliques
/// (measured with the upright metrics, which the obliques share): no font
/// file is embedded for them. In the counting pass every slot is a
/// built-in font with Liberation's metrics: the layout is the same and
/// nothing needs embedding, which is most of a pass's time.
fn keluarga_huruf(tertanam: bool) -> Result<FontFamily<FontData>, PdfError> {
    use printpdf::BuiltinFont as B;
    let muat = |b: &[u8], bawaan: Option<B>| {
        FontData::new(b.to_vec(), bawaan).map_err(|e| PdfError::Font(e.to_string()))
    };
    let pilih = |b: B| (!tertanam).then_some(b);
    Ok(FontFamily {
        regular: muat(HURUF_REGULAR, pilih(B::Helvetica))?,
        bold: muat(HURUF_BOLD, pilih(B::HelveticaBold))?,
        italic: muat(HURUF_REGULAR, Some(B::HelveticaOblique))?,
        bold_italic: muat(HURUF_BOLD, Some(B::HelveticaBoldOblique))?,
    })
}

/// Which rendering pass a document is built for.
#[derive(Clone, Copy, Debug)]
pub(super) enum Tahap {
    /// The first pass, which only counts the pages. `tertanam`: with the
    /// embedded fonts, needed when some text is outside Windows-1252 (the
    /// built-in fonts' encoding).
    Hitung { tertanam: bool },
    /// The printed pass, with "Halaman n dari total".
    Cetak { total: usize },
}

/// A new document with our fonts, paper, margins and page decoration.
/// Returns the page counter of the decorator as well.
fn dokumen_baru(
    judul: &str,
    ukuran: Size,
    tepi: Tepi,
    tahap: Tahap,
    tanda: layout::Tanda,
) -> Result<(Document, std::rc::Rc<std::cell::Cell<usize>>), PdfError> {
    let (tertanam, total) = match tahap {
        Tahap::Hitung { tertanam } => (tertanam, None),
        Tahap::Cetak { total } => (true, Some(total)),
    };
    let mut d = Document::new(keluarga_huruf(tertanam)?);
    d.set_title(judul);
    d.set_paper_size(ukuran);
    d.set_font_size(11);
    // No ICC profile nor XMP metadata: smaller files, still valid PDF.
    d.set_minimal_conformance();
    let (halaman, hitung) = Halaman::new(tepi, total, tanda);
    d.set_page_decorator(halaman);
    Ok((d, hitung))
}

type Bangun<'a> =
    dyn Fn(Tahap) -> Result<(Document, std::rc::Rc<std::cell::Cell<usize>>), PdfError> + 'a;

/// The number of pages, from a counting pass.
fn hitung_halaman(bangun: &Bangun<'_>) -> Result<usize, PdfError> {
    let (d, hitung) = bangun(Tahap::Hitung { tertanam: false })?;
    match d.render(std::io::sink()) {
        Ok(()) => return Ok(hitung.get()),
        Err(e) if matches!(e.kind(), genpdf::error::ErrorKind::UnsupportedEncoding) => {}
        Err(e) => return Err(PdfError::Render(e.to_string())),
    }
    let (d, hitung) = bangun(Tahap::Hitung { tertanam: true })?;
    d.render(std::io::sink())
        .map_err(|e| PdfError::Render(e.to_string()))?;
    Ok(hitung.get())
}

/// The document information every PDF carries besides its title and
/// creation date (written by genpdf): the agency as author, the subject;
/// the producer (perkin and its version) and the language (id-ID) are
/// added by [`compact`].
pub(super) struct Info<'a> {
    pub penulis: &'a str,
    pub subjek: String,
    /// Keywords: a signed PK's "Kode verifikasi …", readable by a program
    /// in the file itself (the page text is drawn in subset glyphs).
    pub kata_kunci: String,
}

/// Renders twice: first to count the pages, then with "Halaman n dari m";
/// then compacts the file ([`compact`]).
fn render_dua_tahap(
    bangun: &Bangun<'_>,
    progress: &mut dyn FnMut(f32),
    info: &Info<'_>,
) -> Result<Vec<u8>, PdfError> {
    progress(0.0);
    let total = hitung_halaman(bangun)?;
    progress(0.2);
    let (d, _) = bangun(Tahap::Cetak { total })?;
    let mut out = Vec::new();
    d.render(&mut out)
        .map_err(|e| PdfError::Render(e.to_string()))?;
    progress(0.8);
    let out = compact::compact(&out, info).unwrap_or(out);
    progress(1.0);
    Ok(out)
}

/// Largest logo height kept, in pixels (about 300 dpi at 25 mm): larger
/// images are scaled down, since printpdf embeds raw pixels.
const LOGO_PX_MAKS: u32 = 300;

/// Decodes a PNG/JPEG logo for printing `tinggi_mm` tall (at most
/// `lebar_maks` mm wide). `None` when the bytes are not a usable image: the
/// letterhead is then drawn without a logo.
///
/// The image is decoded with the `image` crate the app already uses,
/// flattened onto white (genpdf refuses images with an alpha channel, and
/// most logos are transparent PNGs), scaled down and handed to genpdf as
/// an RGB PNG.
fn muat_logo(data: Option<&[u8]>, tinggi_mm: f64, lebar_maks: f64) -> Option<Logo> {
    let data = data?;
    let img = image::load_from_memory(data).ok()?;
    if img.width() == 0 || img.height() == 0 {
        return None;
    }
    let img = if img.height() > LOGO_PX_MAKS || img.width() > 2 * LOGO_PX_MAKS {
        img.resize(
            2 * LOGO_PX_MAKS,
            LOGO_PX_MAKS,
            image::imageops::FilterType::Triangle,
        )
    } else {
        img
    };
    let rgba = img.to_rgba8();
    let mut rgb = image::RgbImage::new(rgba.width(), rgba.height());
    for (d, s) in rgb.pixels_mut().zip(rgba.pixels()) {
        let a = u16::from(s[3]);
        for i in 0..3 {
            // Blend onto white.
            d[i] = ((u16::from(s[i]) * a + 255 * (255 - a)) / 255) as u8;
        }
    }
    let mut png = Vec::new();
    rgb.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .ok()?;
    let gambar = genpdf::elements::Image::from_reader(Cursor::new(png)).ok()?;
    let (w, h) = (f64::from(rgb.width()), f64::from(rgb.height()));
    // dpi so that the image is `tinggi_mm` tall, narrower if too wide.
    let mut tinggi = tinggi_mm;
    let mut lebar = w / h * tinggi;
    if lebar > lebar_maks {
        lebar = lebar_maks;
        tinggi = h / w * lebar;
    }
    let dpi = h * 25.4 / tinggi;
    Some(Logo {
        gambar: gambar.with_dpi(dpi),
        lebar,
        tinggi,
    })
}
