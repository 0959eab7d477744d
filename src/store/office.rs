//! Office settings (instansi): one row.

use rusqlite::{OptionalExtension, params};

use super::{AuditMeta, Result, Store, StoreError, Written, image, ts};
use crate::model::org::Office;
use crate::model::worktime::Zona;

impl Store {
    pub fn office(&self) -> Result<Office> {
        let row = self
            .conn
            .query_row(
                "SELECT nama_instansi, pemerintah, alamat, kota, zona_waktu, telepon, email, laman,
                        kepala_daerah_jabatan, kepala_daerah_nama, rangkap_cetak FROM office WHERE id = 1",
                [],
                |r| {
                    let zona: String = r.get(4)?;
                    Ok(Office {
                        nama_instansi: r.get(0)?,
                        pemerintah: r.get(1)?,
                        alamat: r.get(2)?,
                        kota: r.get(3)?,
                        zona: Zona::parse(&zona).unwrap_or(Zona::Wib),
                        telepon: r.get(5)?,
                        email: r.get(6)?,
                        laman: r.get(7)?,
                        kepala_daerah_jabatan: r.get(8)?,
                        kepala_daerah_nama: r.get(9)?,
                        rangkap_cetak: r.get(10)?,
                    })
                },
            )
            .optional()?;
        Ok(row.unwrap_or_default())
    }

    pub fn save_office(&mut self, office: &Office) -> Result<()> {
        office.validate()?;
        let before = image(&self.office()?);
        let now = ts(self.now());
        self.write(AuditMeta::new("ubah", "instansi"), |tx| {
            tx.execute(
                "INSERT INTO office (id, nama_instansi, pemerintah, alamat, kota, zona_waktu, telepon, email, laman,
                                     kepala_daerah_jabatan, kepala_daerah_nama, rangkap_cetak, updated_at)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                 ON CONFLICT(id) DO UPDATE SET nama_instansi = ?1, pemerintah = ?2, alamat = ?3, kota = ?4,
                    zona_waktu = ?5, telepon = ?6, email = ?7, laman = ?8, kepala_daerah_jabatan = ?9,
                    kepala_daerah_nama = ?10, rangkap_cetak = ?11, updated_at = ?12",
                params![
                    office.nama_instansi.trim(),
                    office.pemerintah.trim(),
                    office.alamat.trim(),
                    office.kota.trim(),
                    office.zona.kode(),
                    office.telepon.trim(),
                    office.email.trim(),
                    office.laman.trim(),
                    office.kepala_daerah_jabatan.trim(),
                    office.kepala_daerah_nama.trim(),
                    office.rangkap_cetak,
                    now
                ],
            )?;
            Ok(Written::new((), 1, Some(before), Some(image(office))))
        })
    }
}

/// The largest letterhead logo accepted.
pub const LOGO_MAKS: usize = 2 * 1024 * 1024;

/// The image type of a logo by its content (never by its file name).
pub fn logo_mime(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

impl Store {
    /// The letterhead logo, if one is set: (bytes, mime type).
    pub fn logo(&self) -> Result<Option<(Vec<u8>, String)>> {
        Ok(self
            .conn
            .query_row("SELECT logo, logo_mime FROM office WHERE id = 1", [], |r| {
                Ok(r.get::<_, Option<Vec<u8>>>(0)?
                    .zip(r.get::<_, Option<String>>(1)?))
            })
            .optional()?
            .flatten())
    }

    /// Sets (or with None removes) the letterhead logo: a PNG or JPEG of at
    /// most 2 MB, checked by its content.
    pub fn set_logo(&mut self, logo: Option<&[u8]>) -> Result<()> {
        let mime = match logo {
            None => None,
            Some(b) if b.len() > LOGO_MAKS => {
                return Err(StoreError::Invalid(format!(
                    "Berkas logo {} KB; paling besar 2.048 KB",
                    crate::fmt::ribuan((b.len() / 1024) as i64)
                )));
            }
            Some(b) => Some(logo_mime(b).ok_or_else(|| {
                StoreError::Invalid(
                    "Logo harus gambar PNG atau JPEG (isi berkas diperiksa, bukan namanya)".into(),
                )
            })?),
        };
        let before = self
            .logo()?
            .map(|(b, m)| serde_json::json!({"mime": m, "bita": b.len()}));
        let after = logo
            .zip(mime)
            .map(|(b, m)| serde_json::json!({"mime": m, "bita": b.len()}));
        let now = ts(self.now());
        self.write(
            AuditMeta::new(
                if logo.is_some() { "ubah" } else { "hapus" },
                "logo_instansi",
            ),
            |tx| {
                tx.execute(
                    "UPDATE office SET logo = ?1, logo_mime = ?2, updated_at = ?3 WHERE id = 1",
                    params![logo, mime, now],
                )?;
                Ok(Written::new((), 1, before, after))
            },
        )
    }
}
