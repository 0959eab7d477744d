//! The documents as the store holds them, turned into what the PDF prints.

use super::{Baris, BarisAnggaran, DokumenPk, Kertas, Kop, Pihak};
use crate::model::agreement::{Party, is_signed};
use crate::store::{Office, Store, VersionDoc};

/// The letterhead of the office.
pub fn kop(office: &Office, logo: Option<Vec<u8>>) -> Kop {
    let kontak = [
        (!office.telepon.is_empty()).then(|| format!("Telepon {}", office.telepon)),
        (!office.email.is_empty()).then(|| format!("Pos-el {}", office.email)),
        (!office.laman.is_empty()).then(|| format!("Laman {}", office.laman)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    Kop {
        pemerintah: office.pemerintah.clone(),
        nama_instansi: office.nama_instansi.clone(),
        alamat: office.alamat.clone(),
        kontak,
        logo,
    }
}

fn pihak(p: &Party) -> Pihak {
    Pihak {
        nama: p.nama.clone(),
        nip: p.nip.clone(),
        pangkat: p.pangkat.clone(),
        jabatan: p.jabatan.clone(),
        status: p.status.clone(),
    }
}

/// A version as the PK document: DRAF on every page until it is signed.
pub fn dokumen_pk(doc: &VersionDoc, kop: Kop, kertas: Kertas) -> DokumenPk {
    let c = &doc.content;
    DokumenPk {
        kop,
        tahun: doc.tahun,
        nomor: c.nomor.clone(),
        jenis: doc.jenis.clone(),
        versi: doc.versi,
        tempat: c.tempat.clone(),
        tanggal: c.tanggal,
        pihak_pertama: pihak(&c.pihak_pertama),
        pihak_kedua: pihak(&c.pihak_kedua),
        baris: c
            .lines
            .iter()
            .map(|l| Baris {
                sasaran: l.sasaran.clone(),
                indikator: l.indikator.clone(),
                satuan: l.satuan.clone(),
                target: l.target.clone(),
                tw: l.tw.clone(),
            })
            .collect(),
        anggaran: c
            .budget
            .iter()
            .map(|b| BarisAnggaran {
                level: b.level.clone(),
                kode: b.kode.clone(),
                uraian: b.uraian.clone(),
                anggaran: b.anggaran,
            })
            .collect(),
        draf: !is_signed(&doc.status),
        kertas,
    }
}

/// Reads a version with the office's letterhead, ready to render.
pub fn load_pk(store: &Store, version_id: i64, kertas: Kertas) -> crate::store::Result<DokumenPk> {
    let doc = store.version(version_id)?;
    let logo = store.logo()?.map(|(bytes, _)| bytes);
    Ok(dokumen_pk(&doc, kop(&store.office()?, logo), kertas))
}
