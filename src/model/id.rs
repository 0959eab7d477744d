//! Typed ids: one type per kind of record, so a unit's id cannot be passed
//! where an official's is meant. Each is the row id of its table; in JSON
//! (audit images, remembered drafts) it is the bare number.

use serde::{Deserialize, Serialize};

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

/// Applies `$m!(Type)` to every id type (the store implements its SQL
/// conversions this way).
#[macro_export]
#[doc(hidden)]
macro_rules! for_each_id {
    ($m:ident) => {
        $m!(UnitId);
        $m!(OfficialId);
        $m!(PeriodId);
        $m!(TujuanId);
        $m!(SasaranId);
        $m!(IndikatorId);
        $m!(RenjaItemId);
        $m!(RenjaIndikatorId);
        $m!(AgreementId);
        $m!(VersionId);
        $m!(CycleId);
        $m!(ArchiveId);
        $m!(PrintId);
        $m!(AuditId);
    };
}

ids! {
    /// A unit of the SOTK (Badan, Sekretariat, Bidang, Subbagian …).
    UnitId;
    /// An official (pejabat).
    OfficialId;
    /// A Renstra period.
    PeriodId;
    /// A Renstra tujuan.
    TujuanId;
    /// A Renstra sasaran strategis.
    SasaranId;
    /// A Renstra indikator kinerja.
    IndikatorId;
    /// A Renja item: program, kegiatan or sub kegiatan.
    RenjaItemId;
    /// An indicator of a Renja item.
    RenjaIndikatorId;
    /// A Perjanjian Kinerja (one per unit, year and kind).
    AgreementId;
    /// One version of an agreement (the first, or a PK Perubahan).
    VersionId;
    /// A run of an SOP template (siklus).
    CycleId;
    /// An entry of the archive register.
    ArchiveId;
    /// A recorded print of a version.
    PrintId;
    /// An entry of the audit log.
    AuditId;
}

/// One task of a cycle: the visit with sequence number `seq`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TaskRef {
    pub cycle: CycleId,
    pub seq: u32,
}
