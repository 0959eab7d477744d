//! Font subsets for the compaction pass ([`super::compact`]): each embedded
//! font keeps only the glyphs the pages use.
//!
//! printpdf embeds a TrueType font whole as a CID font (Type0, Identity-H,
//! CID = glyph id) with a width for every glyph (`/W`) and a ToUnicode map
//! of every glyph; the pages show text as 4-hex-digit glyph ids
//! (`[<0041> -12 <0042>] TJ`). typst's `subsetter` cuts the font file to the
//! glyphs used and numbers them 0…n again, so the glyph ids in the page
//! contents, the widths and the ToUnicode map are renumbered to match, and
//! the font's name gets the six-letter subset tag (`ABCDEF+LiberationSans`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use subsetter::GlyphRemapper;

use super::compact::{Objek, Token, angka, data_aliran, ref_dari, spasi, sunting};

/// What subsetting changes in the file: new stream data (not yet
/// compressed) and new object heads, by object number.
#[derive(Default)]
pub(super) struct Perubahan {
    pub aliran: HashMap<u32, Vec<u8>>,
    pub kepala: HashMap<u32, Vec<u8>>,
}

/// One embedded font: its objects and the glyphs used.
struct Huruf {
    /// The Type0 font dictionary (with the CID font inline).
    font: u32,
    descriptor: u32,
    file: u32,
    to_unicode: u32,
    glyf: BTreeSet<u16>,
}

/// A hex string of glyph ids in a content stream: the object, the byte
/// range of its hex digits, and the font it is shown in.
struct Teks {
    isi: u32,
    digit: Range<usize>,
    font: u32,
}

/// The subsets of every embedded font used by the pages, whose content
/// streams `isi_teks` holds inflated (by object), with the font names
/// `nama` (resource name → font object). `None` when something is not as
/// printpdf writes it: the caller then keeps the fonts whole.
pub(super) fn rencana(
    objek: &BTreeMap<u32, Objek<'_>>,
    mut isi_teks: HashMap<u32, Vec<u8>>,
    nama: &HashMap<Vec<u8>, u32>,
) -> Option<Perubahan> {
    let mut huruf: BTreeMap<u32, Huruf> = BTreeMap::new();
    for &f in nama.values() {
        if let Some(h) = huruf_type0(objek, f)? {
            huruf.insert(f, h);
        }
    }
    if huruf.is_empty() {
        return None;
    }
    let mut teks = Vec::new();
    for (&n, data) in &isi_teks {
        for (digit, font) in teks_glyf(data, nama, &huruf)? {
            teks.push(Teks {
                isi: n,
                digit,
                font,
            });
        }
    }
    for t in &teks {
        let data = isi_teks.get(&t.isi)?;
        let h = huruf.get_mut(&t.font)?;
        h.glyf.extend(glyf_dari_hex(&data[t.digit.clone()])?);
    }
    let mut p = Perubahan::default();
    let mut peta: HashMap<u32, GlyphRemapper> = HashMap::new();
    for (&f, h) in &huruf {
        let glyf: Vec<u16> = h.glyf.iter().copied().collect();
        let remap = GlyphRemapper::new_from_glyphs_sorted(&glyf);
        subset_satu(objek, h, &remap, &mut p)?;
        peta.insert(f, remap);
    }
    // The pages' glyph ids, renumbered in place (same number of digits).
    for t in &teks {
        let data = isi_teks.get_mut(&t.isi)?;
        let remap = peta.get(&t.font)?;
        let lama = glyf_dari_hex(&data[t.digit.clone()])?;
        let baru: String = lama
            .iter()
            .map(|g| remap.get(*g).map(|n| format!("{n:04X}")))
            .collect::<Option<_>>()?;
        data[t.digit.clone()].copy_from_slice(baru.as_bytes());
    }
    p.aliran.extend(isi_teks);
    Some(p)
}

/// The objects of an embedded Type0 font, or `Some(None)` for a font that
/// is not one (a built-in Type1 font).
fn huruf_type0(objek: &BTreeMap<u32, Objek<'_>>, f: u32) -> Option<Option<Huruf>> {
    let t = &objek.get(&f)?.tok;
    if !matches!(
        super::compact::nilai(t, b"Subtype"),
        Some([(Token::Nama(b"Type0"), _), ..])
    ) {
        return Some(None);
    }
    // Already a subset ("ABCDEF+…"): compacting again keeps it as it is.
    if let Some([(Token::Nama(n), _), ..]) = super::compact::nilai(t, b"BaseFont")
        && n.contains(&b'+')
    {
        return Some(None);
    }
    let i = kunci_di(t, b"FontDescriptor")?;
    let descriptor = match &t[i + 1..] {
        [
            (Token::Kata(n), _),
            (Token::Kata(_), _),
            (Token::Kata(b"R"), _),
            ..,
        ] => angka(n)?,
        _ => return None,
    };
    let file = ref_dari(&objek.get(&descriptor)?.tok, b"FontFile2")?;
    let to_unicode = ref_dari(t, b"ToUnicode")?;
    Some(Some(Huruf {
        font: f,
        descriptor,
        file,
        to_unicode,
        glyf: BTreeSet::new(),
    }))
}

/// The index of the first `/kunci` at any depth.
fn kunci_di(t: &[(Token<'_>, Range<usize>)], kunci: &[u8]) -> Option<usize> {
    t.iter()
        .position(|(tok, _)| matches!(tok, Token::Nama(n) if *n == kunci))
}

/// The hex strings of a content stream shown in an embedded font: the
/// range of their digits and the font. Literal strings (built-in fonts)
/// are skipped.
fn teks_glyf(
    b: &[u8],
    nama: &HashMap<Vec<u8>, u32>,
    huruf: &BTreeMap<u32, Huruf>,
) -> Option<Vec<(Range<usize>, u32)>> {
    let mut out = Vec::new();
    let mut font: Option<u32> = None;
    let mut nama_terakhir: Option<&[u8]> = None;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            c if spasi(c) => i += 1,
            b'(' => i = lewati_literal(b, i)?,
            b'<' if b.get(i + 1) == Some(&b'<') => i += 2,
            b'<' => {
                let akhir = i + 1 + b[i + 1..].iter().position(|&c| c == b'>')?;
                if let Some(f) = font.filter(|f| huruf.contains_key(f)) {
                    out.push((i + 1..akhir, f));
                }
                i = akhir + 1;
            }
            b'/' => {
                let awal = i + 1;
                i = awal + kata_panjang(&b[awal..]);
                nama_terakhir = Some(&b[awal..i]);
            }
            _ => {
                let awal = i;
                i += kata_panjang(&b[i..]).max(1);
                if &b[awal..i] == b"Tf" {
                    font = nama_terakhir.and_then(|n| nama.get(n).copied());
                }
            }
        }
    }
    Some(out)
}

/// The length of a bare word at the start of `b`.
fn kata_panjang(b: &[u8]) -> usize {
    b.iter()
        .take_while(|&&c| !spasi(c) && !b"()<>[]{}/%".contains(&c))
        .count()
}

/// The index just after the literal string starting at `b[i] == '('`
/// (nested parentheses and backslash escapes).
fn lewati_literal(b: &[u8], mut i: usize) -> Option<usize> {
    let mut dalam = 0usize;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'(' => dalam += 1,
            b')' => {
                dalam -= 1;
                if dalam == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The glyph ids of a string's hex digits, four digits each.
fn glyf_dari_hex(d: &[u8]) -> Option<Vec<u16>> {
    if !d.len().is_multiple_of(4) {
        return None;
    }
    d.chunks(4)
        .map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
        .collect()
}

/// The subset of one font: its file, widths, ToUnicode map and names.
fn subset_satu(
    objek: &BTreeMap<u32, Objek<'_>>,
    h: &Huruf,
    remap: &GlyphRemapper,
    p: &mut Perubahan,
) -> Option<()> {
    let file = objek.get(&h.file)?;
    let data = data_aliran(file)?;
    let sub = subsetter::subset(&data, 0, remap).ok()?;
    let ps = nama_postscript(&data);
    let tag = tag_subset(h, remap);
    let nama_baru = format!("/{tag}+{ps}");

    // The font file: the subset, with its length.
    let i = kunci_di(&file.tok, b"Length1")?;
    let r = file.tok.get(i + 1)?.1.clone();
    p.kepala.insert(
        h.file,
        sunting(file.kepala, &[(r, sub.len().to_string().into_bytes())]),
    );
    p.aliran.insert(h.file, sub);

    // The descriptor's name.
    let d = objek.get(&h.descriptor)?;
    let i = kunci_di(&d.tok, b"FontName")?;
    let r = d.tok.get(i + 1)?.1.clone();
    p.kepala.insert(
        h.descriptor,
        sunting(d.kepala, &[(r, nama_baru.clone().into_bytes())]),
    );

    // The font: both BaseFont names and the widths.
    let f = objek.get(&h.font)?;
    let mut g = Vec::new();
    for (k, (tok, _)) in f.tok.iter().enumerate() {
        if matches!(tok, Token::Nama(b"BaseFont")) {
            g.push((f.tok.get(k + 1)?.1.clone(), nama_baru.clone().into_bytes()));
        }
    }
    let (rentang, lebar) = lebar_lama(&f.tok)?;
    g.push((rentang, lebar_baru(&lebar, remap).into_bytes()));
    g.sort_by_key(|(r, _)| r.start);
    p.kepala.insert(h.font, sunting(f.kepala, &g));

    // The ToUnicode map, renumbered.
    let cmap = data_aliran(objek.get(&h.to_unicode)?)?;
    p.aliran.insert(
        h.to_unicode,
        to_unicode_baru(&cmap, remap, ps)?.into_bytes(),
    );
    Some(())
}

/// The PostScript name of a bundled font, else a neutral one.
fn nama_postscript(data: &[u8]) -> &'static str {
    if data == super::HURUF_REGULAR {
        "LiberationSans"
    } else if data == super::HURUF_BOLD {
        "LiberationSans-Bold"
    } else {
        "Huruf"
    }
}

/// Six capital letters from the font and its glyphs (PDF 32000-1, 9.6.4):
/// the same subset gets the same tag.
fn tag_subset(h: &Huruf, remap: &GlyphRemapper) -> String {
    let mut x: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(h.font);
    for g in remap.remapped_gids() {
        x = (x ^ u64::from(g)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (0..6)
        .map(|k| char::from(b'A' + ((x >> (k * 10)) % 26) as u8))
        .collect()
}

/// Glyph widths by glyph id, as written in the file.
type Lebar = HashMap<u16, Vec<u8>>;

/// The `/W` array of the CID font: its byte range (value only) and the
/// width of every glyph it lists (`c [w1 w2 …]` and `c1 c2 w` forms).
fn lebar_lama(t: &[(Token<'_>, Range<usize>)]) -> Option<(Range<usize>, Lebar)> {
    let i = kunci_di(t, b"W")?;
    let (Token::Tanda(b"["), awal) = &t.get(i + 1)? else {
        return None;
    };
    let mut lebar = HashMap::new();
    let mut k = i + 2;
    loop {
        match &t.get(k)?.0 {
            Token::Tanda(b"]") => return Some((awal.start..t[k].1.end, lebar)),
            Token::Kata(c) => {
                let c = u16::try_from(angka(c)?).ok()?;
                match &t.get(k + 1)?.0 {
                    Token::Tanda(b"[") => {
                        k += 2;
                        let mut g = c;
                        while let Token::Kata(w) = &t.get(k)?.0 {
                            lebar.insert(g, w.to_vec());
                            g = g.checked_add(1)?;
                            k += 1;
                        }
                        if t.get(k)?.0 != Token::Tanda(b"]") {
                            return None;
                        }
                        k += 1;
                    }
                    Token::Kata(c2) => {
                        let c2 = u16::try_from(angka(c2)?).ok()?;
                        let Token::Kata(w) = &t.get(k + 2)?.0 else {
                            return None;
                        };
                        for g in c..=c2 {
                            lebar.insert(g, w.to_vec());
                        }
                        k += 3;
                    }
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
}

/// `[0[w0 w1 …]]` for the new glyph ids (1000, the default, when a glyph
/// had no width listed).
fn lebar_baru(lebar: &Lebar, remap: &GlyphRemapper) -> String {
    let w: Vec<String> = remap
        .remapped_gids()
        .map(|g| {
            lebar.get(&g).map_or_else(
                || "1000".into(),
                |w| String::from_utf8_lossy(w).into_owned(),
            )
        })
        .collect();
    format!("[0[{}]]", w.join(" "))
}

/// The ToUnicode CMap for the new glyph ids, from the old one's
/// `<glyph> <unicode>` pairs.
fn to_unicode_baru(lama: &[u8], remap: &GlyphRemapper, nama: &str) -> Option<String> {
    let teks = std::str::from_utf8(lama).ok()?;
    let mut peta: HashMap<u16, &str> = HashMap::new();
    for baris in teks.lines() {
        let mut k = baris.split_whitespace();
        if let (Some(a), Some(b), None) = (k.next(), k.next(), k.next())
            && let (Some(a), Some(b)) = (hex_dalam(a), hex_dalam(b))
            && a.len() == 4
        {
            peta.insert(u16::from_str_radix(a, 16).ok()?, b);
        }
    }
    let pasangan: Vec<(u16, &str)> = remap
        .remapped_gids()
        .enumerate()
        .filter_map(|(baru, lama)| Some((u16::try_from(baru).ok()?, *peta.get(&lama)?)))
        .collect();
    let mut out = format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /{nama}-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    );
    for blok in pasangan.chunks(100) {
        out.push_str(&format!("{} beginbfchar\n", blok.len()));
        for (g, u) in blok {
            out.push_str(&format!("<{g:04X}> <{u}>\n"));
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    Some(out)
}

/// The digits of a `<hex>` word.
fn hex_dalam(s: &str) -> Option<&str> {
    let d = s.strip_prefix('<')?.strip_suffix('>')?;
    (!d.is_empty() && d.bytes().all(|c| c.is_ascii_hexdigit())).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::super::compact::token;
    use super::*;

    #[test]
    fn hex_strings_shown_in_an_embedded_font_are_found_and_literals_skipped() {
        let isi = b"BT /F0 9.00 Tf [<002B><0044> -12 <004F>] TJ /F9 9 Tf (a<b) Tj ET";
        let nama: HashMap<Vec<u8>, u32> = [(b"F0".to_vec(), 1), (b"F9".to_vec(), 9)].into();
        let huruf: BTreeMap<u32, Huruf> = [(
            1,
            Huruf {
                font: 1,
                descriptor: 2,
                file: 3,
                to_unicode: 4,
                glyf: BTreeSet::new(),
            },
        )]
        .into();
        let t = teks_glyf(isi, &nama, &huruf).unwrap();
        let digit: Vec<&[u8]> = t.iter().map(|(r, _)| &isi[r.clone()]).collect();
        assert_eq!(digit, [&b"002B"[..], b"0044", b"004F"]);
        assert_eq!(glyf_dari_hex(b"002B0044"), Some(vec![0x2b, 0x44]));
    }

    #[test]
    fn widths_are_read_in_both_forms_and_written_for_the_new_ids() {
        let w = b"<</W[0[488] 3[277 333] 10 12 500]>>";
        let t = token(w).unwrap();
        let (r, lebar) = lebar_lama(&t).unwrap();
        assert_eq!(&w[r], b"[0[488] 3[277 333] 10 12 500]");
        assert_eq!(lebar[&4], b"333");
        assert_eq!(lebar[&11], b"500");
        let remap = GlyphRemapper::new_from_glyphs_sorted(&[4, 11, 99]);
        assert_eq!(lebar_baru(&lebar, &remap), "[0[488 333 500 1000]]");
    }
}
