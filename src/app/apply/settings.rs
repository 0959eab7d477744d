//! Pengaturan: the office, its letterhead, the SOTK and the work calendar.

use super::{Applied, refused, stored};
use crate::app::{App, CalendarCmd, Changed, Created, OfficeCmd, OrgCmd, Reply};
use crate::fmt;

/// Reads a picked logo file, refusing a large one before reading it and
/// anything but a PNG or JPEG (told by its content).
pub(crate) fn read_logo(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let bytes = crate::app::export::read_limited(path, crate::store::LOGO_MAKS as u64, |size| {
        format!(
            "Berkas logo {} KB; paling besar 2.048 KB",
            fmt::ribuan((size / 1024) as i64)
        )
    })?;
    crate::store::logo_mime(&bytes)
        .ok_or("Logo harus gambar PNG atau JPEG (isi berkas diperiksa, bukan namanya)")?;
    Ok(bytes)
}

impl App {
    pub(super) fn apply_office(&mut self, c: OfficeCmd) -> Applied {
        let s = &mut self.store;
        match c {
            OfficeCmd::Save { office } => stored(s.save_office(&office), Changed::Data, |_| {
                Reply::ok("Data instansi disimpan")
            }),
            OfficeCmd::SetLogo { file: None } => stored(s.set_logo(None), Changed::Data, |_| {
                Reply::ok("Logo kop surat dihapus")
            }),
            OfficeCmd::SetLogo { file: Some(path) } => match read_logo(&path) {
                Ok(bytes) => stored(s.set_logo(Some(&bytes)), Changed::Data, |_| {
                    Reply::ok("Logo kop surat disimpan")
                }),
                Err(e) => refused(e),
            },
            OfficeCmd::OpenDemo => match self.open_demo() {
                Ok(m) => (Reply::ok(m), Changed::Nothing),
                Err(e) => refused(e),
            },
        }
    }

    /// The demo office in `contoh.db` beside the open database, made on
    /// first use, opened in a second perkin window (not when opening
    /// files is turned off, as in the tests).
    fn open_demo(&self) -> Result<String, String> {
        let dir = self
            .store
            .path()
            .parent()
            .unwrap_or(std::path::Path::new("."));
        let path = dir.join("contoh.db");
        if path == self.store.path() {
            return Err("Basis data yang terbuka sudah basis data contoh".into());
        }
        if !path.exists() {
            let made = crate::store::Store::open(&path)
                .and_then(|mut s| crate::demo::create(&mut s, self.store.now()));
            if let Err(e) = made {
                let _ = std::fs::remove_file(&path);
                return Err(format!("Basis data contoh tidak dapat dibuat: {e}"));
            }
        }
        if self.open_files {
            let exe = std::env::current_exe().map_err(|e| e.to_string());
            exe.and_then(|exe| {
                std::process::Command::new(exe)
                    .arg("--db")
                    .arg(&path)
                    .spawn()
                    .map_err(|e| e.to_string())
            })
            .map_err(|e| {
                format!(
                    "Jendela contoh tidak dapat dibuka ({e}); jalankan: perkin --db {}",
                    path.display()
                )
            })?;
        }
        Ok(format!(
            "Basis data contoh dibuka di jendela baru: {}. Data kantor Anda tidak berubah.",
            path.display()
        ))
    }

    pub(super) fn apply_org(&mut self, c: OrgCmd) -> Applied {
        let s = &mut self.store;
        match c {
            OrgCmd::AddUnit { unit } => stored(s.add_unit(&unit), Changed::Data, |id| {
                let m = format!("Unit {} ditambahkan", unit.nama.trim());
                Reply::created(m, Created::Unit(id))
            }),
            OrgCmd::UpdateUnit { id, unit } => {
                stored(s.update_unit(id, &unit), Changed::Data, |_| {
                    Reply::ok(format!("Unit {} disimpan", unit.nama.trim()))
                })
            }
            OrgCmd::SetUnitActive { id, active } => {
                stored(s.set_unit_active(id, active), Changed::Data, |_| {
                    Reply::ok(if active {
                        "Unit diaktifkan kembali"
                    } else {
                        "Unit dinonaktifkan; riwayatnya tetap tersimpan"
                    })
                })
            }
            OrgCmd::DeleteUnit { id } => stored(s.delete_unit(id), Changed::Data, |_| {
                Reply::ok("Unit dihapus")
            }),
            OrgCmd::AddOfficial { official } => {
                stored(s.add_official(&official), Changed::Data, |id| {
                    let m = format!("Pejabat {} ditambahkan", official.nama.trim());
                    Reply::created(m, Created::Official(id))
                })
            }
            OrgCmd::UpdateOfficial { id, official } => {
                stored(s.update_official(id, &official), Changed::Data, |_| {
                    Reply::ok(format!("Data pejabat {} disimpan", official.nama.trim()))
                })
            }
        }
    }

    /// Reads a holiday list file (CSV or TOML) and adds its holidays.
    fn import_holidays(&mut self, path: &std::path::Path) -> Applied {
        let name = path.display().to_string();
        let src = match std::fs::metadata(path) {
            Ok(m) if m.len() > 1 << 20 => {
                return super::refused(format!(
                    "{name} terlalu besar untuk daftar hari libur (lebih dari 1 MB)"
                ));
            }
            Ok(_) => std::fs::read(path).map(|b| String::from_utf8_lossy(&b).into_owned()),
            Err(e) => Err(e),
        };
        let src = match src {
            Ok(s) => s,
            Err(e) => {
                return super::refused(format!(
                    "{name} tidak dapat dibaca: {}",
                    crate::store::io_message(&e)
                ));
            }
        };
        let list = match crate::formats::kalender::parse_libur_file(&name, &src) {
            Ok(l) => l,
            Err(e) => return super::refused(format!("{name}: {e}")),
        };
        let file = path
            .file_name()
            .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
        stored(
            self.store.import_holidays(&list, &file),
            Changed::Data,
            |(baru, sama)| {
                Reply::ok(format!(
                    "{baru} hari libur diimpor dari {file}{}",
                    if sama > 0 {
                        format!("; {sama} sudah tercatat sama")
                    } else {
                        String::new()
                    }
                ))
            },
        )
    }

    pub(super) fn apply_calendar(&mut self, c: CalendarCmd) -> Applied {
        let s = &mut self.store;
        match c {
            CalendarCmd::SetHours { hours } => {
                stored(s.set_work_hours(&hours), Changed::Data, |_| {
                    Reply::ok("Jam kerja disimpan")
                })
            }
            CalendarCmd::PutHoliday { holiday } => {
                stored(s.put_holiday(&holiday), Changed::Data, |_| {
                    Reply::ok(format!(
                        "Hari libur {} ({}) disimpan",
                        fmt::tanggal(holiday.tanggal),
                        holiday.nama.trim()
                    ))
                })
            }
            CalendarCmd::RemoveHoliday { date } => {
                stored(s.remove_holiday(date), Changed::Data, |_| {
                    Reply::ok(format!("Hari libur {} dihapus", fmt::tanggal(date)))
                })
            }
            CalendarCmd::ImportHolidays { path } => self.import_holidays(&path),
        }
    }
}
