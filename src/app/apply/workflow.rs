//! Antrian Persetujuan and Alur SOP: cycles, tasks, the SOP sheet and a
//! cycle's history.

use super::{Applied, refused, started, stored};
use crate::app::{App, Changed, Created, Reply, WorkflowCmd};
use crate::model::id::{CycleId, TaskRef};
use crate::model::workflow::{Act, Action};

impl App {
    pub(super) fn apply_workflow(&mut self, c: WorkflowCmd) -> Applied {
        let wake = self.waker.clone();
        let open = self.open_files;
        match c {
            WorkflowCmd::StartCycle {
                template,
                nama,
                tahun,
                units,
            } => {
                let now = self.store.now();
                let r = self.store.start_cycle(&template, &nama, tahun, &units, now);
                stored(r, Changed::Data, |id| {
                    let m = format!("Siklus {} dimulai", nama.trim());
                    Reply::created(m, Created::Cycle(id))
                })
            }
            WorkflowCmd::Act {
                task,
                action,
                performer_id,
                performer,
                note,
            } => {
                let act = Act {
                    action,
                    performer_id,
                    performer,
                    note,
                    now: self.store.now(),
                };
                self.act(task, &act)
            }
            WorkflowCmd::ExportSopPdf {
                template,
                path,
                kertas,
            } => started(
                self.jobs
                    .export_sop(&self.store, &template, path, kertas, open, wake),
            ),
            WorkflowCmd::ExportHistoryPdf { cycle, path } => match self.history_table(cycle) {
                Ok(d) => started(self.jobs.export_list(d, path, open, wake)),
                Err(e) => refused(e),
            },
        }
    }

    /// Acts on an open task; the reply says the step and where the cycle is now.
    fn act(&mut self, task: TaskRef, act: &Act) -> Applied {
        let step = match self.store.load_cycle(task.cycle) {
            Ok(c) => c
                .visit(task.seq)
                .map(|v| c.template.langkah[v.step].no.clone())
                .unwrap_or_default(),
            Err(e) => return refused(e.to_string()),
        };
        let what = match act.action {
            Action::Selesai => "selesai",
            Action::Ya => "disetujui",
            Action::Tolak { .. } => "ditolak",
        };
        stored(
            self.store.act(task.cycle, task.seq, act),
            Changed::Data,
            |c| {
                let next = if c.finished_at.is_some() {
                    "siklus selesai".to_string()
                } else {
                    format!("sekarang: langkah {}", c.describe_current())
                };
                Reply::ok(format!("Langkah {step} {what}; {next}"))
            },
        )
    }

    /// A cycle's history as a landscape table (A4).
    fn history_table(&self, id: CycleId) -> Result<crate::formats::table::Daftar, String> {
        let c = self
            .view
            .cycles
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| format!("Siklus {id} tidak ditemukan"))?;
        let dicetak = self
            .view
            .kal
            .as_ref()
            .map(|k| crate::fmt::tanggal_jam(k.ke_lokal(self.store.now())))
            .unwrap_or_default();
        Ok(crate::formats::table::Daftar {
            judul: format!("Riwayat siklus {}", c.nama),
            instansi: self.view.office.nama_instansi.clone(),
            keterangan: vec![format!("SOP {}", c.template), format!("Dicetak {dicetak}")],
            kolom: crate::app::view::HistoryRow::KOLOM
                .map(String::from)
                .to_vec(),
            lebar: vec![19.0, 36.0, 26.0, 22.0, 22.0, 22.0, 24.0, 16.0, 27.0, 26.0],
            baris: c.history.iter().map(|r| r.cells().to_vec()).collect(),
            kertas: crate::formats::Kertas::A4,
        })
    }
}
