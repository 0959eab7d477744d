//! Reading the steps (`[[langkah]]`) of a template and their cross-checks.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::read::{KUNCI_LANGKAH, cek_tidak_kosong, daftar_tabel};
use super::report::{Pengumpul, kutip, saran};
use super::table::Tabel;
use crate::model::sop::{Langkah, Pelaksana};
use crate::model::worktime::standard::Waktu;

/// A step as read, with the positions the cross-checks need.
struct LangkahBaca {
    langkah: Langkah,
    jalur: String,
    span: Range<usize>,
    no: Option<Spanned<String>>,
    pelaksana: Option<Spanned<String>>,
    tolak_ke: Option<Spanned<String>>,
    akhir: Option<Spanned<bool>>,
}

pub(super) fn baca_langkah(
    p: &mut Pengumpul<'_>,
    akar: &Tabel<'_, '_>,
    pelaksana: &[Pelaksana],
) -> Vec<Langkah> {
    let tabel = daftar_tabel(p, akar, "langkah");
    if tabel.is_empty() {
        lapor_tanpa_langkah(p, akar);
        return Vec::new();
    }

    // Pass 1: fields of each step.
    let dibaca: Vec<LangkahBaca> = tabel.iter().map(|t| baca_satu(p, t)).collect();

    // Pass 2: cross-checks.
    Silang::new(p, &dibaca, pelaksana).cek(p, &dibaca);

    dibaca.into_iter().map(|l| l.langkah).collect()
}

/// No step at all: reported unless `langkah` has the wrong type (reported already).
fn lapor_tanpa_langkah(p: &mut Pengumpul<'_>, akar: &Tabel<'_, '_>) {
    let nilai = akar.ambil("langkah");
    let kosong = match nilai.map(|v| v.get_ref()) {
        None => true,
        Some(DeValue::Array(a)) => a.is_empty(),
        Some(_) => false, // wrong type, already reported
    };
    if kosong {
        p.lapor(
            nilai.map_or(0..0, |v| v.span()),
            "langkah",
            "belum ada [[langkah]]; SOP perlu paling sedikit satu langkah",
        );
    }
}

/// The fields of one step, each checked on its own.
fn baca_satu(p: &mut Pengumpul<'_>, t: &Tabel<'_, '_>) -> LangkahBaca {
    t.cek_kunci(p, KUNCI_LANGKAH);
    let no = t.teks(p, "no", Some("\"1\""));
    let kegiatan = t.teks(p, "kegiatan", Some("\"Menugaskan staf …\""));
    let pel = t.teks(p, "pelaksana", Some("\"kepala\""));
    let kelengkapan = t.daftar_teks(p, "kelengkapan");
    let waktu_teks = t.teks(p, "waktu", Some("\"5 menit\""));
    let output = t.teks(p, "output", None);
    let keterangan = t.teks(p, "keterangan", None);
    let tolak_ke = t.teks(p, "tolak_ke", None);
    let per_unit = t.benar_salah(p, "per_unit");
    let akhir = t.benar_salah(p, "akhir");

    if let Some(n) = &no
        && (n.get_ref().is_empty() || n.get_ref().chars().any(char::is_whitespace))
    {
        p.lapor(
            n.span(),
            t.jalur("no"),
            "nomor langkah tidak boleh kosong atau memuat spasi, mis. no = \"3\"",
        );
    }
    if let Some(k) = &kegiatan {
        cek_tidak_kosong(p, t, "kegiatan", k);
    }
    let waktu = baca_waktu(p, t, waktu_teks.as_ref());

    LangkahBaca {
        langkah: Langkah {
            no: no.as_ref().map(|s| s.get_ref().clone()).unwrap_or_default(),
            kegiatan: kegiatan.map(Spanned::into_inner).unwrap_or_default(),
            pelaksana: pel
                .as_ref()
                .map(|s| s.get_ref().clone())
                .unwrap_or_default(),
            kelengkapan,
            waktu,
            output: output.map(Spanned::into_inner).unwrap_or_default(),
            keterangan: keterangan.map(Spanned::into_inner).unwrap_or_default(),
            tolak_ke: tolak_ke.as_ref().map(|s| s.get_ref().clone()),
            per_unit: per_unit.as_ref().is_some_and(|b| *b.get_ref()),
            akhir: akhir.as_ref().is_some_and(|b| *b.get_ref()),
        },
        jalur: t.jalur.clone(),
        span: t.span.clone(),
        no,
        pelaksana: pel,
        tolak_ke,
        akhir,
    }
}

/// The step's time; zero when missing or unreadable (then reported).
fn baca_waktu(p: &mut Pengumpul<'_>, t: &Tabel<'_, '_>, teks: Option<&Spanned<String>>) -> Waktu {
    match teks {
        Some(w) => match Waktu::parse(w.get_ref()) {
            Ok(w) => w,
            Err(e) => {
                p.lapor(w.span(), t.jalur("waktu"), e.to_string());
                Waktu::menit(0)
            }
        },
        None => Waktu::menit(0),
    }
}

/// What the cross-checks of the steps look up.
struct Silang<'a> {
    /// no → (index, line) of the first step with that number.
    indeks_no: HashMap<&'a str, (usize, usize)>,
    /// The lanes' kodes, each once.
    kode_pelaksana: Vec<&'a str>,
    /// Every step's number, in order.
    daftar_no: Vec<&'a str>,
    /// Index of the last step.
    terakhir: usize,
}

impl<'a> Silang<'a> {
    /// Indexes the numbers (a number used twice is reported) and the lanes.
    fn new(p: &mut Pengumpul<'_>, dibaca: &'a [LangkahBaca], pelaksana: &'a [Pelaksana]) -> Self {
        let mut indeks_no: HashMap<&str, (usize, usize)> = HashMap::new();
        for (i, l) in dibaca.iter().enumerate() {
            let Some(no) = &l.no else { continue };
            if no.get_ref().is_empty() {
                continue;
            }
            match indeks_no.get(no.get_ref().as_str()) {
                Some(&(_, baris)) => p.lapor(
                    no.span(),
                    format!("{}.no", l.jalur),
                    format!(
                        "nomor langkah '{}' ganda (sudah dipakai di baris {baris})",
                        kutip(no.get_ref())
                    ),
                ),
                None => {
                    indeks_no.insert(no.get_ref(), (i, p.baris(&no.span())));
                }
            }
        }
        let mut kode_pelaksana: Vec<&str> = Vec::with_capacity(pelaksana.len());
        for pl in pelaksana {
            if !pl.kode.is_empty() && !kode_pelaksana.contains(&pl.kode.as_str()) {
                kode_pelaksana.push(&pl.kode);
            }
        }
        let daftar_no: Vec<&str> = dibaca
            .iter()
            .filter_map(|l| l.no.as_ref().map(|n| n.get_ref().as_str()))
            .collect();
        Silang {
            indeks_no,
            kode_pelaksana,
            daftar_no,
            terakhir: dibaca.len() - 1,
        }
    }

    /// Lanes, rejects and the end mark of every step.
    fn cek(&self, p: &mut Pengumpul<'_>, dibaca: &[LangkahBaca]) {
        let mut akhir_pertama: Option<usize> = None;
        for (i, l) in dibaca.iter().enumerate() {
            self.cek_pelaksana(p, l);
            if let Some(t) = &l.tolak_ke {
                self.cek_tolak_ke(p, l, t, i);
            }
            self.cek_akhir(p, dibaca, i, &mut akhir_pertama);
        }
        if akhir_pertama.is_none() {
            let l = &dibaca[self.terakhir];
            p.lapor(
                l.span.clone(),
                format!("{}.akhir", l.jalur),
                "tidak ada langkah akhir; tandai langkah terakhir dengan akhir = true",
            );
        }
    }

    /// The step's lane must be one of the `[[pelaksana]]`.
    fn cek_pelaksana(&self, p: &mut Pengumpul<'_>, l: &LangkahBaca) {
        let Some(pl) = &l.pelaksana else { return };
        if self.kode_pelaksana.contains(&pl.get_ref().as_str()) {
            return;
        }
        let ada = if self.kode_pelaksana.is_empty() {
            "belum ada [[pelaksana]]".to_string()
        } else {
            format!("yang ada: {}", self.kode_pelaksana.join(", "))
        };
        p.lapor(
            pl.span(),
            format!("{}.pelaksana", l.jalur),
            format!(
                "pelaksana '{}' tidak dikenal{} ({ada})",
                kutip(pl.get_ref()),
                saran(pl.get_ref(), self.kode_pelaksana.iter().copied())
            ),
        );
    }

    /// A decision of step `i` returns to an earlier step, and is not the last step.
    fn cek_tolak_ke(&self, p: &mut Pengumpul<'_>, l: &LangkahBaca, t: &Spanned<String>, i: usize) {
        let bidang = format!("{}.tolak_ke", l.jalur);
        match self.indeks_no.get(t.get_ref().as_str()) {
            None => p.lapor(
                t.span(),
                bidang,
                format!(
                    "tolak_ke '{}' tidak menunjuk langkah yang ada (nomor yang ada: {})",
                    kutip(t.get_ref()),
                    self.daftar_no.join(", ")
                ),
            ),
            Some(&(j, _)) if j == i => p.lapor(
                t.span(),
                bidang,
                format!(
                    "tolak_ke '{}' menunjuk langkah ini sendiri; penolakan harus kembali ke langkah sebelumnya",
                    kutip(t.get_ref())
                ),
            ),
            Some(&(j, _)) if j > i => p.lapor(
                t.span(),
                bidang,
                format!(
                    "tolak_ke '{}' menunjuk ke langkah sesudahnya; penolakan harus kembali ke langkah sebelumnya",
                    kutip(t.get_ref())
                ),
            ),
            Some(_) => {}
        }
        if i == self.terakhir {
            p.lapor(
                t.span(),
                format!("{}.tolak_ke", l.jalur),
                "langkah terakhir tidak boleh berupa keputusan (tidak ada langkah sesudahnya untuk jawaban Ya)",
            );
        }
    }

    /// `akhir = true` only on the last step, and only once.
    fn cek_akhir(
        &self,
        p: &mut Pengumpul<'_>,
        dibaca: &[LangkahBaca],
        i: usize,
        akhir_pertama: &mut Option<usize>,
    ) {
        let l = &dibaca[i];
        let Some(a) = &l.akhir else { return };
        if !*a.get_ref() {
            return;
        }
        let bidang = format!("{}.akhir", l.jalur);
        if i != self.terakhir {
            p.lapor(
                a.span(),
                bidang.clone(),
                "akhir = true hanya boleh pada langkah terakhir",
            );
        }
        match *akhir_pertama {
            Some(j) => {
                let baris = dibaca[j].akhir.as_ref().map_or(0, |a| p.baris(&a.span()));
                p.lapor(
                    a.span(),
                    bidang,
                    format!("lebih dari satu langkah bertanda akhir (yang pertama di baris {baris}); hanya langkah terakhir yang boleh"),
                );
            }
            None => *akhir_pertama = Some(i),
        }
    }
}
