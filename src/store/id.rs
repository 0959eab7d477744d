//! The typed ids of `model::id` as SQLite integers, and the domain's enums
//! as their stored codes.

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::id::*;

macro_rules! sql_id {
    ($name:ident) => {
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }
    };
}

crate::for_each_id!(sql_id);

/// The domain's enums as their stored codes (`kode()` / `parse()`); a code
/// this build does not know reads as an error, never as a guess.
macro_rules! sql_code {
    ($($ty:ty),*) => {$(
        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.kode()))
            }
        }

        impl FromSql for $ty {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let s = value.as_str()?;
                <$ty>::parse(s).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(
                        format!("kode '{s}' tidak dikenal").into(),
                    )
                })
            }
        }
    )*};
}

use crate::model::agreement::{AlasanPerubahan, Jenis, PrintPurpose, Status};
use crate::model::org::{Eselon, JenisUnit, StatusJabatan};
use crate::model::plan::Tingkat;

sql_code!(
    Status,
    Jenis,
    AlasanPerubahan,
    Tingkat,
    StatusJabatan,
    JenisUnit,
    Eselon
);

impl ToSql for PrintPurpose {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.kode()))
    }
}

impl FromSql for PrintPurpose {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value.as_str().map(PrintPurpose::parse)
    }
}
