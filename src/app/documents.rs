//! The documents as the store holds them, turned into what the PDF prints
//! (the PDF layer itself knows nothing of the store).

use crate::model::agreement::VersionDoc;
use crate::model::id::VersionId;
use crate::model::org::Office;
use crate::pdf::{AgreementDoc, Kertas, Kop};
use crate::store::Store;

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

/// A version as the PK document: DRAF on every page until it is signed.
pub fn agreement_doc(doc: &VersionDoc, kop: Kop, kertas: Kertas) -> AgreementDoc {
    let c = &doc.content;
    AgreementDoc {
        kop,
        tahun: doc.tahun,
        nomor: c.nomor.clone(),
        jenis: doc.jenis,
        versi: doc.versi,
        tempat: c.tempat.clone(),
        tanggal: c.tanggal,
        pihak_pertama: c.pihak_pertama.clone(),
        pihak_kedua: c.pihak_kedua.clone(),
        baris: c.lines.clone(),
        anggaran: c.budget.clone(),
        draf: !doc.status.is_signed(),
        // The code given at signing (computed for one signed before
        // perkin kept codes).
        kode: doc.status.is_signed().then(|| {
            doc.kode_verifikasi
                .clone()
                .unwrap_or_else(|| crate::store::verification_code(doc))
        }),
        rangkap: 1,
        kertas,
    }
}

/// Reads a version with the office's letterhead, ready to render.
pub fn load_agreement(
    store: &Store,
    version_id: VersionId,
    kertas: Kertas,
) -> crate::store::Result<AgreementDoc> {
    let doc = store.version(version_id)?;
    // A signed version prints under the letterhead it was signed under.
    let k = match store.signed_letterhead(version_id)? {
        Some(frozen) => kop(&frozen.office, frozen.logo),
        None => kop(&store.office()?, store.logo()?.map(|(bytes, _)| bytes)),
    };
    Ok(agreement_doc(&doc, k, kertas))
}
