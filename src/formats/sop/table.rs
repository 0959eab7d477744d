//! A TOML table being read: field lookup and type checks.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::report::{Pengumpul, jenis, kutip, saran};

/// A table being read: looks fields up and checks their types.
pub(super) struct Tabel<'t, 'i> {
    pub(super) isi: &'t DeTable<'i>,
    pub(super) span: Range<usize>,
    pub(super) jalur: String,
}

impl<'t, 'i> Tabel<'t, 'i> {
    pub(super) fn jalur(&self, kunci: &str) -> String {
        if self.jalur.is_empty() {
            kunci.to_string()
        } else {
            format!("{}.{kunci}", self.jalur)
        }
    }

    pub(super) fn ambil(&self, kunci: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.isi
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == kunci)
            .map(|(_, v)| v)
    }

    /// Reports every key not in `dikenal`.
    pub(super) fn cek_kunci(&self, p: &mut Pengumpul<'_>, dikenal: &[&str]) {
        for (k, _) in self.isi.iter() {
            let nama = k.get_ref().as_ref();
            if !dikenal.contains(&nama) {
                p.lapor(
                    k.span(),
                    self.jalur(nama),
                    format!(
                        "kunci '{}' tidak dikenal{} (yang dikenal: {})",
                        kutip(nama),
                        saran(nama, dikenal.iter().copied()),
                        dikenal.join(", ")
                    ),
                );
            }
        }
    }

    fn wajib_hilang(&self, p: &mut Pengumpul<'_>, kunci: &str, contoh: &str) {
        p.lapor(
            self.span.clone(),
            self.jalur(kunci),
            format!("'{kunci}' wajib diisi, mis. {kunci} = {contoh}"),
        );
    }

    /// A text field. Missing and `wajib` → error; missing otherwise → None.
    pub(super) fn teks(
        &self,
        p: &mut Pengumpul<'_>,
        kunci: &str,
        wajib: Option<&str>,
    ) -> Option<Spanned<String>> {
        let Some(v) = self.ambil(kunci) else {
            if let Some(contoh) = wajib {
                self.wajib_hilang(p, kunci, contoh);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::String(s) => Some(Spanned::new(v.span(), s.to_string())),
            DeValue::Integer(i) => {
                p.lapor(
                    v.span(),
                    self.jalur(kunci),
                    format!(
                        "harus berupa teks dalam tanda kutip, bukan bilangan; tulis {kunci} = \"{}\"",
                        kutip(i.as_str())
                    ),
                );
                None
            }
            lain => {
                p.lapor(
                    v.span(),
                    self.jalur(kunci),
                    format!("harus berupa teks dalam tanda kutip, bukan {}", jenis(lain)),
                );
                None
            }
        }
    }

    /// A list of texts; missing → empty.
    pub(super) fn daftar_teks(&self, p: &mut Pengumpul<'_>, kunci: &str) -> Vec<String> {
        let Some(v) = self.ambil(kunci) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(a) => {
                let mut hasil = Vec::with_capacity(a.len());
                for (n, x) in a.iter().enumerate() {
                    match x.get_ref() {
                        DeValue::String(s) => hasil.push(s.to_string()),
                        lain => p.lapor(
                            x.span(),
                            format!("{}[{}]", self.jalur(kunci), n + 1),
                            format!("isi daftar harus berupa teks, bukan {}", jenis(lain)),
                        ),
                    }
                }
                hasil
            }
            lain => {
                p.lapor(
                    v.span(),
                    self.jalur(kunci),
                    format!(
                        "harus berupa daftar teks, mis. {kunci} = [\"…\", \"…\"], bukan {}",
                        jenis(lain)
                    ),
                );
                Vec::new()
            }
        }
    }

    /// A boolean; missing → None.
    pub(super) fn benar_salah(&self, p: &mut Pengumpul<'_>, kunci: &str) -> Option<Spanned<bool>> {
        let v = self.ambil(kunci)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(Spanned::new(v.span(), *b)),
            lain => {
                p.lapor(
                    v.span(),
                    self.jalur(kunci),
                    format!(
                        "harus true atau false (tanpa tanda kutip), bukan {}",
                        jenis(lain)
                    ),
                );
                None
            }
        }
    }

    /// A date: a TOML local date (`2023-10-01`) or the text "2023-10-01".
    pub(super) fn tanggal(&self, p: &mut Pengumpul<'_>, kunci: &str) -> Option<NaiveDate> {
        let v = self.ambil(kunci)?;
        let hasil = match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .ok_or_else(|| "tanggal tidak ada di kalender".to_string())
                }
                _ => Err("harus tanggal saja, tanpa jam, mis. 2023-10-01".to_string()),
            },
            // Years outside 0000–9999 ("+12345-01-01") parse, but cannot be
            // written back as a TOML date by `to_toml`.
            DeValue::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .filter(|d| (0..=9999).contains(&d.year()))
                .ok_or_else(|| format!("'{}' bukan tanggal; tulis mis. 2023-10-01", kutip(s))),
            lain => Err(format!(
                "harus tanggal, mis. {kunci} = 2023-10-01, bukan {}",
                jenis(lain)
            )),
        };
        match hasil {
            Ok(d) => Some(d),
            Err(pesan) => {
                p.lapor(v.span(), self.jalur(kunci), pesan);
                None
            }
        }
    }
}
