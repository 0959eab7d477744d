//! The first start's guide: a new office's setup in its order (Instansi,
//! Unit Kerja, Pejabat, Kalender Kerja, Renstra, Renja with the DPA, the
//! SOP, then the agreements), each with whether it is done, read from the
//! view.

use super::ViewData;

/// One step of an office's setup; each names where it is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupStep {
    Instansi,
    Unit,
    Pejabat,
    Kalender,
    Renstra,
    Renja,
    Sop,
    Perjanjian,
}

/// A step as Beranda shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SetupRow {
    pub step: SetupStep,
    pub judul: String,
    /// What to do there, or what is there already.
    pub keterangan: String,
    pub done: bool,
}

impl SetupStep {
    /// The menu that holds the step ("Pengaturan → Unit Kerja").
    pub fn tempat(self) -> &'static str {
        match self {
            SetupStep::Instansi => "Pengaturan → Instansi",
            SetupStep::Unit => "Pengaturan → Unit Kerja",
            SetupStep::Pejabat => "Pengaturan → Pejabat",
            SetupStep::Kalender => "Pengaturan → Kalender Kerja",
            SetupStep::Renstra => "Renstra",
            SetupStep::Renja => "Renja",
            SetupStep::Sop => "Alur SOP",
            SetupStep::Perjanjian => "Perjanjian Kinerja",
        }
    }
}

/// The setup steps of the office for `year`, in order.
pub fn setup_steps(view: &ViewData, year: i32) -> Vec<SetupRow> {
    let o = &view.office;
    let indikator = view
        .renstra
        .as_ref()
        .map(|(_, t)| {
            t.iter()
                .flat_map(|t| &t.sasaran)
                .map(|s| s.indikator.len())
                .sum::<usize>()
        })
        .unwrap_or(0);
    let dpa = view
        .renja_years
        .iter()
        .find(|r| r.tahun == year)
        .and_then(|r| r.tanggal_dpa);
    let libur = view
        .kal
        .as_ref()
        .map(|k| {
            k.libur
                .keys()
                .filter(|d| chrono::Datelike::year(*d) == year)
                .count()
        })
        .unwrap_or(0);
    let row = |step, judul: &str, keterangan: String, done| SetupRow {
        step,
        judul: judul.to_string(),
        keterangan,
        done,
    };
    vec![
        row(
            SetupStep::Instansi,
            "Instansi",
            "Nama instansi, pemerintah daerah, alamat dan kota tempat penandatanganan".into(),
            !o.nama_instansi.trim().is_empty() && !o.kota.trim().is_empty(),
        ),
        row(
            SetupStep::Unit,
            "Unit Kerja",
            count_or(view.units.len(), "unit kerja", "Susunan organisasi (SOTK)"),
            !view.units.is_empty(),
        ),
        row(
            SetupStep::Pejabat,
            "Pejabat",
            count_or(
                view.officials.len(),
                "pejabat",
                "Kepala instansi dan pejabat setiap unit, dengan NIP",
            ),
            !view.officials.is_empty(),
        ),
        row(
            SetupStep::Kalender,
            "Kalender Kerja",
            format!("Jam kerja dan hari libur {year} ({libur} hari libur tercatat)"),
            view.kal.is_some() && libur > 0,
        ),
        row(
            SetupStep::Renstra,
            "Renstra",
            count_or(
                indikator,
                "indikator",
                "Tujuan, sasaran dan indikator dengan targetnya",
            ),
            indikator > 0,
        ),
        row(
            SetupStep::Renja,
            &format!("Renja dan DPA {year}"),
            match (view.renja.len(), dpa) {
                (0, _) => "Program, kegiatan, sub kegiatan dengan pagu; tanggal DPA".into(),
                (n, None) => format!("{n} butir Renja; tanggal pengesahan DPA belum dicatat"),
                (n, Some(d)) => format!("{n} butir Renja; DPA disahkan {}", crate::fmt::tanggal(d)),
            },
            !view.renja.is_empty() && dpa.is_some(),
        ),
        row(
            SetupStep::Sop,
            "SOP",
            count_or(
                view.templates.len(),
                "templat SOP",
                "SOP penyusunan Perjanjian Kinerja instansi",
            ),
            !view.templates.is_empty(),
        ),
        row(
            SetupStep::Perjanjian,
            &format!("Perjanjian Kinerja {year}"),
            count_or(
                view.agreements.len(),
                "Perjanjian Kinerja",
                "Buat dari Renstra dan Renja, satu untuk setiap unit",
            ),
            !view.agreements.is_empty(),
        ),
    ]
}

/// "12 unit kerja", or what to do when there is none.
fn count_or(n: usize, what: &str, todo: &str) -> String {
    if n == 0 {
        todo.to_string()
    } else {
        format!("{n} {what}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_office_has_every_data_step_to_do() {
        let view = ViewData::default();
        let steps = setup_steps(&view, 2027);
        assert_eq!(steps.len(), 8);
        assert_eq!(steps[0].step, SetupStep::Instansi);
        assert_eq!(steps[7].step, SetupStep::Perjanjian);
        assert!(steps.iter().all(|s| !s.done), "{steps:#?}");
        assert_eq!(steps[1].keterangan, "Susunan organisasi (SOTK)");
    }

    #[test]
    fn a_step_is_done_once_its_data_is_there() {
        let mut view = ViewData::default();
        view.office.nama_instansi = "Badan Kepegawaian".into();
        view.office.kota = "Lembah Hijau".into();
        let steps = setup_steps(&view, 2027);
        assert!(steps[0].done);
        assert!(!steps[1].done);
    }
}
