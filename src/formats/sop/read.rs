//! Reading a template: the TOML document, its header sheet and its lanes.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::report::{Pengumpul, jenis, kutip, pesan_sintaks};
use super::steps::baca_langkah;
use super::table::Tabel;
use crate::model::sop::{KepalaSop, Pelaksana, SopErrors, SopTemplate};

/// [`SopTemplate::parse`]: reads the TOML, then every part of the template.
pub(super) fn parse(src: &str, nama_berkas: &str) -> Result<SopTemplate, SopErrors> {
    let mut p = Pengumpul::new(src, nama_berkas);
    let (akar, galat_sintaks) = DeTable::parse_recoverable(src);
    if !galat_sintaks.is_empty() {
        for g in &galat_sintaks {
            let span = g.span().unwrap_or(0..0);
            p.lapor(span, "", pesan_sintaks(g.message()));
        }
        return Err(p.selesai());
    }
    let akar_span = akar.span();
    let akar = akar.into_inner();
    let hasil = baca_dokumen(&mut p, &akar, akar_span);
    if p.galat.is_empty() {
        Ok(hasil)
    } else {
        Err(p.selesai())
    }
}

const KUNCI_AKAR: &[&str] = &["sop", "pelaksana", "langkah"];
const KUNCI_SOP: &[&str] = &[
    "kode",
    "nomor",
    "nama",
    "instansi",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_efektif",
    "disahkan_oleh",
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
];
const KUNCI_PELAKSANA: &[&str] = &["kode", "nama"];
pub(super) const KUNCI_LANGKAH: &[&str] = &[
    "no",
    "kegiatan",
    "pelaksana",
    "kelengkapan",
    "waktu",
    "output",
    "keterangan",
    "tolak_ke",
    "per_unit",
    "akhir",
];

/// Whether `s` is a lowercase slug: `[a-z0-9]` groups joined by single `-`, ≤ 64 chars.
fn slug_sah(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.split('-').all(|b| {
            !b.is_empty()
                && b.bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The elements of `[[nama]]` as tables; reports anything else.
pub(super) fn daftar_tabel<'t, 'i>(
    p: &mut Pengumpul<'_>,
    akar: &Tabel<'t, 'i>,
    nama: &str,
) -> Vec<Tabel<'t, 'i>> {
    let Some(v) = akar.ambil(nama) else {
        return Vec::new();
    };
    match v.get_ref() {
        DeValue::Array(a) => {
            let mut hasil = Vec::new();
            for (n, x) in a.iter().enumerate() {
                let jalur = format!("{nama}[{}]", n + 1);
                match x.get_ref() {
                    DeValue::Table(t) => hasil.push(Tabel {
                        isi: t,
                        span: x.span(),
                        jalur,
                    }),
                    lain => p.lapor(
                        x.span(),
                        jalur,
                        format!("harus berupa tabel [[{nama}]], bukan {}", jenis(lain)),
                    ),
                }
            }
            hasil
        }
        lain => {
            p.lapor(
                v.span(),
                nama,
                format!(
                    "harus ditulis sebagai daftar tabel [[{nama}]] (dua kurung siku), bukan {}",
                    jenis(lain)
                ),
            );
            Vec::new()
        }
    }
}

fn baca_dokumen(p: &mut Pengumpul<'_>, akar: &DeTable<'_>, span: Range<usize>) -> SopTemplate {
    let akar = Tabel {
        isi: akar,
        span,
        jalur: String::new(),
    };
    akar.cek_kunci(p, KUNCI_AKAR);

    let kepala = match akar.ambil("sop") {
        Some(v) => match v.get_ref() {
            DeValue::Table(t) => baca_kepala(
                p,
                &Tabel {
                    isi: t,
                    span: v.span(),
                    jalur: "sop".to_string(),
                },
            ),
            lain => {
                p.lapor(
                    v.span(),
                    "sop",
                    format!("harus berupa tabel [sop], bukan {}", jenis(lain)),
                );
                None
            }
        },
        None => {
            p.lapor(
                0..0,
                "sop",
                "bagian [sop] (kode, nomor, nama, … SOP) tidak ada",
            );
            None
        }
    };

    let pelaksana = baca_pelaksana(p, &akar);
    let langkah = baca_langkah(p, &akar, &pelaksana);

    SopTemplate {
        kepala: kepala.unwrap_or_else(|| KepalaSop {
            kode: String::new(),
            nomor: String::new(),
            nama: String::new(),
            instansi: String::new(),
            tanggal_pembuatan: None,
            tanggal_revisi: None,
            tanggal_efektif: None,
            disahkan_oleh: String::new(),
            dasar_hukum: Vec::new(),
            kualifikasi_pelaksana: Vec::new(),
            keterkaitan: Vec::new(),
            peralatan_perlengkapan: Vec::new(),
            peringatan: Vec::new(),
            pencatatan_pendataan: Vec::new(),
        }),
        pelaksana,
        langkah,
    }
}

fn cek_slug(p: &mut Pengumpul<'_>, t: &Tabel<'_, '_>, kode: &Spanned<String>) {
    if !slug_sah(kode.get_ref()) {
        p.lapor(
            kode.span(),
            t.jalur("kode"),
            format!(
                "kode '{}' tidak sah: pakai huruf kecil a-z, angka 0-9 dan tanda '-' di antaranya \
                 (paling panjang 64), mis. \"bkpsdm-90-2023\"",
                kutip(kode.get_ref())
            ),
        );
    }
}

pub(super) fn cek_tidak_kosong(
    p: &mut Pengumpul<'_>,
    t: &Tabel<'_, '_>,
    kunci: &str,
    v: &Spanned<String>,
) {
    if v.get_ref().trim().is_empty() {
        p.lapor(
            v.span(),
            t.jalur(kunci),
            format!("'{kunci}' tidak boleh kosong"),
        );
    }
}

fn baca_kepala(p: &mut Pengumpul<'_>, t: &Tabel<'_, '_>) -> Option<KepalaSop> {
    t.cek_kunci(p, KUNCI_SOP);
    let kode = t.teks(p, "kode", Some("\"bkpsdm-90-2023\""));
    if let Some(k) = &kode {
        cek_slug(p, t, k);
    }
    let nama = t.teks(p, "nama", Some("\"Penyusunan Perjanjian Kinerja\""));
    if let Some(n) = &nama {
        cek_tidak_kosong(p, t, "nama", n);
    }
    let teks = |p: &mut Pengumpul<'_>, kunci| {
        t.teks(p, kunci, None)
            .map(Spanned::into_inner)
            .unwrap_or_default()
    };
    let nomor = teks(p, "nomor");
    let instansi = teks(p, "instansi");
    let disahkan_oleh = teks(p, "disahkan_oleh");
    Some(KepalaSop {
        kode: kode.map(Spanned::into_inner).unwrap_or_default(),
        nomor,
        nama: nama.map(Spanned::into_inner).unwrap_or_default(),
        instansi,
        tanggal_pembuatan: t.tanggal(p, "tanggal_pembuatan"),
        tanggal_revisi: t.tanggal(p, "tanggal_revisi"),
        tanggal_efektif: t.tanggal(p, "tanggal_efektif"),
        disahkan_oleh,
        dasar_hukum: t.daftar_teks(p, "dasar_hukum"),
        kualifikasi_pelaksana: t.daftar_teks(p, "kualifikasi_pelaksana"),
        keterkaitan: t.daftar_teks(p, "keterkaitan"),
        peralatan_perlengkapan: t.daftar_teks(p, "peralatan_perlengkapan"),
        peringatan: t.daftar_teks(p, "peringatan"),
        pencatatan_pendataan: t.daftar_teks(p, "pencatatan_pendataan"),
    })
}

fn baca_pelaksana(p: &mut Pengumpul<'_>, akar: &Tabel<'_, '_>) -> Vec<Pelaksana> {
    let tabel = daftar_tabel(p, akar, "pelaksana");
    if tabel.is_empty() && akar.ambil("pelaksana").is_none() {
        p.lapor(
            0..0,
            "pelaksana",
            "belum ada [[pelaksana]]; tulis paling sedikit satu, mis. [[pelaksana]] kode = \"kepala\" nama = \"Kepala Badan\"",
        );
    }
    let mut hasil = Vec::with_capacity(tabel.len());
    let mut terlihat: HashMap<String, usize> = HashMap::new();
    for t in &tabel {
        t.cek_kunci(p, KUNCI_PELAKSANA);
        let kode = t.teks(p, "kode", Some("\"kepala\""));
        let nama = t.teks(p, "nama", Some("\"Kepala Badan\""));
        if let Some(k) = &kode {
            cek_slug(p, t, k);
            if let Some(baris) = terlihat.get(k.get_ref()) {
                p.lapor(
                    k.span(),
                    t.jalur("kode"),
                    format!(
                        "kode pelaksana '{}' ganda (sudah dipakai di baris {baris})",
                        kutip(k.get_ref())
                    ),
                );
            } else {
                terlihat.insert(k.get_ref().clone(), p.baris(&k.span()));
            }
        }
        if let Some(n) = &nama {
            cek_tidak_kosong(p, t, "nama", n);
        }
        hasil.push(Pelaksana {
            kode: kode.map(Spanned::into_inner).unwrap_or_default(),
            nama: nama.map(Spanned::into_inner).unwrap_or_default(),
        });
    }
    hasil
}
