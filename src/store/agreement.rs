//! Agreements (Perjanjian Kinerja): the agreement per unit and year, its
//! versions with the parties' snapshots, lines and budget lines.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::{AuditMeta, Result, Store, StoreError, Written, image, ts};
use crate::model::agreement::{
    self as rules, AgreementRow, AlasanPerubahan, Content, Jenis, LineSource, NewAgreement,
    NewBudgetLine, NewLine, Party, Problem, Proposed, Status, Transition, VersionDoc, party_of,
};
use crate::model::id::{
    AgreementId, IndikatorId, OfficialId, RenjaIndikatorId, RenjaItemId, UnitId, VersionId,
};
use crate::model::org::nip_bersih;
use crate::model::plan::Tingkat;

/// What a verification code names: the version, and whether its content
/// still gives the code printed on its paper.
#[derive(Clone, Debug)]
pub struct Verified {
    pub doc: VersionDoc,
    pub cocok: bool,
}

/// The letterhead frozen with a signed version.
#[derive(Clone, Debug, PartialEq)]
pub struct SignedKop {
    pub office: crate::model::org::Office,
    pub logo: Option<Vec<u8>>,
}

impl Store {
    fn party(&self, official: Option<OfficialId>) -> Result<Party> {
        let Some(id) = official else {
            return Ok(Party::default());
        };
        self.officials()?
            .iter()
            .find(|o| o.id == id)
            .map(party_of)
            .ok_or_else(|| StoreError::NotFound(format!("Pejabat {id}")))
    }

    /// Creates an agreement with its first version (draf), lines and budget.
    pub fn create_agreement(&mut self, a: &NewAgreement) -> Result<(AgreementId, VersionId)> {
        let mut c = Content {
            nomor: a.nomor.clone(),
            tempat: a.tempat.clone(),
            tanggal: a.tanggal,
            pihak_pertama: self.party(a.pihak_pertama)?,
            pihak_kedua: self.party(a.pihak_kedua)?,
            lines: a.lines.clone(),
            budget: a.budget.clone(),
        };
        if let (None, Some((jabatan, nama))) = (a.pihak_kedua, &a.pihak_kedua_manual) {
            c.pihak_kedua.jabatan = jabatan.trim().to_string();
            c.pihak_kedua.nama = nama.trim().to_string();
        }
        refuse(rules::check_saveable(&c))?;
        let exists: Option<AgreementId> = self
            .conn
            .query_row(
                "SELECT id FROM agreement WHERE tahun = ?1 AND unit_id = ?2 AND jenis = ?3",
                params![a.tahun, a.unit_id, a.jenis],
                |r| r.get(0),
            )
            .ok();
        if exists.is_some() {
            return Err(StoreError::Invalid(format!(
                "Unit ini sudah memiliki Perjanjian Kinerja {} tahun {}; buka yang ada atau buat PK Perubahan",
                a.jenis.label(),
                a.tahun
            )));
        }
        let now = ts(self.now());
        self.write(AuditMeta::new("tambah", "perjanjian"), |tx| {
            tx.execute(
                "INSERT INTO agreement (tahun, unit_id, jenis, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![a.tahun, a.unit_id, a.jenis, now],
            )?;
            let agreement_id = AgreementId(tx.last_insert_rowid());
            let version_id = insert_version(tx, agreement_id, 1, &c, None, &now)?;
            Ok(Written::new(
                (agreement_id, version_id),
                agreement_id,
                None,
                Some(image(a)),
            ))
        })
    }

    /// A new agreement for a unit as the editor makes it: the parties
    /// proposed from the SOTK, the office's city as tempat, and (when
    /// asked) the lines and budget taken from the Renstra/Renja.
    pub fn create_for_unit(
        &mut self,
        unit_id: UnitId,
        tahun: i32,
        jenis: Jenis,
        from_plan: bool,
    ) -> Result<(AgreementId, VersionId)> {
        // No signing date yet: the officials in office on the year's first day.
        let p = self.proposed_parties(unit_id, rules::proposal_date(None, tahun))?;
        let (lines, budget) = if from_plan {
            self.lines_from_plan(unit_id, tahun, jenis)?
        } else {
            Default::default()
        };
        self.create_agreement(&NewAgreement {
            tahun,
            unit_id,
            jenis,
            nomor: String::new(),
            tempat: self.office()?.kota,
            tanggal: None,
            pihak_pertama: p.pihak_pertama,
            pihak_kedua: p.pihak_kedua,
            pihak_kedua_manual: p.pihak_kedua_manual,
            lines,
            budget,
        })
    }

    /// "Ambil dari Renstra/Renja" on a draft: its lines and budget replaced
    /// by those of the plan. Returns (lines, budget lines).
    pub fn fill_from_plan(&mut self, version_id: VersionId) -> Result<(usize, usize)> {
        let doc = self.version(version_id)?;
        let (lines, budget) = self.lines_from_plan(doc.unit_id, doc.tahun, doc.jenis)?;
        if lines.is_empty() && budget.is_empty() {
            return Err(StoreError::Invalid(format!(
                "Renstra/Renja {} belum memuat indikator atau anggaran untuk {}",
                doc.tahun, doc.unit
            )));
        }
        let n = (lines.len(), budget.len());
        let mut c = doc.content;
        c.lines = lines;
        c.budget = budget;
        self.save_draft(version_id, &c)?;
        Ok(n)
    }

    /// One version with its content.
    pub fn version(&self, version_id: VersionId) -> Result<VersionDoc> {
        let mut doc = self
            .conn
            .query_row(
                "SELECT v.id, a.id, a.tahun, a.unit_id, u.nama, a.jenis, v.versi, v.status,
                        coalesce(v.alasan_jenis, ''), v.alasan, v.signed_at, v.updated_at,
                        v.nomor, v.tempat, v.tanggal,
                        v.p1_official_id, v.p1_nama, v.p1_nip, v.p1_pangkat, v.p1_jabatan, v.p1_status,
                        v.p2_official_id, v.p2_nama, v.p2_nip, v.p2_pangkat, v.p2_jabatan, v.p2_status,
                        v.kode_verifikasi
                 FROM agreement_version v
                 JOIN agreement a ON a.id = v.agreement_id
                 JOIN unit u ON u.id = a.unit_id
                 WHERE v.id = ?1",
                [version_id],
                |r| {
                    let party = |k: usize| -> rusqlite::Result<Party> {
                        Ok(Party {
                            official_id: r.get(k)?,
                            nama: r.get(k + 1)?,
                            nip: r.get(k + 2)?,
                            pangkat: r.get(k + 3)?,
                            jabatan: r.get(k + 4)?,
                            status: r.get(k + 5)?,
                        })
                    };
                    let tanggal: Option<String> = r.get(14)?;
                    Ok(VersionDoc {
                        id: r.get(0)?,
                        agreement_id: r.get(1)?,
                        tahun: r.get(2)?,
                        unit_id: r.get(3)?,
                        unit: r.get(4)?,
                        jenis: r.get(5)?,
                        versi: r.get(6)?,
                        status: r.get(7)?,
                        alasan_jenis: AlasanPerubahan::parse(&r.get::<_, String>(8)?),
                        alasan: r.get(9)?,
                        signed_at: r.get(10)?,
                        updated_at: r.get(11)?,
                        kode_verifikasi: r.get(27)?,
                        content: Content {
                            nomor: r.get(12)?,
                            tempat: r.get(13)?,
                            tanggal: tanggal.and_then(|t| t.parse().ok()),
                            pihak_pertama: party(15)?,
                            pihak_kedua: party(21)?,
                            lines: Vec::new(),
                            budget: Vec::new(),
                        },
                    })
                },
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    StoreError::NotFound(format!("Versi perjanjian {version_id}"))
                }
                e => e.into(),
            })?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.sasaran, l.indikator, l.satuan, l.target, l.tw1, l.tw2, l.tw3, l.tw4,
                    l.sumber_jenis, l.sumber_id,
                    coalesce(CASE l.sumber_jenis
                        WHEN 'renstra' THEN (SELECT kumulatif FROM renstra_indikator WHERE id = l.sumber_id)
                        WHEN 'renja' THEN (SELECT ri.kumulatif FROM renja_indikator j
                                           JOIN renstra_indikator ri ON ri.id = j.renstra_indikator_id
                                           WHERE j.id = l.sumber_id)
                    END, 0)
             FROM agreement_line l WHERE l.version_id = ?1 ORDER BY l.urutan, l.id",
        )?;
        doc.content.lines = stmt
            .query_map([version_id], |r| {
                let jenis: Option<String> = r.get(8)?;
                let id: Option<i64> = r.get(9)?;
                let sumber = jenis.zip(id).and_then(|(j, id)| LineSource::parse(&j, id));
                Ok(NewLine {
                    sasaran: r.get(0)?,
                    indikator: r.get(1)?,
                    satuan: r.get(2)?,
                    target: r.get(3)?,
                    tw: [r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
                    sumber,
                    kumulatif: r.get::<_, i64>(10)? != 0,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT level, kode, uraian, anggaran, renja_item_id
             FROM agreement_budget WHERE version_id = ?1 ORDER BY urutan, id",
        )?;
        doc.content.budget = stmt
            .query_map([version_id], |r| {
                Ok(NewBudgetLine {
                    level: r.get(0)?,
                    kode: r.get(1)?,
                    uraian: r.get(2)?,
                    anggaran: r.get(3)?,
                    renja_item_id: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(doc)
    }

    /// The letterhead a signed version was signed under (the office's data
    /// and logo then); None for a version not signed, or signed before
    /// perkin kept it.
    pub fn signed_letterhead(&self, version_id: VersionId) -> Result<Option<SignedKop>> {
        let row: Option<(Option<String>, Option<Vec<u8>>)> = self
            .conn
            .query_row(
                "SELECT kop_json, kop_logo FROM agreement_version WHERE id = ?1",
                [version_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((Some(json), logo)) = row else {
            return Ok(None);
        };
        let office = serde_json::from_str(&json).map_err(|e| {
            StoreError::Invalid(format!("Kop surat versi {version_id} tidak terbaca: {e}"))
        })?;
        Ok(Some(SignedKop { office, logo }))
    }

    /// The signed version a verification code names, and whether the
    /// database still holds exactly what was signed. A version signed
    /// before perkin kept codes is found by the code of its content.
    pub fn verify_code(&self, typed: &str) -> Result<Option<Verified>> {
        let Some(kode) = rules::normal_code(typed) else {
            return Err(StoreError::Invalid(format!(
                "'{}' bukan kode verifikasi: sepuluh huruf dan angka, mis. 7K3QM-2XW9P",
                crate::model::potong(typed.trim(), 40)
            )));
        };
        let stored: Option<VersionId> = self
            .conn
            .query_row(
                "SELECT id FROM agreement_version WHERE kode_verifikasi = ?1",
                [&kode],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = stored {
            let doc = self.version(id)?;
            let cocok = verification_code(&doc) == kode;
            return Ok(Some(Verified { doc, cocok }));
        }
        let mut stmt = self.conn.prepare(
            "SELECT id FROM agreement_version
             WHERE status IN ('ditandatangani', 'diarsipkan') AND kode_verifikasi IS NULL",
        )?;
        let old: Vec<VersionId> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in old {
            let doc = self.version(id)?;
            if verification_code(&doc) == kode {
                return Ok(Some(Verified { doc, cocok: true }));
            }
        }
        Ok(None)
    }

    /// The versions of an agreement, oldest first: (version id, versi, status).
    pub fn versions(&self, agreement_id: AgreementId) -> Result<Vec<(VersionId, i32, Status)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, versi, status FROM agreement_version WHERE agreement_id = ?1 ORDER BY versi",
        )?;
        let rows = stmt
            .query_map([agreement_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn status_of(&self, version_id: VersionId) -> Result<Status> {
        self.conn
            .query_row(
                "SELECT status FROM agreement_version WHERE id = ?1",
                [version_id],
                |r| r.get(0),
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    StoreError::NotFound(format!("Versi perjanjian {version_id}"))
                }
                e => e.into(),
            })
    }

    /// The parties with the officials' current data (a typed Pihak Kedua
    /// stays as typed).
    fn refresh_parties(&self, c: &mut Content) -> Result<()> {
        for p in [&mut c.pihak_pertama, &mut c.pihak_kedua] {
            if p.official_id.is_some() {
                *p = self.party(p.official_id)?;
            } else {
                p.nip = nip_bersih(&p.nip);
            }
        }
        Ok(())
    }

    /// Autosave of a draft: header, parties, lines and budget in one
    /// transaction. Only a version in status draf can be changed.
    pub fn save_draft(&mut self, version_id: VersionId, content: &Content) -> Result<()> {
        let status = self.status_of(version_id)?;
        if !status.is_editable() {
            return Err(StoreError::Invalid(format!(
                "Versi ini berstatus {}; hanya draf yang dapat diubah",
                status.label().to_lowercase()
            )));
        }
        let mut c = content.clone();
        self.refresh_parties(&mut c)?;
        refuse(rules::check_saveable(&c))?;
        let now = ts(self.now());
        self.write(AuditMeta::new("ubah", "perjanjian"), |tx| {
            tx.execute(
                "UPDATE agreement_version SET nomor = ?2, tempat = ?3, tanggal = ?4,
                    p1_official_id = ?5, p1_nama = ?6, p1_nip = ?7, p1_pangkat = ?8, p1_jabatan = ?9, p1_status = ?10,
                    p2_official_id = ?11, p2_nama = ?12, p2_nip = ?13, p2_pangkat = ?14, p2_jabatan = ?15, p2_status = ?16,
                    updated_at = ?17
                 WHERE id = ?1 AND status = 'draf'",
                params![
                    version_id,
                    c.nomor.trim(),
                    c.tempat.trim(),
                    c.tanggal.map(|d| d.to_string()),
                    c.pihak_pertama.official_id,
                    c.pihak_pertama.nama.trim(),
                    c.pihak_pertama.nip,
                    c.pihak_pertama.pangkat.trim(),
                    c.pihak_pertama.jabatan.trim(),
                    c.pihak_pertama.status,
                    c.pihak_kedua.official_id,
                    c.pihak_kedua.nama.trim(),
                    c.pihak_kedua.nip,
                    c.pihak_kedua.pangkat.trim(),
                    c.pihak_kedua.jabatan.trim(),
                    c.pihak_kedua.status,
                    now
                ],
            )?;
            sync_lines(tx, version_id, &c)?;
            Ok(Written::new((), version_id, None, Some(image(&c))))
        })
    }

    /// Deletes a draft version (and the agreement with it when it was the
    /// first version). A signed version is never deleted.
    pub fn delete_draft(&mut self, version_id: VersionId) -> Result<()> {
        let doc = self.version(version_id)?;
        if !doc.status.is_editable() {
            return Err(StoreError::Invalid(format!(
                "Hanya draf yang dapat dihapus; versi ini berstatus {}",
                doc.status.label().to_lowercase()
            )));
        }
        let in_cycle: i64 = self.conn.query_row(
            "SELECT count(*) FROM cycle_unit WHERE version_id = ?1",
            [version_id],
            |r| r.get(0),
        )?;
        if in_cycle > 0 {
            return Err(StoreError::Invalid(
                "Draf ini sedang berjalan dalam siklus SOP dan tidak dapat dihapus".into(),
            ));
        }
        self.write(AuditMeta::new("hapus", "perjanjian"), |tx| {
            tx.execute("DELETE FROM agreement_version WHERE id = ?1", [version_id])?;
            if doc.versi == 1 {
                tx.execute("DELETE FROM agreement WHERE id = ?1", [doc.agreement_id])?;
            }
            Ok(Written::new((), version_id, Some(image(&doc)), None))
        })
    }

    /// Why an official cannot sign on a date (None: they can).
    pub fn official_inactive(&self, official_id: OfficialId, on: NaiveDate) -> Option<String> {
        match self.officials() {
            Ok(all) => rules::official_inactive(&all, official_id, on),
            Err(e) => Some(e.to_string()),
        }
    }

    /// The problems that stop a version from being submitted or signed.
    pub fn submit_problems(&self, c: &Content, tahun: i32) -> Vec<Problem> {
        match self.officials() {
            Ok(all) => {
                rules::check_submit(c, tahun, &|id, d| rules::official_inactive(&all, id, d))
            }
            Err(e) => rules::check_submit(c, tahun, &|_, _| Some(e.to_string())),
        }
    }

    /// Moves a version along its life ([`Transition`]): refused unless the
    /// move starts from the version's status and, where it must, the version
    /// passes every check of [`rules::check_submit`] with the parties taken
    /// afresh from the officials. Signing freezes them into the version, and
    /// from then on it is read-only (the triggers of migration 002 refuse
    /// every change).
    pub fn set_status(&mut self, version_id: VersionId, t: Transition) -> Result<VersionDoc> {
        let mut doc = self.version(version_id)?;
        let to = t.apply(doc.status)?;
        if t.needs_checks() {
            self.refresh_parties(&mut doc.content)?;
            refuse(self.submit_problems(&doc.content, doc.tahun))?;
        }
        let now = ts(self.now());
        let c = doc.content.clone();
        // Signing freezes the letterhead too (the office's data and logo),
        // and gives the version its verification code.
        let kop = match t {
            Transition::Sign => Some((
                serde_json::to_string(&self.office()?)
                    .map_err(|e| StoreError::Invalid(e.to_string()))?,
                self.logo()?.map(|(bytes, _)| bytes),
                verification_code(&VersionDoc {
                    content: c.clone(),
                    ..doc.clone()
                }),
            )),
            _ => None,
        };
        self.write(AuditMeta::new(t.action(), "perjanjian"), |tx| {
            if let Some((json, logo, kode)) = &kop {
                tx.execute(
                    "UPDATE agreement_version SET kop_json = ?2, kop_logo = ?3, kode_verifikasi = ?4
                     WHERE id = ?1",
                    params![version_id, json, logo, kode],
                )?;
            }
            // The parties are taken afresh from the officials until signing;
            // from then on the snapshot is what was signed.
            tx.execute(
                "UPDATE agreement_version SET status = ?2, updated_at = ?3,
                    signed_at = CASE WHEN ?2 = 'ditandatangani' THEN ?3 ELSE signed_at END,
                    p1_nama = ?4, p1_nip = ?5, p1_pangkat = ?6, p1_jabatan = ?7, p1_status = ?8,
                    p2_nama = ?9, p2_nip = ?10, p2_pangkat = ?11, p2_jabatan = ?12, p2_status = ?13
                 WHERE id = ?1",
                params![
                    version_id,
                    to,
                    now,
                    c.pihak_pertama.nama,
                    c.pihak_pertama.nip,
                    c.pihak_pertama.pangkat,
                    c.pihak_pertama.jabatan,
                    c.pihak_pertama.status,
                    c.pihak_kedua.nama,
                    c.pihak_kedua.nip,
                    c.pihak_kedua.pangkat,
                    c.pihak_kedua.jabatan,
                    c.pihak_kedua.status
                ],
            )?;
            Ok(Written::new(
                (),
                version_id,
                Some(serde_json::json!({ "status": doc.status.kode() })),
                Some(serde_json::json!({ "status": to.kode() })),
            ))
        })?;
        self.version(version_id)
    }

    /// PK Perubahan: a new draft version copied from the signed latest one,
    /// with the reason.
    pub fn amend_version(
        &mut self,
        version_id: VersionId,
        alasan_jenis: Option<AlasanPerubahan>,
        alasan: &str,
    ) -> Result<VersionId> {
        let doc = self.version(version_id)?;
        let latest = self
            .versions(doc.agreement_id)?
            .last()
            .map(|v| v.0)
            .unwrap_or(version_id);
        let alasan_jenis =
            rules::check_amend(doc.status, latest == version_id, alasan_jenis, alasan)?;
        let alasan = alasan.trim();
        let now = ts(self.now());
        let mut c = doc.content.clone();
        c.tanggal = None;
        self.write(AuditMeta::new("perubahan", "perjanjian"), |tx| {
            let id = insert_version(
                tx,
                doc.agreement_id,
                doc.versi + 1,
                &c,
                Some((alasan_jenis, alasan)),
                &now,
            )?;
            Ok(Written::new(
                id,
                doc.agreement_id,
                None,
                Some(serde_json::json!({
                    "dari_versi": doc.versi, "alasan_jenis": alasan_jenis.kode(), "alasan": alasan
                })),
            ))
        })
    }

    /// The lines and budget for a unit's agreement, taken from the Renstra
    /// (head of the agency: sasaran strategis and their indicators) or the
    /// Renja of the year (Eselon III: the unit's programs; Eselon IV: its
    /// kegiatan), with the year's targets and the DPA (else Renja) anggaran.
    pub fn lines_from_plan(
        &self,
        unit_id: UnitId,
        tahun: i32,
        jenis: Jenis,
    ) -> Result<(Vec<NewLine>, Vec<NewBudgetLine>)> {
        let items = self.renja_tree_rows(tahun)?;
        let lines = match jenis {
            Jenis::Kepala => {
                let mut stmt = self.conn.prepare(
                    "SELECT s.uraian, i.id, i.nama, i.satuan, i.kumulatif, t.angka, t.teks
                     FROM renstra_period p
                     JOIN renstra_tujuan tj ON tj.period_id = p.id
                     JOIN renstra_sasaran s ON s.tujuan_id = tj.id
                     JOIN renstra_indikator i ON i.sasaran_id = s.id
                     LEFT JOIN renstra_target t ON t.indikator_id = i.id AND t.tahun = ?1
                     WHERE ?1 BETWEEN p.tahun_awal AND p.tahun_akhir
                       AND (i.unit_id IS NULL OR i.unit_id = ?2 OR i.jenis = 'iku')
                     ORDER BY p.tahun_awal, tj.urutan, tj.id, s.urutan, s.id, i.urutan, i.id",
                )?;
                stmt.query_map(params![tahun, unit_id], |r| {
                    plan_line(r, |id| LineSource::Renstra(IndikatorId(id)))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?
            }
            Jenis::Eselon3 | Jenis::Eselon4 => {
                // The unit's items of the first level (for its kind) that
                // carries indicators: Eselon III programs, else kegiatan or
                // sub kegiatan; Eselon IV kegiatan, else sub kegiatan.
                let with_indicators: std::collections::HashSet<RenjaItemId> = {
                    let mut stmt = self.conn.prepare_cached(
                        "SELECT DISTINCT j.item_id FROM renja_indikator j
                         JOIN renja_item r ON r.id = j.item_id WHERE r.tahun = ?1",
                    )?;
                    stmt.query_map([tahun], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()?
                };
                let own = |level: Tingkat| -> Vec<RenjaItemId> {
                    items
                        .iter()
                        .filter(|i| {
                            i.unit_id == Some(unit_id)
                                && i.level == level
                                && with_indicators.contains(&i.id)
                        })
                        .map(|i| i.id)
                        .collect()
                };
                let levels: &[Tingkat] = if jenis == Jenis::Eselon3 {
                    &Tingkat::ALL
                } else {
                    &[Tingkat::Kegiatan, Tingkat::SubKegiatan]
                };
                let chosen = levels
                    .iter()
                    .map(|l| own(*l))
                    .find(|v| !v.is_empty())
                    .unwrap_or_default();
                let mut stmt = self.conn.prepare_cached(
                    "SELECT coalesce(nullif(r.sasaran_teks, ''), s.uraian, r.nama),
                            j.id, j.nama, j.satuan, coalesce(ri.kumulatif, 0), j.angka, j.teks
                     FROM renja_indikator j
                     JOIN renja_item r ON r.id = j.item_id
                     LEFT JOIN renstra_sasaran s ON s.id = r.sasaran_id
                     LEFT JOIN renstra_indikator ri ON ri.id = j.renstra_indikator_id
                     WHERE j.item_id = ?1 ORDER BY j.urutan, j.id",
                )?;
                let mut out = Vec::new();
                for id in chosen {
                    let rows = stmt
                        .query_map([id], |r| {
                            plan_line(r, |id| LineSource::Renja(RenjaIndikatorId(id)))
                        })?
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    out.extend(rows);
                }
                out
            }
        };
        // The budget: the programs (head of the agency), or the unit's top
        // items with everything below them, in the order of the Renja tree.
        let budget_line = |i: &BudgetNode| NewBudgetLine {
            level: i.level,
            kode: i.kode.clone(),
            uraian: i.nama.clone(),
            anggaran: i.anggaran,
            renja_item_id: Some(i.id),
        };
        let budget = match jenis {
            Jenis::Kepala => items
                .iter()
                .filter(|i| i.level == Tingkat::Program)
                .map(budget_line)
                .collect(),
            _ => {
                let mut out = Vec::new();
                let mut k = 0;
                while k < items.len() {
                    let i = &items[k];
                    let parent_own = i
                        .parent_id
                        .and_then(|p| items.iter().find(|x| x.id == p))
                        .is_some_and(|p| p.unit_id == Some(unit_id));
                    let top = i.unit_id == Some(unit_id) && !parent_own;
                    if top && (jenis == Jenis::Eselon3 || i.level != Tingkat::Program) {
                        // The item and its subtree (the rows that follow deeper).
                        let d = rules::level_depth(i.level);
                        out.push(budget_line(i));
                        k += 1;
                        while k < items.len() && rules::level_depth(items[k].level) > d {
                            out.push(budget_line(&items[k]));
                            k += 1;
                        }
                    } else {
                        k += 1;
                    }
                }
                out
            }
        };
        Ok((lines, budget))
    }

    /// The Renja items of a year in tree order (pre-order by urutan).
    fn renja_tree_rows(&self, tahun: i32) -> Result<Vec<BudgetNode>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, parent_id, level, kode, nama, unit_id, coalesce(pagu_dpa, pagu)
             FROM renja_item WHERE tahun = ?1 ORDER BY urutan, kode, id",
        )?;
        let all = stmt
            .query_map([tahun], |r| {
                Ok(BudgetNode {
                    id: r.get(0)?,
                    parent_id: r.get(1)?,
                    level: r.get(2)?,
                    kode: r.get(3)?,
                    nama: r.get(4)?,
                    unit_id: r.get(5)?,
                    anggaran: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(all.len());
        fn walk(
            all: &[BudgetNode],
            parent: Option<RenjaItemId>,
            out: &mut Vec<BudgetNode>,
            depth: u8,
        ) {
            if depth > 3 {
                return;
            }
            for n in all.iter().filter(|n| n.parent_id == parent) {
                out.push(n.clone());
                walk(all, Some(n.id), out, depth + 1);
            }
        }
        walk(&all, None, &mut out, 0);
        Ok(out)
    }

    /// The officials proposed as parties for a unit ([`rules::propose`]).
    pub fn proposed_parties(&self, unit_id: UnitId, on: NaiveDate) -> Result<Proposed> {
        Ok(rules::propose(
            &self.units()?,
            &self.officials()?,
            &self.office()?,
            unit_id,
            on,
        ))
    }

    /// The years that have agreements, oldest first.
    pub fn agreement_years(&self) -> Result<Vec<i32>> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT tahun FROM agreement ORDER BY tahun")?;
        let rows = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The latest version of every agreement of a year.
    pub fn agreements(&self, tahun: i32) -> Result<Vec<AgreementRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id, v.id, a.tahun, a.unit_id, u.nama, a.jenis, v.versi, v.status, v.p1_nama, v.p2_nama, v.nomor,
                    (SELECT count(*) FROM agreement_line l WHERE l.version_id = v.id),
                    0
             FROM agreement a
             JOIN unit u ON u.id = a.unit_id
             JOIN agreement_version v ON v.agreement_id = a.id
             WHERE a.tahun = ?1 AND v.versi = (SELECT max(versi) FROM agreement_version WHERE agreement_id = a.id)
             ORDER BY u.urutan, u.id",
        )?;
        let rows = stmt
            .query_map([tahun], |r| {
                Ok(AgreementRow {
                    id: r.get(0)?,
                    version_id: r.get(1)?,
                    tahun: r.get(2)?,
                    unit_id: r.get(3)?,
                    unit: r.get(4)?,
                    jenis: r.get(5)?,
                    versi: r.get(6)?,
                    status: r.get(7)?,
                    pihak_pertama: r.get(8)?,
                    pihak_kedua: r.get(9)?,
                    nomor: r.get(10)?,
                    lines: r.get(11)?,
                    anggaran: r.get(12)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<AgreementRow>>>()?;
        let mut rows = rows;
        let totals = self.budget_totals(tahun)?;
        for a in &mut rows {
            a.anggaran = totals.get(&a.version_id).copied().unwrap_or(0);
        }
        Ok(rows)
    }

    /// The budget total of every version of a year's agreements, by the
    /// rule the editor and the PDF print ([`rules::budget_total`]: the leaves, so
    /// a kegiatan and its sub kegiatan are not added twice).
    fn budget_totals(&self, tahun: i32) -> Result<std::collections::HashMap<VersionId, i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT b.version_id, b.level, b.anggaran
             FROM agreement_budget b
             JOIN agreement_version v ON v.id = b.version_id
             JOIN agreement a ON a.id = v.agreement_id
             WHERE a.tahun = ?1
             ORDER BY b.version_id, b.urutan, b.id",
        )?;
        let mut lines: std::collections::HashMap<VersionId, Vec<(Tingkat, i64)>> =
            Default::default();
        let rows = stmt.query_map([tahun], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        for row in rows {
            let (version, level, anggaran): (VersionId, Tingkat, i64) = row?;
            lines.entry(version).or_default().push((level, anggaran));
        }
        Ok(lines
            .into_iter()
            .map(|(v, l)| {
                (
                    v,
                    rules::leaf_total(&l, |x| rules::level_depth(x.0), |x| x.1),
                )
            })
            .collect())
    }
}

#[derive(Clone, Debug)]
struct BudgetNode {
    id: RenjaItemId,
    parent_id: Option<RenjaItemId>,
    level: Tingkat,
    kode: String,
    nama: String,
    unit_id: Option<UnitId>,
    anggaran: i64,
}

/// A line from a plan query whose columns are (sasaran, indikator id,
/// nama, satuan, kumulatif, angka, teks).
fn plan_line(
    r: &rusqlite::Row<'_>,
    sumber: impl Fn(i64) -> LineSource,
) -> rusqlite::Result<NewLine> {
    Ok(NewLine {
        sasaran: r.get(0)?,
        indikator: r.get(2)?,
        satuan: r.get(3)?,
        target: target_text(r.get(5)?, r.get(6)?),
        tw: Default::default(),
        sumber: Some(sumber(r.get(1)?)),
        kumulatif: r.get::<_, i64>(4)? != 0,
    })
}

fn target_text(angka: Option<f64>, teks: Option<String>) -> String {
    match (angka, teks) {
        (Some(v), _) => crate::model::plan::Target::Angka(v).tampil(),
        (None, Some(t)) => t,
        (None, None) => String::new(),
    }
}

/// The problems as one refusal (one per line), or Ok when there are none.
fn refuse(problems: Vec<Problem>) -> Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    Err(StoreError::Invalid(
        problems
            .into_iter()
            .map(|p| p.message)
            .collect::<Vec<_>>()
            .join("\n"),
    ))
}

fn insert_version(
    tx: &rusqlite::Transaction<'_>,
    agreement_id: AgreementId,
    versi: i32,
    c: &Content,
    alasan: Option<(AlasanPerubahan, &str)>,
    now: &str,
) -> Result<VersionId> {
    let (p1, p2) = (&c.pihak_pertama, &c.pihak_kedua);
    tx.execute(
        "INSERT INTO agreement_version (agreement_id, versi, status, nomor, tempat, tanggal,
            alasan_jenis, alasan,
            p1_official_id, p1_nama, p1_nip, p1_pangkat, p1_jabatan, p1_status,
            p2_official_id, p2_nama, p2_nip, p2_pangkat, p2_jabatan, p2_status, created_at, updated_at)
         VALUES (?1, ?2, 'draf', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20)",
        params![
            agreement_id,
            versi,
            c.nomor.trim(),
            c.tempat.trim(),
            c.tanggal.map(|d| d.to_string()),
            alasan.map(|a| a.0),
            alasan.map(|a| a.1).unwrap_or(""),
            p1.official_id,
            p1.nama.trim(),
            p1.nip,
            p1.pangkat.trim(),
            p1.jabatan.trim(),
            p1.status,
            p2.official_id,
            p2.nama.trim(),
            p2.nip,
            p2.pangkat.trim(),
            p2.jabatan.trim(),
            p2.status,
            now
        ],
    )?;
    let version_id = VersionId(tx.last_insert_rowid());
    // A new version has no rows yet: every line is added.
    sync_lines(tx, version_id, c)?;
    Ok(version_id)
}

/// A line's columns as stored (texts trimmed).
fn line_values(l: &NewLine) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    let t = |s: &str| V::Text(s.trim().to_string());
    vec![
        t(&l.sasaran),
        t(&l.indikator),
        t(&l.satuan),
        t(&l.target),
        t(&l.tw[0]),
        t(&l.tw[1]),
        t(&l.tw[2]),
        t(&l.tw[3]),
        l.sumber.map_or(V::Null, |s| V::Text(s.kind().to_string())),
        l.sumber.map_or(V::Null, |s| V::Integer(s.row())),
    ]
}

/// A budget line's columns as stored.
fn budget_values(b: &NewBudgetLine) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    vec![
        V::Text(b.level.kode().to_string()),
        V::Text(b.kode.trim().to_string()),
        V::Text(b.uraian.trim().to_string()),
        V::Integer(b.anggaran),
        b.renja_item_id.map_or(V::Null, |r| V::Integer(r.0)),
    ]
}

/// Brings the stored lines of a draft to `want`, row by row in order: a
/// line as it was is left alone, a changed one updated in place, the
/// surplus deleted, the new ones added. An autosave after one keystroke
/// writes one row, not the whole table.
fn sync_rows(
    tx: &rusqlite::Transaction<'_>,
    table: &str,
    cols: &[&str],
    version_id: VersionId,
    want: &[Vec<rusqlite::types::Value>],
) -> Result<()> {
    use rusqlite::params_from_iter;
    let sql = format!(
        "SELECT id, {} FROM {table} WHERE version_id = ?1 ORDER BY urutan, id",
        cols.join(", ")
    );
    let have: Vec<(i64, Vec<rusqlite::types::Value>)> = tx
        .prepare_cached(&sql)?
        .query_map([version_id], |r| {
            let vals = (1..=cols.len())
                .map(|i| r.get::<_, rusqlite::types::Value>(i))
                .collect::<rusqlite::Result<_>>()?;
            Ok((r.get(0)?, vals))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let set = cols
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 3))
        .collect::<Vec<_>>()
        .join(", ");
    let update = format!("UPDATE {table} SET urutan = ?2, {set} WHERE id = ?1");
    let marks = (0..cols.len())
        .map(|i| format!("?{}", i + 3))
        .collect::<Vec<_>>();
    let insert = format!(
        "INSERT INTO {table} (version_id, urutan, {}) VALUES (?1, ?2, {})",
        cols.join(", "),
        marks.join(", ")
    );
    for (k, w) in want.iter().enumerate() {
        let head = |first: i64| {
            [
                rusqlite::types::Value::Integer(first),
                rusqlite::types::Value::Integer(k as i64),
            ]
        };
        match have.get(k) {
            Some((_, h)) if h == w => {}
            Some((id, _)) => {
                let p = head(*id).into_iter().chain(w.iter().cloned());
                tx.prepare_cached(&update)?.execute(params_from_iter(p))?;
            }
            None => {
                let p = head(version_id.0).into_iter().chain(w.iter().cloned());
                tx.prepare_cached(&insert)?.execute(params_from_iter(p))?;
            }
        }
    }
    for (id, _) in have.iter().skip(want.len()) {
        tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
    }
    Ok(())
}

/// The lines and the budget of a draft brought to `c` (see [`sync_rows`]).
fn sync_lines(tx: &rusqlite::Transaction<'_>, version_id: VersionId, c: &Content) -> Result<()> {
    let lines: Vec<_> = c.lines.iter().map(line_values).collect();
    let line_cols = [
        "sasaran",
        "indikator",
        "satuan",
        "target",
        "tw1",
        "tw2",
        "tw3",
        "tw4",
        "sumber_jenis",
        "sumber_id",
    ];
    sync_rows(tx, "agreement_line", &line_cols, version_id, &lines)?;
    let budget: Vec<_> = c.budget.iter().map(budget_values).collect();
    let budget_cols = ["level", "kode", "uraian", "anggaran", "renja_item_id"];
    sync_rows(tx, "agreement_budget", &budget_cols, version_id, &budget)
}

/// The verification code of a signed version: ten characters (Crockford
/// base 32, shown "ABCDE-FGHJK") of the SHA-256 of what was signed — the
/// year, the unit, the version, the number, place and date, the parties as
/// frozen, every line and every budget line. Printed on the signed paper;
/// the same content always gives the same code, any change another one.
pub fn verification_code(doc: &VersionDoc) -> String {
    use sha2::{Digest, Sha256};
    let c = &doc.content;
    let party = |p: &crate::model::agreement::Party| {
        serde_json::json!([p.status.awalan(), p.nama, p.nip, p.pangkat, p.jabatan])
    };
    let signed = serde_json::json!({
        "tahun": doc.tahun,
        "unit": doc.unit_id,
        "versi": doc.versi,
        "nomor": c.nomor,
        "tempat": c.tempat,
        "tanggal": c.tanggal.map(|d| d.to_string()),
        "pihak": [party(&c.pihak_pertama), party(&c.pihak_kedua)],
        "baris": c.lines.iter()
            .map(|l| serde_json::json!([l.sasaran, l.indikator, l.satuan, l.target, l.tw]))
            .collect::<Vec<_>>(),
        "anggaran": c.budget.iter()
            .map(|b| serde_json::json!([b.level.kode(), b.kode, b.uraian, b.anggaran]))
            .collect::<Vec<_>>(),
    });
    let h = Sha256::digest(signed.to_string().as_bytes());
    const ABJAD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let bits = u64::from_be_bytes(h[..8].try_into().unwrap_or_default()) >> 14;
    let chars: String = (0..10)
        .rev()
        .map(|i| ABJAD[((bits >> (i * 5)) & 31) as usize] as char)
        .collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}
