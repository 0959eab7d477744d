//! Size checks of a file's zip parts, made before calamine reads it.

use std::io::Cursor;

use super::{MAKS_ISI_ZIP, MAKS_TEKS_BERSAMA};

/// Whether the file is a zip whose parts unpack to more than [`MAKS_ISI_ZIP`]
/// (by the sizes its central directory declares, which the unzipper
/// enforces). Anything that is not a readable zip is left to calamine.
pub(super) fn zip_terlalu_besar(b: &[u8]) -> bool {
    fn u16_di(b: &[u8], i: usize) -> Option<u64> {
        let s = b.get(i..i.checked_add(2)?)?;
        Some(u64::from(u16::from_le_bytes([s[0], s[1]])))
    }
    fn u32_di(b: &[u8], i: usize) -> Option<u64> {
        let s = b.get(i..i.checked_add(4)?)?;
        Some(u64::from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])))
    }
    fn u64_di(b: &[u8], i: usize) -> Option<u64> {
        let s = b.get(i..i.checked_add(8)?)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Some(u64::from_le_bytes(a))
    }
    fn total(b: &[u8]) -> Option<u64> {
        // End of central directory: at least 22 bytes, a comment of at most 65535.
        let awal_cari = b.len().saturating_sub(22 + 65535);
        let eocd = (awal_cari..=b.len().checked_sub(22)?)
            .rev()
            .find(|&i| b.get(i..i + 4) == Some(&[0x50, 0x4b, 0x05, 0x06]))?;
        let entri = u16_di(b, eocd + 10)?;
        let mut p = usize::try_from(u32_di(b, eocd + 16)?).ok()?;
        let mut jumlah: u64 = 0;
        for _ in 0..entri {
            if b.get(p..p + 4)? != [0x50, 0x4b, 0x01, 0x02] {
                return None;
            }
            let mut ukuran = u32_di(b, p + 24)?;
            let n_nama = usize::try_from(u16_di(b, p + 28)?).ok()?;
            let n_extra = usize::try_from(u16_di(b, p + 30)?).ok()?;
            let n_komentar = usize::try_from(u16_di(b, p + 32)?).ok()?;
            if ukuran == 0xFFFF_FFFF {
                // Zip64: the real size is the first field of extra block 0x0001.
                let mut e = p.checked_add(46)?.checked_add(n_nama)?;
                let akhir = e.checked_add(n_extra)?;
                ukuran = u64::MAX;
                while e.checked_add(4)? <= akhir {
                    let id = u16_di(b, e)?;
                    let len = usize::try_from(u16_di(b, e + 2)?).ok()?;
                    if id == 1 {
                        ukuran = u64_di(b, e + 4)?;
                        break;
                    }
                    e = e.checked_add(4)?.checked_add(len)?;
                }
            }
            jumlah = jumlah.saturating_add(ukuran);
            p = p
                .checked_add(46)?
                .checked_add(n_nama)?
                .checked_add(n_extra)?
                .checked_add(n_komentar)?;
        }
        Some(jumlah)
    }
    total(b).is_some_and(|t| t > MAKS_ISI_ZIP)
}

/// Whether the shared-strings part declares more than [`MAKS_TEKS_BERSAMA`]
/// strings (`<sst uniqueCount="…">`). calamine reserves room for that many
/// before it reads one, so a file of a few kilobytes declaring billions would
/// abort the app on an allocation failure, which no `catch_unwind` stops.
/// Every `uniqueCount` attribute in any part named `sharedStrings.xml` counts;
/// an unreadable zip or part is left to calamine.
pub(super) fn teks_bersama_terlalu_banyak(b: &[u8]) -> bool {
    use std::io::Read;

    let Ok(mut arsip) = zip::ZipArchive::new(Cursor::new(b)) else {
        return false;
    };
    for i in 0..arsip.len() {
        let Ok(mut bagian) = arsip.by_index(i) else {
            continue;
        };
        let nama = bagian
            .name()
            .map(|n| n.replace('\\', "/").to_ascii_lowercase());
        if !nama.is_ok_and(|n| n.ends_with("sharedstrings.xml")) {
            continue;
        }
        let mut pemindai = PemindaiJumlahTeks::default();
        let mut potong = [0u8; 64 * 1024];
        loop {
            let n = match bagian.read(&mut potong) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if potong[..n].iter().any(|&c| pemindai.baca(c)) {
                return true;
            }
        }
    }
    false
}

/// Finds `uniqueCount = "digits"` byte by byte (in constant memory, however
/// the part is cut into pieces) and tells whether a value exceeds
/// [`MAKS_TEKS_BERSAMA`]. Leading zeros and a `+` are read as calamine's
/// number parser would at worst; a value that is no number is ignored, as
/// calamine ignores it.
#[derive(Default)]
pub(super) struct PemindaiJumlahTeks {
    tahap: TahapPindai,
}

enum TahapPindai {
    /// This many bytes of the attribute name matched.
    Nama(usize),
    SebelumSamaDengan,
    SesudahSamaDengan,
    Nilai {
        kutip: u8,
        jumlah: u64,
        angka: bool,
    },
}

impl Default for TahapPindai {
    fn default() -> Self {
        TahapPindai::Nama(0)
    }
}

impl PemindaiJumlahTeks {
    const NAMA: &'static [u8] = b"uniqueCount";

    /// Feeds one byte; true when a value over the limit has just closed.
    pub(super) fn baca(&mut self, c: u8) -> bool {
        match &mut self.tahap {
            TahapPindai::Nama(cocok) => {
                let cocok = *cocok;
                self.tahap = if c == Self::NAMA[cocok] {
                    if cocok + 1 == Self::NAMA.len() {
                        TahapPindai::SebelumSamaDengan
                    } else {
                        TahapPindai::Nama(cocok + 1)
                    }
                } else if c == Self::NAMA[0] {
                    TahapPindai::Nama(1)
                } else {
                    TahapPindai::Nama(0)
                };
                false
            }
            TahapPindai::SebelumSamaDengan => {
                match c {
                    b'=' => self.tahap = TahapPindai::SesudahSamaDengan,
                    c if c.is_ascii_whitespace() => {}
                    _ => {
                        self.tahap = TahapPindai::Nama(0);
                        return self.baca(c);
                    }
                }
                false
            }
            TahapPindai::SesudahSamaDengan => {
                match c {
                    b'"' | b'\'' => {
                        self.tahap = TahapPindai::Nilai {
                            kutip: c,
                            jumlah: 0,
                            angka: true,
                        }
                    }
                    c if c.is_ascii_whitespace() => {}
                    _ => {
                        self.tahap = TahapPindai::Nama(0);
                        return self.baca(c);
                    }
                }
                false
            }
            TahapPindai::Nilai {
                kutip,
                jumlah,
                angka,
            } => {
                if c == *kutip {
                    let lebih = *angka && *jumlah > MAKS_TEKS_BERSAMA as u64;
                    self.tahap = TahapPindai::Nama(0);
                    return lebih;
                }
                match c {
                    b'0'..=b'9' => {
                        *jumlah = jumlah
                            .saturating_mul(10)
                            .saturating_add(u64::from(c - b'0'))
                    }
                    b'+' => {}
                    _ => *angka = false,
                }
                false
            }
        }
    }
}
