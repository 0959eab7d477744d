//! Pengaturan → Riwayat: the audit log read through a filter, and where the
//! hash-chain check stands.

use crate::model::id::AuditId;
use crate::model::worktime::Kalender;
use crate::store::Store;
use crate::store::audit::{self, AuditFilter, AuditRow, ChainReport};

use super::ViewData;

/// Rows of the audit view read per query and per "load more".
pub const AUDIT_PAGE: usize = 200;

/// One audit row as the Riwayat list shows it, formatted once when read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub row: AuditRow,
    /// "23 November 2026 14.05" in the office's time.
    pub waktu: String,
    /// "23 November 2026 14.05.09 WIB".
    pub waktu_lengkap: String,
    pub ringkasan: String,
}

impl AuditEntry {
    pub fn new(row: AuditRow, kal: &Kalender) -> AuditEntry {
        let (waktu, waktu_lengkap) = match row.waktu() {
            Some(t) => {
                let l = kal.ke_lokal(t);
                (
                    crate::fmt::tanggal_jam(l),
                    format!(
                        "{} {} {}",
                        crate::fmt::tanggal(l.date()),
                        l.format("%H.%M.%S"),
                        kal.zona.kode()
                    ),
                )
            }
            // An altered timestamp is shown as stored.
            None => (row.at.clone(), row.at.clone()),
        };
        AuditEntry {
            ringkasan: audit::summary(&row),
            row,
            waktu,
            waktu_lengkap,
        }
    }
}

/// Where the hash-chain check stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ChainState {
    #[default]
    Belum,
    /// Running in the background: the share done.
    Berjalan(f32),
    Selesai {
        report: ChainReport,
        /// When it ran: "23 November 2026 14.05".
        pukul: String,
    },
    Gagal(String),
}

/// Pengaturan → Riwayat: the audit log through a filter, newest first, and
/// the hash-chain check. Kept across view reloads (the filter and the rows
/// loaded stay); read again only when the log has grown.
#[derive(Clone, Debug, Default)]
pub struct AuditView {
    /// The filter the rows answer.
    pub filter: AuditFilter,
    pub entries: Vec<AuditEntry>,
    /// Matching rows in all.
    pub total: u64,
    /// Older matching rows not loaded yet.
    pub more: bool,
    /// Entity codes and operators present in the log, for the filter.
    pub entities: Vec<String>,
    pub operators: Vec<String>,
    /// The newest id of the whole log when read.
    pub last_id: i64,
    /// A row asked for by id (the row where the chain breaks), whether or
    /// not the filter shows it.
    pub shown: Option<AuditEntry>,
    pub chain: ChainState,
}

impl ViewData {
    /// Reads the first page of the log through `filter` (with the filter's
    /// choices), replacing what the Riwayat tab shows.
    pub fn query_audit(
        &mut self,
        store: &Store,
        filter: AuditFilter,
    ) -> crate::store::Result<&AuditView> {
        let old = self.audit.take().unwrap_or_default();
        self.read_audit(store, filter, AUDIT_PAGE, old)
    }

    fn read_audit(
        &mut self,
        store: &Store,
        filter: AuditFilter,
        limit: usize,
        old: AuditView,
    ) -> crate::store::Result<&AuditView> {
        let kal = match &self.kal {
            Some(k) => k.clone(),
            None => store.calendar()?,
        };
        let read = || -> crate::store::Result<AuditView> {
            let last_id = store.audit_last_id()?;
            let page = store.audit_query(&filter, None, limit)?;
            let (entities, operators) = store.audit_choices()?;
            Ok(AuditView {
                entries: page
                    .rows
                    .into_iter()
                    .map(|r| AuditEntry::new(r, &kal))
                    .collect(),
                total: page.total,
                more: page.more,
                filter: filter.clone(),
                entities,
                operators,
                last_id,
                shown: old.shown.clone(),
                chain: old.chain.clone(),
            })
        };
        match read() {
            Ok(v) => Ok(self.audit.insert(v)),
            Err(e) => {
                self.audit = Some(old);
                Err(e)
            }
        }
    }

    /// The next page of the current filter, appended.
    pub fn more_audit(&mut self, store: &Store) -> crate::store::Result<usize> {
        let Some(r) = self.audit.as_mut() else {
            return Ok(0);
        };
        let kal = match &self.kal {
            Some(k) => k.clone(),
            None => store.calendar()?,
        };
        let before = r.entries.last().map(|e| e.row.id);
        let page = store.audit_query(&r.filter, before, AUDIT_PAGE)?;
        let n = page.rows.len();
        r.entries
            .extend(page.rows.into_iter().map(|row| AuditEntry::new(row, &kal)));
        r.more = page.more;
        r.total = page.total;
        Ok(n)
    }

    /// Reads one row by id to show it (None clears it).
    pub fn show_audit_row(
        &mut self,
        store: &Store,
        id: Option<AuditId>,
    ) -> crate::store::Result<()> {
        let shown = match id {
            Some(id) => {
                let row = store
                    .audit_row(id.0)?
                    .ok_or_else(|| crate::store::StoreError::NotFound(format!("Entri log {id}")))?;
                let kal = match &self.kal {
                    Some(k) => k.clone(),
                    None => store.calendar()?,
                };
                Some(AuditEntry::new(row, &kal))
            }
            None => None,
        };
        self.audit.get_or_insert_with(Default::default).shown = shown;
        Ok(())
    }

    /// Reads the Riwayat rows again, as many as were loaded, if the log has
    /// grown since they were read (a change of the office's time zone is
    /// logged too, so the times shown follow it).
    pub fn refresh_audit(&mut self, store: &Store) {
        let Some(old) = self.audit.take() else {
            return;
        };
        let grown = store.audit_last_id().is_ok_and(|id| id != old.last_id);
        if !grown {
            self.audit = Some(old);
            return;
        }
        let filter = old.filter.clone();
        let limit = old.entries.len().max(AUDIT_PAGE);
        if let Err(e) = self.read_audit(store, filter, limit, old) {
            self.error = Some(format!("Log audit tidak dapat dibaca: {e}"));
        }
    }
}
