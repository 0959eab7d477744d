//! Layout primitives on top of genpdf.
//!
//! genpdf draws while it lays out, so nothing can be measured before it is
//! on the page. Everything here therefore measures text first (with the
//! document's own font metrics, see [`susun`]) and draws afterwards. That
//! gives what the stock elements cannot: tables whose header row repeats on
//! every page and whose rows never split (unless one row is taller than a
//! whole page), signature blocks that line up, underlined names, and words
//! longer than a line broken instead of silently dropped.
//!
//! All lengths in this module are millimetres as `f64`; [`mm`] and [`nilai`]
//! convert from and to genpdf's [`Mm`].
//!
//! Every element follows the same rule to guarantee progress: when it does
//! not fit it asks for a new page once (`has_more` with zero height, the
//! "deferral"); the next call is then known to be at the top of a fresh page
//! (genpdf always starts a page after `has_more`) and the element draws at
//! least something there, splitting or overflowing if it must. Hence no
//! input can make genpdf loop forever or fail with "could not fit".

use std::cell::Cell;
use std::rc::Rc;

use genpdf::error::Error as GenpdfError;
use genpdf::fonts::FontCache;
use genpdf::render::Area;
use genpdf::style::{Color, Style};
use genpdf::{Context, Element, Margins, Mm, PageDecorator, Position, RenderResult, Size};

/// Tolerance for floating-point height comparisons (mm).
const EPS: f64 = 0.01;
/// Drawing areas are stretched by this much so that genpdf never drops a
/// line silently; the elements check the real space themselves.
const KANVAS: f64 = 10_000.0;
/// One typographic point in millimetres.
const PT: f64 = 25.4 / 72.0;

thread_local! {
    /// Height of the text area of a fresh page (mm), set by [`Halaman`] for
    /// each page. Rendering runs on one thread from start to end, so a
    /// thread-local is exact even when several documents render at once.
    static TINGGI_HALAMAN: Cell<f64> = const { Cell::new(0.0) };
}

/// Height of the text area of a whole page (mm).
fn tinggi_halaman() -> f64 {
    TINGGI_HALAMAN.with(Cell::get)
}

/// Whether `area` is the whole text area of a page (nothing above it yet).
fn di_awal_halaman(area: &Area<'_>) -> bool {
    nilai(area.size().height) >= tinggi_halaman() - EPS
}

/// Whether an element `tinggi` mm tall should move to the next page rather
/// than start here: only when it does not fit here but would fit on a
/// fresh page (moving something taller than a page only wastes paper).
fn pindah_halaman(area: &Area<'_>, segar: bool, tinggi: f64) -> bool {
    !segar
        && !di_awal_halaman(area)
        && tinggi > nilai(area.size().height) + EPS
        && tinggi <= tinggi_halaman() + EPS
}

/// Millimetres as genpdf's unit.
pub(super) fn mm(v: f64) -> Mm {
    Mm::from(v)
}

/// genpdf's unit as millimetres.
pub(super) fn nilai(m: Mm) -> f64 {
    f64::from(m)
}

fn pos(x: f64, y: f64) -> Position {
    Position::new(mm(x), mm(y))
}

/// The area, stretched downwards so that text below its end is still drawn.
fn kanvas<'a>(area: &Area<'a>) -> Area<'a> {
    let mut k = area.clone();
    k.set_height(mm(KANVAS));
    k
}

/// What an element returns when it asks for a new page without drawing.
fn tunda(area: &Area<'_>) -> RenderResult {
    RenderResult {
        size: Size::new(area.size().width, mm(0.0)),
        has_more: true,
    }
}

/// A regular text style of `ukuran` points, with the given line spacing.
pub(super) fn gaya(ukuran: u8, spasi: f64) -> Style {
    Style::new().with_font_size(ukuran).with_line_spacing(spasi)
}

/// Width of `s` in `g`, in mm.
pub(super) fn lebar_teks(fc: &FontCache, g: Style, s: &str) -> f64 {
    nilai(g.str_width(fc, s))
}

/// Height of one line of `g`, in mm.
pub(super) fn tinggi_baris(fc: &FontCache, g: Style) -> f64 {
    nilai(g.line_height(fc))
}

/// Characters that take no room and that Liberation Sans lacks (zero-width
/// joiners, variation selectors, emoji modifiers and tags): dropped.
fn tanpa_lebar(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0000}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Makes `s` printable with the font of `g`: line breaks become `\n`, tabs
/// and other control or unknown space characters a space, invisible
/// formatting characters disappear, and any other character the font has no
/// glyph for (emoji, CJK, …) becomes `?` — genpdf itself would print the
/// font's empty "notdef" box and copy/paste would yield garbage.
pub(super) fn bersihkan(fc: &FontCache, g: Style, s: &str) -> String {
    let rt = fc.get_rt_font(g.font(fc));
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // "\r\n" is one break, a lone "\r" too.
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            ' ' | '\u{A0}' => out.push(c),
            c if tanpa_lebar(c) => {}
            c if c.is_control() => out.push(' '),
            c if rt.glyph(c).id().0 == 0 => out.push(if c.is_whitespace() { ' ' } else { '?' }),
            c => out.push(c),
        }
    }
    out
}

/// Horizontal alignment of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(super) enum Rata {
    #[default]
    Kiri,
    Tengah,
    Kanan,
    /// Justified: every line but a paragraph's last fills the width.
    Penuh,
}

/// A block of text to be wrapped: one or more paragraphs (split at `\n`).
#[derive(Clone, Debug)]
pub(super) struct Blok {
    pub teks: String,
    pub gaya: Style,
    pub rata: Rata,
    /// Left indent of every line (mm).
    pub indent: f64,
    /// Runs printed on the first line only, at these x positions (mm): a
    /// hanging label such as "1." or "Nama" + ":".
    pub label: Vec<(f64, String)>,
    /// Draw a line under the text (genpdf has no underline style).
    pub garis_bawah: bool,
    /// Empty space before the block (mm).
    pub jarak_atas: f64,
}

impl Blok {
    pub fn new(teks: impl Into<String>, gaya: Style) -> Blok {
        Blok {
            teks: teks.into(),
            gaya,
            rata: Rata::Kiri,
            indent: 0.0,
            label: Vec::new(),
            garis_bawah: false,
            jarak_atas: 0.0,
        }
    }

    pub fn rata(mut self, rata: Rata) -> Blok {
        self.rata = rata;
        self
    }

    pub fn indent(mut self, indent: f64) -> Blok {
        self.indent = indent;
        self
    }

    pub fn label(mut self, x: f64, teks: impl Into<String>) -> Blok {
        self.label.push((x, teks.into()));
        self
    }

    pub fn garis_bawah(mut self) -> Blok {
        self.garis_bawah = true;
        self
    }

    pub fn jarak(mut self, jarak_atas: f64) -> Blok {
        self.jarak_atas = jarak_atas;
        self
    }
}

/// One run of text on a line, at `x` mm from the left of its box.
#[derive(Clone, Debug)]
pub(super) struct Potong {
    pub x: f64,
    pub teks: String,
    pub gaya: Style,
    pub lebar: f64,
    pub garis_bawah: bool,
}

/// One laid-out line (or, without runs, an empty space of `tinggi` mm).
#[derive(Clone, Debug, Default)]
pub(super) struct Baris {
    pub potong: Vec<Potong>,
    pub tinggi: f64,
}

impl Baris {
    fn kosong(&self) -> bool {
        self.potong.is_empty()
    }
}

/// Splits a word wider than `ruang` into pieces that fit (at least one
/// character each, so this always terminates).
fn potong_kata(fc: &FontCache, g: Style, kata: &str, ruang: f64) -> Vec<(String, f64)> {
    let mut hasil = Vec::new();
    let mut buf = String::new();
    let mut w = 0.0;
    let lebar = |t: &str| t.chars().map(|c| nilai(g.char_width(fc, c))).sum::<f64>();
    for c in kata.chars() {
        let cw = nilai(g.char_width(fc, c));
        if !buf.is_empty() && w + cw > ruang {
            // Break after the last "/" or "-" when there is one
            // ("800/001/ | BKPSDM/2027"), else between letters.
            match buf.rfind(['/', '-']).filter(|&i| i + 1 < buf.len()) {
                Some(i) => {
                    let sisa = buf.split_off(i + 1);
                    hasil.push((std::mem::replace(&mut buf, sisa), 0.0));
                    let n = hasil.len();
                    hasil[n - 1].1 = lebar(&hasil[n - 1].0);
                    w = lebar(&buf);
                }
                None => {
                    hasil.push((std::mem::take(&mut buf), w));
                    w = 0.0;
                }
            }
        }
        buf.push(c);
        w += cw;
    }
    if !buf.is_empty() {
        hasil.push((buf, w));
    }
    hasil
}

/// Wraps a block into lines of at most `lebar` mm.
pub(super) fn susun(fc: &FontCache, b: &Blok, lebar: f64) -> Vec<Baris> {
    let mut out = Vec::new();
    if b.jarak_atas > 0.0 {
        out.push(Baris {
            potong: Vec::new(),
            tinggi: b.jarak_atas,
        });
    }
    let tinggi = tinggi_baris(fc, b.gaya);
    // Keep at least 5 mm so that a tiny column still makes progress.
    let ruang = (lebar - b.indent).max(5.0);
    let spasi = lebar_teks(fc, b.gaya, " ");
    let teks = bersihkan(fc, b.gaya, &b.teks);
    let mut pertama = true;
    for paragraf in teks.split('\n') {
        // Words with their widths; over-long words split into pieces.
        let mut kata: Vec<(String, f64)> = Vec::new();
        for k in paragraf.split(' ').filter(|k| !k.is_empty()) {
            let w = lebar_teks(fc, b.gaya, k);
            if w > ruang {
                kata.extend(potong_kata(fc, b.gaya, k, ruang));
            } else {
                kata.push((k.to_string(), w));
            }
        }
        // Greedy line filling.
        let mut baris_kata: Vec<Vec<(String, f64)>> = Vec::new();
        let mut kini: Vec<(String, f64)> = Vec::new();
        let mut w_kini = 0.0;
        for (k, w) in kata {
            let tambah = if kini.is_empty() { w } else { spasi + w };
            if !kini.is_empty() && w_kini + tambah > ruang + EPS {
                baris_kata.push(std::mem::take(&mut kini));
                w_kini = w;
            } else {
                w_kini += tambah;
            }
            kini.push((k, w));
        }
        baris_kata.push(kini);
        let n = baris_kata.len();
        for (i, bk) in baris_kata.into_iter().enumerate() {
            let akhir = i + 1 == n;
            let jumlah_w: f64 = bk.iter().map(|(_, w)| w).sum();
            let total = jumlah_w + spasi * bk.len().saturating_sub(1) as f64;
            let x0 = b.indent
                + match b.rata {
                    Rata::Kiri | Rata::Penuh => 0.0,
                    Rata::Tengah => ((ruang - total) / 2.0).max(0.0),
                    Rata::Kanan => (ruang - total).max(0.0),
                };
            let mut potong = Vec::new();
            if b.rata == Rata::Penuh && !akhir && bk.len() > 1 {
                let celah = (ruang - jumlah_w) / (bk.len() - 1) as f64;
                let mut x = x0;
                for (k, w) in bk {
                    potong.push(Potong {
                        x,
                        teks: k,
                        gaya: b.gaya,
                        lebar: w,
                        garis_bawah: b.garis_bawah,
                    });
                    x += w + celah;
                }
            } else if !bk.is_empty() {
                let teks = bk
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                potong.push(Potong {
                    x: x0,
                    teks,
                    gaya: b.gaya,
                    lebar: total,
                    garis_bawah: b.garis_bawah,
                });
            }
            if pertama {
                for (x, l) in &b.label {
                    let l = bersihkan(fc, b.gaya, l);
                    potong.push(Potong {
                        x: *x,
                        lebar: lebar_teks(fc, b.gaya, &l),
                        teks: l,
                        gaya: b.gaya,
                        garis_bawah: false,
                    });
                }
                pertama = false;
            }
            out.push(Baris { potong, tinggi });
        }
    }
    out
}

/// Lays out several blocks one under the other.
pub(super) fn susun_semua(fc: &FontCache, blok: &[Blok], lebar: f64) -> Vec<Baris> {
    blok.iter().flat_map(|b| susun(fc, b, lebar)).collect()
}

fn tinggi_total(baris: &[Baris]) -> f64 {
    baris.iter().map(|b| b.tinggi).sum()
}

/// Draws one line with its top-left corner at (`ox`, `oy`).
fn gambar_baris(
    area: &Area<'_>,
    fc: &FontCache,
    baris: &Baris,
    ox: f64,
    oy: f64,
) -> Result<(), GenpdfError> {
    for p in &baris.potong {
        if p.teks.is_empty() {
            continue;
        }
        area.print_str(fc, pos(ox + p.x, oy), p.gaya, &p.teks)?;
        if p.garis_bawah {
            // genpdf puts the baseline one glyph height below the top.
            let dasar = oy + nilai(p.gaya.font(fc).glyph_height(p.gaya.font_size()));
            let y = dasar + 0.15 * f64::from(p.gaya.font_size()) * PT;
            garis(area, ox + p.x, y, ox + p.x + p.lebar, y);
        }
    }
    Ok(())
}

/// Draws lines one under the other from (`ox`, `oy`); returns the height used.
fn gambar_semua(
    area: &Area<'_>,
    fc: &FontCache,
    baris: &[Baris],
    ox: f64,
    oy: f64,
) -> Result<f64, GenpdfError> {
    let mut y = oy;
    for b in baris {
        gambar_baris(area, fc, b, ox, y)?;
        y += b.tinggi;
    }
    Ok(y - oy)
}

/// A straight black line.
fn garis(area: &Area<'_>, x1: f64, y1: f64, x2: f64, y2: f64) {
    area.draw_line(vec![pos(x1, y1), pos(x2, y2)], Style::new());
}

/// A straight coloured line.
fn garis_warna(area: &Area<'_>, x1: f64, y1: f64, x2: f64, y2: f64, warna: Color) {
    area.draw_line(
        vec![pos(x1, y1), pos(x2, y2)],
        Style::new().with_color(warna),
    );
}

/// A horizontal line of about `tebal` mm made of parallel strokes (genpdf
/// cannot set the line width; one stroke is about 0.35 mm).
fn garis_tebal(area: &Area<'_>, x1: f64, x2: f64, y: f64, tebal: f64) {
    let n = ((tebal - 0.35) / 0.2).ceil().max(0.0) as usize;
    for i in 0..=n {
        let yy = y + i as f64 * 0.2;
        garis(area, x1, yy, x2, yy);
    }
}

// ---------------------------------------------------------------------------
// Flowing text

/// Text blocks that flow over pages line by line, or — when `utuh` — move to
/// the next page as a whole if they do not fit (a title, a short paragraph).
pub(super) struct Alir {
    blok: Vec<Blok>,
    baris: Option<Vec<Baris>>,
    idx: usize,
    utuh: bool,
    halaman_baru: bool,
}

impl Alir {
    pub fn new(blok: Vec<Blok>) -> Alir {
        Alir {
            blok,
            baris: None,
            idx: 0,
            utuh: false,
            halaman_baru: false,
        }
    }

    /// Kept together on one page when possible.
    pub fn utuh(blok: Vec<Blok>) -> Alir {
        Alir {
            utuh: true,
            ..Alir::new(blok)
        }
    }
}

impl Element for Alir {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, GenpdfError> {
        let fc = &context.font_cache;
        let lebar = nilai(area.size().width);
        let tinggi_area = nilai(area.size().height);
        let segar = std::mem::take(&mut self.halaman_baru);
        let blok = &self.blok;
        let baris = self
            .baris
            .get_or_insert_with(|| susun_semua(fc, blok, lebar));
        if self.utuh && self.idx == 0 && pindah_halaman(&area, segar, tinggi_total(baris)) {
            self.halaman_baru = true;
            return Ok(tunda(&area));
        }
        let segar = segar || di_awal_halaman(&area);
        let k = kanvas(&area);
        let mut y = 0.0;
        while let Some(b) = baris.get(self.idx) {
            if y == 0.0 && self.idx > 0 && b.kosong() {
                // No leading blank space at the top of a continued page.
                self.idx += 1;
                continue;
            }
            let muat = y + b.tinggi <= tinggi_area + EPS;
            // At the top of a fresh page a line is drawn even if it does
            // not fit, so that the flow always advances.
            let paksa = segar && y == 0.0;
            if !(muat || paksa) {
                break;
            }
            gambar_baris(&k, fc, b, 0.0, y)?;
            y += b.tinggi;
            self.idx += 1;
        }
        let has_more = self.idx < baris.len();
        self.halaman_baru = has_more;
        Ok(RenderResult {
            size: Size::new(area.size().width, mm(y)),
            has_more,
        })
    }
}

// ---------------------------------------------------------------------------
// Tables

/// Horizontal padding inside a table cell (mm).
const PAD_X: f64 = 1.6;
/// Vertical padding inside a table cell (mm).
const PAD_Y: f64 = 1.1;

/// One table cell.
#[derive(Clone, Debug)]
pub(super) struct Sel {
    pub blok: Vec<Blok>,
    /// Number of columns the cell spans (at least 1).
    pub rentang: usize,
    /// Continues the cell above (a vertically merged cell, e.g. the same
    /// "Sasaran" on consecutive rows): no text and no border between them —
    /// except at the top of a page, where its own text is shown again.
    pub gabung_atas: bool,
}

impl Sel {
    pub fn new(blok: Vec<Blok>) -> Sel {
        Sel {
            blok,
            rentang: 1,
            gabung_atas: false,
        }
    }

    pub fn teks(teks: impl Into<String>, gaya: Style, rata: Rata) -> Sel {
        Sel::new(vec![Blok::new(teks, gaya).rata(rata)])
    }

    pub fn rentang(mut self, n: usize) -> Sel {
        self.rentang = n.max(1);
        self
    }

    pub fn gabung_atas(mut self, gabung: bool) -> Sel {
        self.gabung_atas = gabung;
        self
    }
}

#[derive(Clone, Debug)]
struct SelTata {
    x: f64,
    w: f64,
    baris: Vec<Baris>,
    gabung_atas: bool,
}

#[derive(Clone, Debug)]
struct BarisTabel {
    sel: Vec<SelTata>,
}

impl BarisTabel {
    /// Height of the row; merged cells count only at the top of a page,
    /// where their text is repeated.
    fn tinggi(&self, awal_halaman: bool) -> f64 {
        self.sel
            .iter()
            .filter(|s| awal_halaman || !s.gabung_atas)
            .map(|s| tinggi_total(&s.baris))
            .fold(0.0, f64::max)
            + 2.0 * PAD_Y
    }
}

/// A bordered table whose header row is repeated at the top of every page.
///
/// genpdf's `TableLayout` neither repeats the header nor keeps a row in one
/// piece (a row that does not fit is cut between its lines and continued
/// with its cells misaligned). Here rows are measured first and only whole
/// rows are placed on a page; a row taller than a whole page is split
/// between lines, the only way to make progress.
pub(super) struct Tabel {
    bobot: Vec<f64>,
    judul: Vec<Blok>,
    kepala: Vec<Sel>,
    badan: Vec<Vec<Sel>>,
    // Layout (computed at the first render, the width never changes).
    tata: Option<(Vec<Baris>, Option<BarisTabel>, Vec<BarisTabel>)>,
    idx: usize,
    judul_selesai: bool,
    halaman_baru: bool,
}

impl Tabel {
    /// A table with columns in the proportions of `bobot` (e.g. millimetres
    /// on the widest paper; they are scaled to the width available).
    pub fn new(bobot: Vec<f64>) -> Tabel {
        Tabel {
            bobot,
            judul: Vec::new(),
            kepala: Vec::new(),
            badan: Vec::new(),
            tata: None,
            idx: 0,
            judul_selesai: false,
            halaman_baru: false,
        }
    }

    /// Text printed above the table on its first page, kept with the header.
    pub fn judul(mut self, judul: Vec<Blok>) -> Tabel {
        self.judul = judul;
        self
    }

    /// The header row, repeated on every page.
    pub fn kepala(mut self, sel: Vec<Sel>) -> Tabel {
        self.kepala = sel;
        self
    }

    pub fn baris(&mut self, sel: Vec<Sel>) {
        self.badan.push(sel);
    }

    fn susun_baris(fc: &FontCache, lebar_kolom: &[f64], sel: &[Sel]) -> BarisTabel {
        let mut hasil = Vec::new();
        let mut kolom = 0;
        let mut x = 0.0;
        for s in sel {
            if kolom >= lebar_kolom.len() {
                break; // more cells than columns: ignore the excess
            }
            let akhir = (kolom + s.rentang).min(lebar_kolom.len());
            let w: f64 = lebar_kolom[kolom..akhir].iter().sum();
            let mut baris = susun_semua(fc, &s.blok, w - 2.0 * PAD_X);
            for b in &mut baris {
                for p in &mut b.potong {
                    p.x += PAD_X;
                }
            }
            hasil.push(SelTata {
                x,
                w,
                baris,
                gabung_atas: s.gabung_atas,
            });
            x += w;
            kolom = akhir;
        }
        // Fewer cells than columns: one empty cell fills the rest.
        if kolom < lebar_kolom.len() {
            let w: f64 = lebar_kolom[kolom..].iter().sum();
            hasil.push(SelTata {
                x,
                w,
                baris: Vec::new(),
                gabung_atas: false,
            });
        }
        BarisTabel { sel: hasil }
    }

    /// Draws a row at `y`, `tinggi` mm tall, with its borders except the bottom.
    fn gambar_baris_tabel(
        area: &Area<'_>,
        fc: &FontCache,
        baris: &BarisTabel,
        y: f64,
        tinggi: f64,
        awal_halaman: bool,
    ) -> Result<(), GenpdfError> {
        for s in &baris.sel {
            let lanjutan = s.gabung_atas && !awal_halaman;
            if !lanjutan {
                garis(area, s.x, y, s.x + s.w, y);
                gambar_semua(area, fc, &s.baris, s.x, y + PAD_Y)?;
            }
            garis(area, s.x, y, s.x, y + tinggi);
        }
        if let Some(s) = baris.sel.last() {
            garis(area, s.x + s.w, y, s.x + s.w, y + tinggi);
        }
        Ok(())
    }

    /// Splits `baris` so that its first part is at most `ruang` mm tall
    /// (at least one line of each cell, so that the table always advances).
    fn belah(baris: &mut BarisTabel, ruang: f64) -> BarisTabel {
        let ruang_teks = ruang - 2.0 * PAD_Y;
        let mut depan = baris.clone();
        for (d, b) in depan.sel.iter_mut().zip(baris.sel.iter_mut()) {
            let mut n = 0;
            let mut h = 0.0;
            while let Some(l) = b.baris.get(n) {
                if n > 0 && h + l.tinggi > ruang_teks + EPS {
                    break;
                }
                h += l.tinggi;
                n += 1;
            }
            d.baris = b.baris.drain(..n).collect();
            d.gabung_atas = false;
            b.gabung_atas = false;
        }
        depan
    }
}

impl Element for Tabel {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, GenpdfError> {
        let fc = &context.font_cache;
        let lebar = nilai(area.size().width);
        let tinggi_area = nilai(area.size().height);
        let segar = std::mem::take(&mut self.halaman_baru);
        if self.bobot.is_empty() {
            return Ok(RenderResult::default());
        }
        if self.tata.is_none() {
            let jumlah: f64 = self.bobot.iter().map(|b| b.max(0.0)).sum::<f64>().max(EPS);
            let kolom: Vec<f64> = self
                .bobot
                .iter()
                .map(|b| b.max(0.0) / jumlah * lebar)
                .collect();
            let judul = susun_semua(fc, &self.judul, lebar);
            let kepala =
                (!self.kepala.is_empty()).then(|| Self::susun_baris(fc, &kolom, &self.kepala));
            let badan = self
                .badan
                .iter()
                .map(|b| Self::susun_baris(fc, &kolom, b))
                .collect();
            self.tata = Some((judul, kepala, badan));
        }
        let Some((judul, kepala, badan)) = self.tata.as_mut() else {
            return Ok(RenderResult::default());
        };

        let tinggi_judul = if self.judul_selesai {
            0.0
        } else {
            tinggi_total(judul)
        };
        let tinggi_kepala = kepala.as_ref().map_or(0.0, |k| k.tinggi(true));
        let tinggi_pertama = badan.get(self.idx).map_or(0.0, |b| b.tinggi(true));
        let perlu = tinggi_judul + tinggi_kepala + tinggi_pertama;
        // A first row taller than a page is split here, unless there is
        // hardly any room left (then it starts on the next page).
        let sempit = tinggi_area < tinggi_judul + tinggi_kepala + 30.0;
        let pindah = pindah_halaman(&area, segar, perlu)
            || (!segar && !di_awal_halaman(&area) && sempit && perlu > tinggi_area + EPS);
        if pindah {
            self.halaman_baru = true;
            return Ok(tunda(&area));
        }

        let k = kanvas(&area);
        let mut y = 0.0;
        if !self.judul_selesai {
            y += gambar_semua(&k, fc, judul, 0.0, 0.0)?;
            self.judul_selesai = true;
        }
        let y_tabel = y;
        if let Some(kp) = kepala.as_ref() {
            Self::gambar_baris_tabel(&k, fc, kp, y, tinggi_kepala, true)?;
            y += tinggi_kepala;
        }
        let mut jumlah_baris = 0;
        while self.idx < badan.len() {
            let awal = jumlah_baris == 0;
            let h = badan[self.idx].tinggi(awal);
            if y + h <= tinggi_area + EPS {
                Self::gambar_baris_tabel(&k, fc, &badan[self.idx], y, h, awal)?;
                y += h;
                self.idx += 1;
                jumlah_baris += 1;
            } else if awal || (h > tinggi_halaman() - tinggi_kepala && tinggi_area - y >= 30.0) {
                // A row taller than a page (or the first row of a fresh
                // page that still does not fit): draw what fits here and
                // keep the rest for the next page.
                let ruang = (tinggi_area - y).max(2.0 * PAD_Y + 1.0);
                let depan = Self::belah(&mut badan[self.idx], ruang);
                let h = depan.tinggi(true);
                Self::gambar_baris_tabel(&k, fc, &depan, y, h, true)?;
                y += h;
                if badan[self.idx].sel.iter().all(|s| s.baris.is_empty()) {
                    self.idx += 1;
                }
                break;
            } else {
                break;
            }
        }
        // Close the table at the bottom of this page's part.
        if y > y_tabel {
            garis(&k, 0.0, y, lebar, y);
        }
        let has_more = self.idx < badan.len();
        self.halaman_baru = has_more;
        Ok(RenderResult {
            size: Size::new(area.size().width, mm(y)),
            has_more,
        })
    }
}

// ---------------------------------------------------------------------------
// Signature blocks

/// One signature block: the lines above the signing space, the name
/// (bold, underlined) and the lines under it (pangkat, NIP).
#[derive(Clone, Debug, Default)]
pub(super) struct KolomTtd {
    pub atas: Vec<Blok>,
    pub nama: Vec<Blok>,
    pub bawah: Vec<Blok>,
}

/// Two signature blocks side by side, kept together on one page. The name
/// lines of both start at the same height however many lines the texts
/// above them take.
pub(super) struct TandaTangan {
    kiri: KolomTtd,
    kanan: KolomTtd,
    /// Space for the signature and stamp (mm).
    ruang_ttd: f64,
    jarak_atas: f64,
    halaman_baru: bool,
}

impl TandaTangan {
    pub fn new(kiri: KolomTtd, kanan: KolomTtd, ruang_ttd: f64, jarak_atas: f64) -> TandaTangan {
        TandaTangan {
            kiri,
            kanan,
            ruang_ttd,
            jarak_atas,
            halaman_baru: false,
        }
    }
}

impl Element for TandaTangan {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, GenpdfError> {
        let fc = &context.font_cache;
        let lebar = nilai(area.size().width);
        let segar = std::mem::take(&mut self.halaman_baru);
        let celah = 8.0;
        let separuh = (lebar - celah) / 2.0;
        let tata = |k: &KolomTtd| {
            (
                susun_semua(fc, &k.atas, separuh),
                susun_semua(fc, &k.nama, separuh),
                susun_semua(fc, &k.bawah, separuh),
            )
        };
        let (ka, kn, kb) = tata(&self.kiri);
        let (na, nn, nb) = tata(&self.kanan);
        let y_nama = tinggi_total(&ka).max(tinggi_total(&na)) + self.ruang_ttd;
        let tinggi = y_nama
            + (tinggi_total(&kn) + tinggi_total(&kb)).max(tinggi_total(&nn) + tinggi_total(&nb));
        // Leave the space above out at the top of a page.
        let jarak = if segar || di_awal_halaman(&area) {
            0.0
        } else {
            self.jarak_atas
        };
        if pindah_halaman(&area, segar, jarak + tinggi) {
            self.halaman_baru = true;
            return Ok(tunda(&area));
        }
        let k = kanvas(&area);
        for (x, atas, nama, bawah) in [(0.0, &ka, &kn, &kb), (separuh + celah, &na, &nn, &nb)] {
            gambar_semua(&k, fc, atas, x, jarak)?;
            let h = gambar_semua(&k, fc, nama, x, jarak + y_nama)?;
            gambar_semua(&k, fc, bawah, x, jarak + y_nama + h)?;
        }
        Ok(RenderResult {
            size: Size::new(area.size().width, mm(jarak + tinggi)),
            has_more: false,
        })
    }
}

// ---------------------------------------------------------------------------
// Letterhead and the SOP header sheet

/// A decoded logo ready to be drawn, with its printed size.
pub(super) struct Logo {
    pub gambar: genpdf::elements::Image,
    pub lebar: f64,
    pub tinggi: f64,
}

impl Logo {
    fn gambar_di(&mut self, context: &Context, area: &Area<'_>, x: f64, y: f64) {
        let mut a = kanvas(area);
        a.add_offset(pos(x, y));
        // Image::render cannot fail once the image is decoded.
        let _ = self.gambar.render(context, a, Style::new());
    }
}

/// The letterhead: logo at the left, centred lines, a thick and a thin rule
/// across the whole width.
pub(super) struct Kop {
    logo: Option<Logo>,
    baris: Vec<Blok>,
    selesai: bool,
}

impl Kop {
    pub fn new(logo: Option<Logo>, baris: Vec<Blok>) -> Kop {
        Kop {
            logo,
            baris,
            selesai: false,
        }
    }
}

impl Element for Kop {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, GenpdfError> {
        if self.selesai {
            return Ok(RenderResult::default());
        }
        self.selesai = true;
        let fc = &context.font_cache;
        let lebar = nilai(area.size().width);
        // The text is centred on the page; keep it clear of the logo on both
        // sides so that it stays centred.
        let sisi = self.logo.as_ref().map_or(0.0, |l| l.lebar + 3.0);
        let baris = susun_semua(fc, &self.baris, lebar - 2.0 * sisi);
        let tinggi_teks = tinggi_total(&baris);
        let tinggi_logo = self.logo.as_ref().map_or(0.0, |l| l.tinggi);
        let tinggi = tinggi_teks.max(tinggi_logo);
        let k = kanvas(&area);
        if let Some(logo) = self.logo.as_mut() {
            logo.gambar_di(context, &k, 0.0, (tinggi - tinggi_logo) / 2.0);
        }
        gambar_semua(&k, fc, &baris, sisi, (tinggi - tinggi_teks) / 2.0)?;
        let y = tinggi + 2.0;
        garis_tebal(&k, 0.0, lebar, y, 0.9);
        garis(&k, 0.0, y + 1.6, lebar, y + 1.6);
        Ok(RenderResult {
            size: Size::new(area.size().width, mm(y + 1.6 + 5.0)),
            has_more: false,
        })
    }
}

/// The SOP header sheet (Permenpan RB 35/2012): a box whose left part holds
/// the logo and the agency, and whose right part lists label/value rows.
pub(super) struct LembarKepala {
    logo: Option<Logo>,
    kiri: Vec<Blok>,
    kanan: Vec<(Blok, Blok)>,
    halaman_baru: bool,
    selesai: bool,
}

impl LembarKepala {
    pub fn new(logo: Option<Logo>, kiri: Vec<Blok>, kanan: Vec<(Blok, Blok)>) -> LembarKepala {
        LembarKepala {
            logo,
            kiri,
            kanan,
            halaman_baru: false,
            selesai: false,
        }
    }
}

impl Element for LembarKepala {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, GenpdfError> {
        if self.selesai {
            return Ok(RenderResult::default());
        }
        let fc = &context.font_cache;
        let segar = std::mem::take(&mut self.halaman_baru);
        let lebar = nilai(area.size().width);
        let w_kiri = lebar * 0.45;
        let w_kanan = lebar - w_kiri;
        let w_label = w_kanan * 0.32;
        let w_nilai = w_kanan - w_label;

        let teks_kiri = susun_semua(fc, &self.kiri, w_kiri - 2.0 * PAD_X);
        let tinggi_logo = self.logo.as_ref().map_or(0.0, |l| l.tinggi + 3.0);
        let tinggi_kiri = tinggi_logo + tinggi_total(&teks_kiri) + 6.0 * PAD_Y;
        let baris_kanan: Vec<(Vec<Baris>, Vec<Baris>)> = self
            .kanan
            .iter()
            .map(|(l, n)| {
                (
                    susun(fc, l, w_label - 2.0 * PAD_X),
                    susun(fc, n, w_nilai - 2.0 * PAD_X),
                )
            })
            .collect();
        let mut tinggi_kanan: Vec<f64> = baris_kanan
            .iter()
            .map(|(l, n)| tinggi_total(l).max(tinggi_total(n)) + 4.0 * PAD_Y)
            .collect();
        let jumlah_kanan: f64 = tinggi_kanan.iter().sum();
        let tinggi = tinggi_kiri.max(jumlah_kanan);
        if jumlah_kanan < tinggi && !tinggi_kanan.is_empty() {
            let tambah = (tinggi - jumlah_kanan) / tinggi_kanan.len() as f64;
            tinggi_kanan.iter_mut().for_each(|h| *h += tambah);
        }
        if pindah_halaman(&area, segar, tinggi) {
            self.halaman_baru = true;
            return Ok(tunda(&area));
        }
        self.selesai = true;

        let k = kanvas(&area);
        // Outer box and the divider.
        garis(&k, 0.0, 0.0, lebar, 0.0);
        garis(&k, 0.0, tinggi, lebar, tinggi);
        garis(&k, 0.0, 0.0, 0.0, tinggi);
        garis(&k, lebar, 0.0, lebar, tinggi);
        garis(&k, w_kiri, 0.0, w_kiri, tinggi);
        // Left: logo above the centred agency lines, the whole vertically centred.
        let isi_kiri = tinggi_logo + tinggi_total(&teks_kiri);
        let y0 = (tinggi - isi_kiri) / 2.0;
        if let Some(logo) = self.logo.as_mut() {
            let x = (w_kiri - logo.lebar) / 2.0;
            logo.gambar_di(context, &k, x, y0);
        }
        gambar_semua(&k, fc, &teks_kiri, PAD_X, y0 + tinggi_logo)?;
        // Right: label | value rows.
        let mut y = 0.0;
        for (i, ((l, n), h)) in baris_kanan.iter().zip(&tinggi_kanan).enumerate() {
            if i > 0 {
                garis(&k, w_kiri, y, lebar, y);
            }
            garis(&k, w_kiri + w_label, y, w_kiri + w_label, y + h);
            let yl = y + (h - tinggi_total(l)) / 2.0;
            let yn = y + (h - tinggi_total(n)) / 2.0;
            gambar_semua(&k, fc, l, w_kiri + PAD_X, yl)?;
            gambar_semua(&k, fc, n, w_kiri + w_label + PAD_X, yn)?;
            y += h;
        }
        Ok(RenderResult {
            size: Size::new(area.size().width, mm(tinggi + 5.0)),
            has_more: false,
        })
    }
}

// ---------------------------------------------------------------------------
// Page decoration

/// Page margins in mm: top, right, bottom, left.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tepi {
    pub atas: f64,
    pub kanan: f64,
    pub bawah: f64,
    pub kiri: f64,
}

/// What a page carries besides its number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tanda {
    Tidak,
    /// A red "DRAF" mark at the top.
    Draf,
    /// A signed version's verification code at the foot, on the right.
    Verifikasi(String),
}

/// Margins, "Halaman n dari m" at the bottom of every page and, for a draft,
/// a red "DRAF" mark at the top of every page, for a signed version its
/// verification code at the foot. All sit in the margins, so a draft
/// paginates exactly like the signed document.
pub(super) struct Halaman {
    tepi: Tepi,
    no: usize,
    /// Pages decorated so far, read after a first rendering pass.
    hitung: Rc<Cell<usize>>,
    /// Total number of pages, when known (second pass).
    total: Option<usize>,
    tanda: Tanda,
}

impl Halaman {
    pub fn new(tepi: Tepi, total: Option<usize>, tanda: Tanda) -> (Halaman, Rc<Cell<usize>>) {
        let hitung = Rc::new(Cell::new(0));
        (
            Halaman {
                tepi,
                no: 0,
                hitung: Rc::clone(&hitung),
                total,
                tanda,
            },
            hitung,
        )
    }
}

/// Text of the draft mark, printed on every page of a draft.
pub(super) const TANDA_DRAF: &str = "DRAF — belum ditandatangani";

impl PageDecorator for Halaman {
    fn decorate_page<'a>(
        &mut self,
        context: &Context,
        mut area: Area<'a>,
        _style: Style,
    ) -> Result<Area<'a>, GenpdfError> {
        self.no += 1;
        self.hitung.set(self.no);
        let fc = &context.font_cache;
        let lebar = nilai(area.size().width);
        let tinggi = nilai(area.size().height);
        let t = self.tepi;

        let g = gaya(9, 1.0);
        let teks = match self.total {
            // Several copies in one file: each is numbered from 1 again.
            Some(m) if m > 0 => format!("Halaman {} dari {}", (self.no - 1) % m + 1, m),
            Some(m) => format!("Halaman {} dari {}", self.no, m),
            None => format!("Halaman {}", self.no),
        };
        let w = lebar_teks(fc, g, &teks);
        let x = t.kiri + (lebar - t.kiri - t.kanan - w) / 2.0;
        let y = tinggi - t.bawah / 2.0 - tinggi_baris(fc, g) / 2.0;
        area.print_str(fc, pos(x, y), g, &teks)?;
        if let Tanda::Verifikasi(kode) = &self.tanda {
            let teks = format!("{} {kode}", super::KODE_VERIFIKASI);
            let g8 = gaya(8, 1.0);
            let w = lebar_teks(fc, g8, &teks);
            // On the page number's baseline.
            let y8 = y + tinggi_baris(fc, g) - tinggi_baris(fc, g8);
            area.print_str(fc, pos(lebar - t.kanan - w, y8), g8, &teks)?;
        }

        if self.tanda == Tanda::Draf {
            let merah = Color::Rgb(200, 0, 0);
            let g = gaya(12, 1.0).bold().with_color(merah);
            let w = lebar_teks(fc, g, TANDA_DRAF);
            let h = tinggi_baris(fc, g);
            let x = t.kiri + (lebar - t.kiri - t.kanan - w) / 2.0;
            let y = (t.atas - h) / 2.0;
            area.print_str(fc, pos(x, y), g, TANDA_DRAF)?;
            // A red box around the mark.
            let (x1, x2, y1, y2) = (x - 3.0, x + w + 3.0, y - 1.0, y + h + 1.0);
            for (a, b, c, d) in [
                (x1, y1, x2, y1),
                (x2, y1, x2, y2),
                (x2, y2, x1, y2),
                (x1, y2, x1, y1),
            ] {
                garis_warna(&area, a, b, c, d, merah);
            }
        }
        area.add_margins(Margins::trbl(
            mm(t.atas),
            mm(t.kanan),
            mm(t.bawah),
            mm(t.kiri),
        ));
        TINGGI_HALAMAN.with(|h| h.set(nilai(area.size().height)));
        Ok(area)
    }
}
