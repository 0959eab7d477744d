//! Plan values shared by Renstra, Renja and agreements.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("Target wajib diisi")]
    Kosong,
    #[error("Target terlalu panjang (maksimal 100 karakter)")]
    TerlaluPanjang,
    #[error("Target '{0}' bukan angka yang sah")]
    BukanAngka(String),
}

/// A target: a number (with the indicator's satuan) or a text such as "WTP".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Angka(f64),
    Teks(String),
}

impl Target {
    /// Reads what a user typed. Numbers use the Indonesian decimal comma and
    /// dot thousands ("1.234,5"); a lone dot that is not a thousands group is
    /// read as a decimal point ("0.65", as pasted from an English sheet).
    /// Anything that is not a number is a text target ("WTP", "BB").
    pub fn parse(s: &str) -> Result<Target, TargetError> {
        let t = s.trim();
        if t.is_empty() {
            return Err(TargetError::Kosong);
        }
        if t.chars().count() > 100 {
            return Err(TargetError::TerlaluPanjang);
        }
        let numeric_chars = t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'))
            && t.chars().any(|c| c.is_ascii_digit());
        if !numeric_chars {
            return Ok(Target::Teks(t.to_string()));
        }
        let normal = if t.contains(',') {
            t.replace('.', "").replace(',', ".")
        } else if is_thousands_grouped(t) {
            t.replace('.', "")
        } else {
            t.to_string()
        };
        match normal.parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() < 1e15 => Ok(Target::Angka(v)),
            _ => Err(TargetError::BukanAngka(t.to_string())),
        }
    }

    /// As printed: "95,5" or "WTP".
    pub fn tampil(&self) -> String {
        match self {
            Target::Angka(v) => crate::fmt::angka(*v),
            Target::Teks(s) => s.clone(),
        }
    }
}

/// "1.234" or "-12.345.678": dots grouping digits by three.
fn is_thousands_grouped(t: &str) -> bool {
    let digits = t.strip_prefix('-').unwrap_or(t);
    let mut groups = digits.split('.');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = groups.collect();
    first_ok
        && !rest.is_empty()
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_as_a_clerk_types_them() {
        assert_eq!(Target::parse("95").unwrap(), Target::Angka(95.0));
        assert_eq!(Target::parse("95,5").unwrap(), Target::Angka(95.5));
        assert_eq!(Target::parse("1.234,5").unwrap(), Target::Angka(1234.5));
        assert_eq!(Target::parse("1.234").unwrap(), Target::Angka(1234.0));
        assert_eq!(
            Target::parse("1.234.567").unwrap(),
            Target::Angka(1_234_567.0)
        );
        assert_eq!(Target::parse("0.65").unwrap(), Target::Angka(0.65));
        assert_eq!(Target::parse("-2,5").unwrap(), Target::Angka(-2.5));
        assert_eq!(Target::parse(" WTP ").unwrap(), Target::Teks("WTP".into()));
        assert_eq!(Target::parse("BB").unwrap(), Target::Teks("BB".into()));
        assert_eq!(Target::parse("").unwrap_err(), TargetError::Kosong);
        assert_eq!(
            Target::parse("1,2,3").unwrap_err(),
            TargetError::BukanAngka("1,2,3".into())
        );
        assert_eq!(
            Target::parse("1.2.3").unwrap_err(),
            TargetError::BukanAngka("1.2.3".into())
        );
        assert_eq!(
            Target::parse(&"9".repeat(101)).unwrap_err(),
            TargetError::TerlaluPanjang
        );
        assert!(matches!(
            Target::parse(&"9".repeat(40)),
            Err(TargetError::BukanAngka(_))
        ));
        assert_eq!(Target::parse("0,65").unwrap().tampil(), "0,65");
    }
}
