//! Compacting the PDF that genpdf writes (through printpdf and lopdf 0.26).
//!
//! printpdf writes every page's content and every font file uncompressed,
//! and puts every font of the family into one font dictionary that all
//! pages share. This pass rewrites the file once, without a general PDF
//! parser:
//! - the objects are found through the cross-reference table;
//! - font names no page content uses (`/F2 9 Tf`) leave the font
//!   dictionary, and the objects nothing refers to any more are dropped;
//! - the remaining objects are numbered 1…n again;
//! - each embedded font keeps only the glyphs the pages use ([`super::subset`]);
//! - every unfiltered stream is deflated.
//!
//! Anything unexpected makes it return `None`; the caller then keeps the
//! PDF as written, which is larger but equally correct.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{Read, Write};
use std::ops::Range;

use flate2::Compression;
use flate2::write::ZlibEncoder;

/// Tokens with their byte ranges.
pub(super) type Deret<'a> = Vec<(Token<'a>, Range<usize>)>;

/// One token of PDF syntax outside stream data, with its place.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Token<'a> {
    /// `/Name`, without the slash.
    Nama(&'a [u8]),
    /// A number, a keyword (`R`, `obj`, `true`) or another bare word.
    Kata(&'a [u8]),
    /// `<<`, `>>`, `[`, `]`, `{`, `}`.
    Tanda(&'a [u8]),
    /// A literal `(…)` or hex `<…>` string, whole.
    Teks,
}

fn pembatas(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

pub(super) fn spasi(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

/// The tokens of `b` with their byte ranges, up to the first `stream`
/// keyword (stream data is never tokenised). `None` on broken syntax.
pub(super) fn token(b: &[u8]) -> Option<Deret<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let awal = i;
        if spasi(c) {
            i += 1;
            continue;
        }
        let t = match c {
            b'%' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'/' => {
                i += 1;
                while i < b.len() && !spasi(b[i]) && !pembatas(b[i]) {
                    i += 1;
                }
                Token::Nama(&b[awal + 1..i])
            }
            b'(' => {
                let mut dalam = 0usize;
                loop {
                    match *b.get(i)? {
                        b'\\' => i += 1,
                        b'(' => dalam += 1,
                        b')' => {
                            dalam -= 1;
                            if dalam == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                Token::Teks
            }
            b'<' if b.get(i + 1) == Some(&b'<') => {
                i += 2;
                Token::Tanda(&b[awal..i])
            }
            b'>' if b.get(i + 1) == Some(&b'>') => {
                i += 2;
                Token::Tanda(&b[awal..i])
            }
            b'<' => {
                i += b[i..].iter().position(|&c| c == b'>')? + 1;
                Token::Teks
            }
            b'[' | b']' | b'{' | b'}' => {
                i += 1;
                Token::Tanda(&b[awal..i])
            }
            b')' | b'>' => return None,
            _ => {
                while i < b.len() && !spasi(b[i]) && !pembatas(b[i]) {
                    i += 1;
                }
                let kata = &b[awal..i];
                if kata == b"stream" {
                    break;
                }
                Token::Kata(kata)
            }
        };
        out.push((t, awal..i));
    }
    Some(out)
}

pub(super) fn angka(kata: &[u8]) -> Option<u32> {
    if kata.is_empty() || !kata.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(kata).ok()?.parse().ok()
}

/// The indirect references `n g R` among `t`: the object number and the
/// byte range of the whole reference.
fn referensi(t: &[(Token<'_>, Range<usize>)]) -> Vec<(u32, Range<usize>)> {
    t.windows(3)
        .filter_map(|w| match (&w[0].0, &w[1].0, &w[2].0) {
            (Token::Kata(n), Token::Kata(g), Token::Kata(b"R")) if angka(g).is_some() => {
                Some((angka(n)?, w[0].1.start..w[2].1.end))
            }
            _ => None,
        })
        .collect()
}

/// The value tokens right after the top-level key `/kunci` of the
/// dictionary tokenised in `t` (which starts with `<<`).
pub(super) fn nilai<'t, 'a>(
    t: &'t [(Token<'a>, Range<usize>)],
    kunci: &[u8],
) -> Option<&'t [(Token<'a>, Range<usize>)]> {
    let mut dalam = 0usize;
    for (i, (tok, _)) in t.iter().enumerate() {
        match tok {
            Token::Tanda(b"<<") | Token::Tanda(b"[") => dalam += 1,
            Token::Tanda(b">>") | Token::Tanda(b"]") => dalam = dalam.checked_sub(1)?,
            Token::Nama(n) if dalam == 1 && *n == kunci => return Some(&t[i + 1..]),
            _ => {}
        }
    }
    None
}

/// The object number of the reference right after `/kunci`.
pub(super) fn ref_dari(t: &[(Token<'_>, Range<usize>)], kunci: &[u8]) -> Option<u32> {
    match nilai(t, kunci)? {
        [
            (Token::Kata(n), _),
            (Token::Kata(_), _),
            (Token::Kata(b"R"), _),
            ..,
        ] => angka(n),
        _ => None,
    }
}

/// One object of the input file.
pub(super) struct Objek<'a> {
    /// The object without its `n g obj` / `endobj` frame; for a stream,
    /// the dictionary only.
    pub kepala: &'a [u8],
    /// The stream data, for a stream.
    pub aliran: Option<&'a [u8]>,
    /// The tokens of `kepala`.
    pub tok: Deret<'a>,
}

fn cari(b: &[u8], pola: &[u8]) -> Option<usize> {
    b.windows(pola.len()).position(|w| w == pola)
}

fn cari_akhir(b: &[u8], pola: &[u8]) -> Option<usize> {
    b.windows(pola.len()).rposition(|w| w == pola)
}

/// The objects of the file (by number) and the trailer dictionary, read
/// through the classic cross-reference table lopdf writes.
fn baca(pdf: &[u8]) -> Option<(BTreeMap<u32, Objek<'_>>, &[u8])> {
    let sx = cari_akhir(pdf, b"startxref")?;
    let sisa = std::str::from_utf8(&pdf[sx + 9..]).ok()?;
    let xref: usize = sisa.split_whitespace().next()?.parse().ok()?;
    let tabel = pdf.get(xref..)?;
    let mut baris = tabel.split(|&c| c == b'\n').map(|l| l.trim_ascii());
    if baris.next()? != b"xref" {
        return None;
    }
    let mut letak: Vec<(usize, u32)> = Vec::new();
    // Subsections "first count", then `count` entries each.
    loop {
        let l = baris.next()?;
        if l == b"trailer" {
            break;
        }
        let kepala = std::str::from_utf8(l).ok()?;
        let mut k = kepala.split_whitespace();
        let awal: u32 = k.next()?.parse().ok()?;
        let jumlah: u32 = k.next()?.parse().ok()?;
        for n in awal..awal.checked_add(jumlah)? {
            let e = baris.next()?;
            let e = std::str::from_utf8(e).ok()?;
            let mut f = e.split_whitespace();
            let off: usize = f.next()?.parse().ok()?;
            let _gen = f.next()?;
            if f.next()? == "n" {
                letak.push((off, n));
            }
        }
    }
    let trailer_teks = &tabel[cari(tabel, b"trailer")? + 7..];
    let t = token(trailer_teks)?;
    let (_, akhir) = tutup_dict(&t)?;
    let trailer = &trailer_teks[t.first()?.1.start..akhir];

    letak.sort_unstable();
    let mut objek = BTreeMap::new();
    for (i, &(off, n)) in letak.iter().enumerate() {
        let ujung = letak.get(i + 1).map_or(xref, |&(o, _)| o);
        let isi = pdf.get(off..ujung)?;
        let akhir = cari_akhir(isi, b"endobj")?;
        let isi = &isi[..akhir];
        // "n g obj"
        let mulai = cari(isi, b"obj")? + 3;
        let kepala_obj = std::str::from_utf8(&isi[..mulai - 3]).ok()?;
        let mut k = kepala_obj.split_whitespace();
        if k.next()?.parse::<u32>().ok()? != n {
            return None;
        }
        // Trimmed in front: the tokens' ranges are also those of `kepala`.
        let badan = isi[mulai..].trim_ascii();
        let tok = token(badan)?;
        let mut o = Objek {
            kepala: badan,
            aliran: None,
            tok,
        };
        if let Some((Token::Tanda(b"<<"), _)) = o.tok.first() {
            let (panjang, akhir_dict) = tutup_dict(&o.tok)?;
            let setelah = &badan[akhir_dict..];
            let lewat = setelah.iter().take_while(|&&c| spasi(c)).count();
            if setelah[lewat..].starts_with(b"stream") {
                let panjang = panjang?;
                let mut s = akhir_dict + lewat + 6;
                if badan.get(s) == Some(&b'\r') {
                    s += 1;
                }
                if badan.get(s) != Some(&b'\n') {
                    return None;
                }
                s += 1;
                o.kepala = &badan[..akhir_dict];
                o.aliran = Some(badan.get(s..s + panjang)?);
            }
        }
        objek.insert(n, o);
    }
    Some((objek, trailer))
}

/// For tokens starting with `<<`: the direct `/Length` value (if any) and
/// the byte offset just after the matching `>>`.
fn tutup_dict(t: &[(Token<'_>, Range<usize>)]) -> Option<(Option<usize>, usize)> {
    let mut dalam = 0usize;
    for (tok, r) in t {
        match tok {
            Token::Tanda(b"<<") => dalam += 1,
            Token::Tanda(b">>") => {
                dalam = dalam.checked_sub(1)?;
                if dalam == 0 {
                    let panjang = match nilai(t, b"Length") {
                        Some([(Token::Kata(n), _), rest @ ..])
                            if !matches!(rest.get(1), Some((Token::Kata(b"R"), _))) =>
                        {
                            Some(angka(n)? as usize)
                        }
                        _ => None,
                    };
                    return Some((panjang, r.end));
                }
            }
            _ => {}
        }
    }
    None
}

/// The font names set with `Tf` (`/F0 9.00 Tf`) in a content stream.
fn huruf_dipakai(isi: &[u8], dipakai: &mut BTreeSet<Vec<u8>>) {
    let kata: Vec<&[u8]> = isi.split(|&c| spasi(c)).filter(|k| !k.is_empty()).collect();
    for w in kata.windows(3) {
        if w[2] == b"Tf"
            && let Some(nama) = w[0].strip_prefix(b"/")
            && std::str::from_utf8(w[1]).is_ok_and(|s| s.parse::<f64>().is_ok())
        {
            dipakai.insert(nama.to_vec());
        }
    }
}

/// `b` with the byte ranges in `ganti` replaced (ranges sorted, disjoint).
pub(super) fn sunting(b: &[u8], ganti: &[(Range<usize>, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() + 16);
    let mut i = 0;
    for (r, baru) in ganti {
        out.extend_from_slice(&b[i..r.start]);
        out.extend_from_slice(baru);
        i = r.end;
    }
    out.extend_from_slice(&b[i..]);
    out
}

fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut z = ZlibEncoder::new(Vec::with_capacity(data.len() / 2), Compression::default());
    z.write_all(data).ok()?;
    z.finish().ok()
}

/// The document information dictionary `lama` with the author, the
/// subject, the creator and the producer added.
fn info_baru(lama: &[u8], info: &super::Info<'_>) -> Vec<u8> {
    let mut k = b"<<".to_vec();
    for (kunci, nilai) in [
        ("Author", info.penulis.trim()),
        ("Subject", info.subjek.trim()),
        ("Keywords", info.kata_kunci.trim()),
        ("Creator", "perkin"),
        (
            "Producer",
            &format!("perkin {}", crate::build_info::VERSION),
        ),
    ] {
        if !nilai.is_empty() {
            k.extend_from_slice(format!("/{kunci}").as_bytes());
            k.extend_from_slice(&teks_pdf(nilai));
        }
    }
    k.extend_from_slice(lama.strip_prefix(b"<<").unwrap_or(lama));
    k
}

/// A PDF text string: literal for ASCII, else UTF-16BE with its byte-order
/// mark (PDF 32000-1, 7.9.2.2).
fn teks_pdf(s: &str) -> Vec<u8> {
    if s.is_ascii() {
        let mut out = b"(".to_vec();
        for c in s.bytes() {
            if matches!(c, b'(' | b')' | b'\\') {
                out.push(b'\\');
            }
            out.push(c);
        }
        out.push(b')');
        out
    } else {
        let mut out = String::from("<FEFF");
        for u in s.encode_utf16() {
            out.push_str(&format!("{u:04X}"));
        }
        out.push('>');
        out.into_bytes()
    }
}

/// The compacted PDF, or `None` when the input is not laid out as
/// expected.
pub(super) fn compact(pdf: &[u8], info: &super::Info<'_>) -> Option<Vec<u8>> {
    let (objek, trailer) = baca(pdf)?;
    let tok = |n: u32| objek.get(&n).map(|o| &o.tok);

    let halaman = halaman(&objek)?;
    let (mut kepala_baru, nama_huruf) = kamus_baru(&objek, &halaman)?;
    // Each embedded font cut to the glyphs used (kept whole if that fails).
    let subset = super::subset::rencana(&objek, halaman.isi, &nama_huruf).unwrap_or_default();
    kepala_baru.extend(subset.kepala);
    let t_trailer = token(trailer)?;
    info_dan_bahasa(&objek, &t_trailer, info, &mut kepala_baru)?;
    let tok_baru: HashMap<u32, Deret<'_>> = kepala_baru
        .iter()
        .map(|(&n, k)| Some((n, token(k)?)))
        .collect::<Option<_>>()?;
    let kepala = |n: u32| -> Option<(&[u8], &Deret<'_>)> {
        match kepala_baru.get(&n) {
            Some(k) => Some((k.as_slice(), tok_baru.get(&n)?)),
            None => Some((objek.get(&n)?.kepala, tok(n)?)),
        }
    };

    // What the trailer reaches.
    let mut capai = BTreeSet::new();
    let mut antre: Vec<u32> = referensi(&t_trailer).into_iter().map(|(n, _)| n).collect();
    while let Some(n) = antre.pop() {
        if capai.insert(n) {
            let (_, t) = kepala(n)?;
            antre.extend(referensi(t).into_iter().map(|(n, _)| n));
        }
    }
    let nomor: HashMap<u32, u32> = capai.iter().zip(1u32..).map(|(&a, b)| (a, b)).collect();
    let ganti_ref = |t: &[(Token<'_>, Range<usize>)]| -> Option<Vec<(Range<usize>, Vec<u8>)>> {
        referensi(t)
            .into_iter()
            .map(|(n, r)| Some((r, format!("{} 0 R", nomor.get(&n)?).into_bytes())))
            .collect()
    };

    let mut out = Vec::with_capacity(pdf.len() / 3);
    out.extend_from_slice(b"%PDF-1.3\n%\xe2\xe3\xcf\xd3\n");
    let mut letak = Vec::with_capacity(capai.len());
    for &n in &capai {
        let (k, t) = kepala(n)?;
        let mut ganti = ganti_ref(t)?;
        letak.push(out.len());
        writeln!(out, "{} 0 obj", nomor[&n]).ok()?;
        match objek.get(&n)?.aliran {
            None => out.extend_from_slice(&sunting(k, &ganti)),
            Some(data) => {
                let sudah = nilai(t, b"Filter").is_some();
                // A stream the subsets changed is given as plain data, to
                // be deflated (its head keeps a FlateDecode filter it had).
                let data = match (subset.aliran.get(&n), sudah) {
                    (Some(baru), _) => deflate(baru)?.into(),
                    (None, true) => std::borrow::Cow::Borrowed(data),
                    (None, false) => deflate(data)?.into(),
                };
                // /Length n → the new length; /Filter added after "<<".
                let [(Token::Kata(_), r), ..] = nilai(t, b"Length")? else {
                    return None;
                };
                ganti.push((r.clone(), data.len().to_string().into_bytes()));
                if !sudah {
                    ganti.push((2..2, b"/Filter/FlateDecode".to_vec()));
                }
                ganti.sort_by_key(|(r, _)| (r.start, r.end));
                out.extend_from_slice(&sunting(k, &ganti));
                out.extend_from_slice(b"\nstream\n");
                out.extend_from_slice(&data);
                out.extend_from_slice(b"\nendstream");
            }
        }
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", letak.len() + 1).ok()?;
    for l in &letak {
        writeln!(out, "{l:010} 00000 n ").ok()?;
    }
    let mut ganti = ganti_ref(&t_trailer)?;
    let [(Token::Kata(_), r), ..] = nilai(&t_trailer, b"Size")? else {
        return None;
    };
    ganti.push((r.clone(), (letak.len() + 1).to_string().into_bytes()));
    ganti.sort_by_key(|(r, _)| (r.start, r.end));
    out.extend_from_slice(b"trailer\n");
    out.extend_from_slice(&sunting(trailer, &ganti));
    write!(out, "\nstartxref\n{xref}\n%%EOF\n").ok()?;
    Some(out)
}

/// What the pages use: the font names set in their contents, the font
/// dictionaries of their resources, and their content streams (by object,
/// inflated: printpdf's release build deflates them).
struct Halaman {
    dipakai: BTreeSet<Vec<u8>>,
    kamus_huruf: BTreeSet<u32>,
    isi: HashMap<u32, Vec<u8>>,
}

fn halaman(objek: &BTreeMap<u32, Objek<'_>>) -> Option<Halaman> {
    let tok = |n: u32| objek.get(&n).map(|o| &o.tok);
    let mut h = Halaman {
        dipakai: BTreeSet::new(),
        kamus_huruf: BTreeSet::new(),
        isi: HashMap::new(),
    };
    for t in objek.values().map(|o| &o.tok) {
        if nilai(t, b"Type").and_then(|v| v.first()).map(|v| &v.0) != Some(&Token::Nama(b"Page")) {
            continue;
        }
        let isi = ref_dari(t, b"Contents")?;
        let data = data_aliran(objek.get(&isi)?)?;
        huruf_dipakai(&data, &mut h.dipakai);
        h.isi.insert(isi, data);
        // The font dictionary behind /Resources n 0 R → /Font m 0 R.
        if let Some(r) = ref_dari(t, b"Resources")
            && let Some(f) = ref_dari(tok(r)?, b"Font")
        {
            h.kamus_huruf.insert(f);
        }
    }
    Some(h)
}

/// The font dictionaries with the names no page uses left out, and the
/// font object of each name in use.
type KamusBaru = (HashMap<u32, Vec<u8>>, HashMap<Vec<u8>, u32>);

fn kamus_baru(objek: &BTreeMap<u32, Objek<'_>>, h: &Halaman) -> Option<KamusBaru> {
    let mut kepala_baru: HashMap<u32, Vec<u8>> = HashMap::new();
    let mut nama_huruf: HashMap<Vec<u8>, u32> = HashMap::new();
    for &f in &h.kamus_huruf {
        let t = &objek.get(&f)?.tok;
        let mut isi = b"<<".to_vec();
        let mut i = 1;
        while let Some((Token::Nama(n), _)) = t.get(i) {
            let [
                (Token::Kata(a), _),
                (Token::Kata(g), _),
                (Token::Kata(b"R"), _),
            ] = t.get(i + 1..i + 4)?
            else {
                return None;
            };
            if h.dipakai.contains(*n) {
                nama_huruf.insert(n.to_vec(), angka(a)?);
                isi.push(b'/');
                isi.extend_from_slice(n);
                isi.push(b' ');
                isi.extend_from_slice(a);
                isi.push(b' ');
                isi.extend_from_slice(g);
                isi.extend_from_slice(b" R");
            }
            i += 4;
        }
        if t.get(i).map(|t| &t.0) != Some(&Token::Tanda(b">>")) {
            return None;
        }
        isi.extend_from_slice(b">>");
        kepala_baru.insert(f, isi);
    }
    Some((kepala_baru, nama_huruf))
}

/// The document information (author, subject, producer) and the catalog's
/// language, added once (a compacted file already has them).
fn info_dan_bahasa(
    objek: &BTreeMap<u32, Objek<'_>>,
    t_trailer: &[(Token<'_>, Range<usize>)],
    info: &super::Info<'_>,
    kepala_baru: &mut HashMap<u32, Vec<u8>>,
) -> Option<()> {
    if let Some(n) = ref_dari(t_trailer, b"Info") {
        let o = objek.get(&n)?;
        if nilai(&o.tok, b"Producer").is_none() {
            kepala_baru.insert(n, info_baru(o.kepala, info));
        }
    }
    let katalog = ref_dari(t_trailer, b"Root")?;
    let o = objek.get(&katalog)?;
    if nilai(&o.tok, b"Lang").is_none() && o.kepala.starts_with(b"<<") {
        let mut k = b"<</Lang(id-ID)".to_vec();
        k.extend_from_slice(&o.kepala[2..]);
        kepala_baru.insert(katalog, k);
    }
    Some(())
}

/// The data of a stream as written before compression: unfiltered, or
/// inflated from FlateDecode; `None` for any other filter.
pub(super) fn data_aliran(o: &Objek<'_>) -> Option<Vec<u8>> {
    let data = o.aliran?;
    match nilai(&o.tok, b"Filter") {
        None => Some(data.to_vec()),
        Some([(Token::Nama(b"FlateDecode"), _), ..]) => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(data)
                .read_to_end(&mut out)
                .ok()?;
            Some(out)
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_lewati_teks_dan_temukan_referensi() {
        let b = b"<</Title(a >> (b) \\) 1 0 R)/Kids[3 0 R 12 0 R]/ID<0a1b>/N 5>>";
        let t = token(b).unwrap();
        let r: Vec<u32> = referensi(&t).into_iter().map(|(n, _)| n).collect();
        assert_eq!(r, vec![3, 12]);
        assert_eq!(tutup_dict(&t).unwrap().1, b.len());
        assert!(matches!(
            nilai(&t, b"N"),
            Some([(Token::Kata(b"5"), _), ..])
        ));
    }

    #[test]
    fn huruf_yang_dipakai_dari_isi_halaman() {
        let mut d = BTreeSet::new();
        huruf_dipakai(
            b"BT\n/F0 9.00 Tf\n[<0012>] TJ\n/OC /MC0 BDC\n/F1 12 Tf\nET",
            &mut d,
        );
        let d: Vec<&[u8]> = d.iter().map(Vec::as_slice).collect();
        assert_eq!(d, vec![&b"F0"[..], &b"F1"[..]]);
    }

    #[test]
    fn berkas_rusak_tidak_dipadatkan() {
        let info = super::super::Info {
            penulis: "",
            subjek: String::new(),
            kata_kunci: String::new(),
        };
        assert!(compact(b"", &info).is_none());
        assert!(compact(b"%PDF-1.3\nstartxref\n999\n%%EOF", &info).is_none());
        let kosong = b"%PDF-1.3\n1 0 obj<<>>endobj\nxref\n0 2\nstartxref\n9\n%%EOF";
        assert!(compact(kosong, &info).is_none());
    }
}
