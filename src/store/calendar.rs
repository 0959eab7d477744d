//! The working calendar: hours per weekday and holidays, with the office's
//! time zone, loaded as a [`Kalender`].

use chrono::{NaiveDate, NaiveTime, Timelike};
use rusqlite::params;
use serde_json::json;

use super::{AuditMeta, Result, SYSTEM_OPERATOR, Store, StoreError, Written, image};
use crate::formats::kalender::libur_bawaan;
use crate::model::worktime::{HariLibur, JamHari, JenisLibur, Kalender};

fn minutes(t: NaiveTime) -> i64 {
    (t.hour() * 60 + t.minute()) as i64
}

fn time(m: i64) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt((m / 60) as u32, (m % 60) as u32, 0)
}

impl Store {
    /// Default hours and the shipped holidays, on first open.
    pub(super) fn install_calendar(&mut self) -> Result<()> {
        let hours: i64 = self
            .conn
            .query_row("SELECT count(*) FROM work_hours", [], |r| r.get(0))?;
        if hours == 0 {
            let std = Kalender::standar(crate::model::worktime::Zona::Wib);
            let meta = AuditMeta {
                operator: Some(SYSTEM_OPERATOR),
                ..AuditMeta::new("pasang", "jam_kerja")
            };
            self.write(meta, |tx| {
                write_hours(tx, &std.jam)?;
                Ok(Written::new((), "semua", None, Some(image(&std.jam))))
            })?;
        }
        let shipped: i64 = self.conn.query_row(
            "SELECT count(*) FROM holiday WHERE sumber = 'bawaan'",
            [],
            |r| r.get(0),
        )?;
        if shipped == 0 {
            let list = libur_bawaan();
            let meta = AuditMeta {
                operator: Some(SYSTEM_OPERATOR),
                ..AuditMeta::new("pasang", "hari_libur")
            };
            self.write(meta, |tx| {
                for h in &list {
                    tx.execute(
                        "INSERT OR IGNORE INTO holiday (tanggal, nama, jenis, sumber) VALUES (?1, ?2, ?3, 'bawaan')",
                        params![h.tanggal.to_string(), h.nama, h.jenis.kode()],
                    )?;
                }
                Ok(Written::new((), "bawaan", None, Some(json!({"jumlah": list.len()}))))
            })?;
        }
        Ok(())
    }

    /// The office calendar as the working-time clock uses it.
    pub fn calendar(&self) -> Result<Kalender> {
        let zona = self.office()?.zona;
        let mut kal = Kalender::standar(zona);
        kal.jam = [None, None, None, None, None, None, None];
        let mut stmt = self.conn.prepare(
            "SELECT weekday, buka, tutup, istirahat_mulai, istirahat_akhir FROM work_hours",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let wd: i64 = r.get(0)?;
            let buka: Option<i64> = r.get(1)?;
            let tutup: Option<i64> = r.get(2)?;
            let im: Option<i64> = r.get(3)?;
            let ia: Option<i64> = r.get(4)?;
            if let (Some(b), Some(t), Some(slot)) =
                (buka, tutup, kal.jam.get_mut((wd - 1) as usize))
            {
                *slot = match (time(b), time(t)) {
                    (Some(buka), Some(tutup)) => Some(JamHari {
                        buka,
                        tutup,
                        istirahat: im.zip(ia).and_then(|(a, b)| time(a).zip(time(b))),
                    }),
                    _ => None,
                };
            }
        }
        kal.libur = self.calendar_holidays()?;
        Ok(kal)
    }

    /// Replaces the weekly hours (validated first).
    pub fn set_work_hours(&mut self, jam: &[Option<JamHari>; 7]) -> Result<()> {
        let mut kal = self.calendar()?;
        let before = image(&kal.jam);
        kal.jam = jam.clone();
        kal.validasi()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.write(AuditMeta::new("ubah", "jam_kerja"), |tx| {
            write_hours(tx, jam)?;
            Ok(Written::new((), "semua", Some(before), Some(image(jam))))
        })
    }

    /// Adds or replaces a holiday.
    pub fn put_holiday(&mut self, h: &HariLibur) -> Result<()> {
        if h.nama.trim().is_empty() {
            return Err(StoreError::Invalid("Nama hari libur wajib diisi".into()));
        }
        if h.nama.chars().count() > 200 {
            return Err(StoreError::Invalid(
                "Nama hari libur terlalu panjang (maksimal 200 karakter)".into(),
            ));
        }
        let before = self.calendar_holidays()?.remove(&h.tanggal);
        // Saved unchanged: nothing to write (a built-in holiday stays one).
        if before
            .as_ref()
            .is_some_and(|b| b.nama == h.nama.trim() && b.jenis == h.jenis)
        {
            return Ok(());
        }
        let action = if before.is_some() { "ubah" } else { "tambah" };
        self.write(AuditMeta::new(action, "hari_libur"), |tx| {
            tx.execute(
                "INSERT INTO holiday (tanggal, nama, jenis, sumber) VALUES (?1, ?2, ?3, 'pengguna')
                 ON CONFLICT(tanggal) DO UPDATE SET nama = ?2, jenis = ?3, sumber = 'pengguna'",
                params![h.tanggal.to_string(), h.nama.trim(), h.jenis.kode()],
            )?;
            Ok(Written::new(
                (),
                h.tanggal,
                before.map(|b| image(&b)),
                Some(image(h)),
            ))
        })
    }

    /// Adds a list of holidays (an imported year) in one write: dates not
    /// yet listed are added, ones listed the same are left; a date listed
    /// otherwise is never replaced unasked: the import is refused naming
    /// them, and nothing is written. (added, already there).
    pub fn import_holidays(&mut self, list: &[HariLibur], sumber: &str) -> Result<(usize, usize)> {
        let have = self.calendar_holidays()?;
        let mut baru = Vec::new();
        let mut sama = 0;
        let mut lain = Vec::new();
        for h in list {
            if h.nama.trim().is_empty() || h.nama.chars().count() > 200 {
                return Err(StoreError::Invalid(format!(
                    "Nama hari libur {} kosong atau lebih dari 200 karakter",
                    crate::fmt::tanggal(h.tanggal)
                )));
            }
            match have.get(&h.tanggal) {
                None => baru.push(h.clone()),
                Some(x) if x.nama == h.nama.trim() && x.jenis == h.jenis => sama += 1,
                Some(x) => lain.push(format!(
                    "{} (tercatat \"{}\", di berkas \"{}\")",
                    crate::fmt::tanggal(h.tanggal),
                    x.nama,
                    h.nama.trim()
                )),
            }
        }
        if !lain.is_empty() {
            return Err(StoreError::Invalid(format!(
                "Tidak diimpor: tanggal berikut sudah tercatat dengan hari libur lain, ubah atau hapus dulu di daftar bila berkas yang benar: {}",
                lain.join("; ")
            )));
        }
        if baru.is_empty() {
            return Ok((0, sama));
        }
        let n = baru.len();
        self.write(AuditMeta::new("impor", "hari_libur"), |tx| {
            for h in &baru {
                tx.execute(
                    "INSERT INTO holiday (tanggal, nama, jenis, sumber) VALUES (?1, ?2, ?3, 'pengguna')",
                    params![h.tanggal.to_string(), h.nama.trim(), h.jenis.kode()],
                )?;
            }
            Ok(Written::new(
                (),
                sumber,
                None,
                Some(serde_json::json!({ "sumber": sumber, "hari_libur": image(&baru) })),
            ))
        })?;
        Ok((n, sama))
    }

    /// Removes a holiday (the day becomes a working day again).
    pub fn remove_holiday(&mut self, tanggal: NaiveDate) -> Result<()> {
        let before = self.calendar_holidays()?.remove(&tanggal).ok_or_else(|| {
            StoreError::NotFound(format!("Hari libur {}", crate::fmt::tanggal(tanggal)))
        })?;
        self.write(AuditMeta::new("hapus", "hari_libur"), |tx| {
            tx.execute(
                "DELETE FROM holiday WHERE tanggal = ?1",
                [tanggal.to_string()],
            )?;
            Ok(Written::new((), tanggal, Some(image(&before)), None))
        })
    }

    fn calendar_holidays(&self) -> Result<std::collections::BTreeMap<NaiveDate, HariLibur>> {
        let mut out = std::collections::BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT tanggal, nama, jenis FROM holiday")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let d: String = r.get(0)?;
            let jenis: String = r.get(2)?;
            if let Ok(tanggal) = d.parse::<NaiveDate>() {
                out.insert(
                    tanggal,
                    HariLibur {
                        tanggal,
                        nama: r.get(1)?,
                        jenis: JenisLibur::parse(&jenis).unwrap_or(JenisLibur::Lokal),
                    },
                );
            }
        }
        Ok(out)
    }
}

fn write_hours(tx: &rusqlite::Transaction<'_>, jam: &[Option<JamHari>; 7]) -> Result<()> {
    tx.execute("DELETE FROM work_hours", [])?;
    for (i, j) in jam.iter().enumerate() {
        let (b, t, im, ia) = match j {
            Some(j) => (
                Some(minutes(j.buka)),
                Some(minutes(j.tutup)),
                j.istirahat.map(|(a, _)| minutes(a)),
                j.istirahat.map(|(_, b)| minutes(b)),
            ),
            None => (None, None, None, None),
        };
        tx.execute(
            "INSERT INTO work_hours (weekday, buka, tutup, istirahat_mulai, istirahat_akhir) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![(i + 1) as i64, b, t, im, ia],
        )?;
    }
    Ok(())
}
