//! Alur SOP: the SOP templates as their sheets (header and step table) and
//! the cycles running on them.

use super::{Form, Outbox};
use crate::app::{ViewData, WorkflowCmd};
use crate::ui::files::{FileDialog, choose};
use egui::{Color32, RichText};

use super::widgets::heading;
use crate::model::sop::SopTemplate;
use crate::pdf::Kertas;

/// What the panel shows: a template's sheet, or one cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sel {
    Template(usize),
    Cycle(crate::model::id::CycleId),
}

impl Default for Sel {
    fn default() -> Self {
        Sel::Template(0)
    }
}

/// The tabs of a cycle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Tab {
    #[default]
    Bagan,
    Riwayat,
    Lembar,
}

#[derive(Default)]
pub struct SopPanel {
    selected: Sel,
    tab: Tab,
    /// A template shows its flowchart instead of its sheet.
    template_flow: bool,
    /// Zoom and pan of the flowchart.
    flow: crate::ui::flow::FlowView,
}

impl SopPanel {
    pub fn show(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        heading(
            ui,
            "Alur SOP",
            "Templat SOP bawaan dan buatan pengguna, dengan langkah, pelaksana dan waktu bakunya.",
        );
        egui::Panel::left("daftar_templat")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.label(RichText::new("Templat SOP").strong());
                    for (i, (t, parsed)) in view.templates.iter().enumerate() {
                        // Both seeds are "Penyusunan Perjanjian Kinerja": tell them apart by
                        // their number, or by the agency where the sheet has no number.
                        let sub = match parsed {
                            Some(p) if p.kepala.nomor.is_empty() => p.kepala.instansi.as_str(),
                            _ => t.nomor.as_str(),
                        };
                        if ui
                            .selectable_label(
                                self.selected == Sel::Template(i),
                                format!("{}\n{}", t.nama, sub),
                            )
                            .clicked()
                        {
                            self.selected = Sel::Template(i);
                        }
                        ui.add_space(2.0);
                    }
                    ui.separator();
                    ui.label(RichText::new("Siklus").strong());
                    if view.cycles.is_empty() {
                        ui.label("Belum ada siklus.");
                    }
                    for c in &view.cycles {
                        if ui
                            .selectable_label(
                                self.selected == Sel::Cycle(c.id),
                                RichText::new(&c.nama).strong(),
                            )
                            .clicked()
                        {
                            self.selected = Sel::Cycle(c.id);
                        }
                        ui.label(RichText::new(&c.template).weak());
                        if c.selesai {
                            ui.label(RichText::new("Selesai").color(Color32::from_rgb(0, 120, 60)));
                        }
                        for line in &c.current {
                            ui.add(egui::Label::new(line).wrap());
                        }
                        ui.add_space(6.0);
                    }
                });
            });
        match self.selected {
            Sel::Cycle(id) => match view.cycles.iter().find(|c| c.id == id) {
                Some(c) => {
                    ui.heading(&c.nama);
                    ui.label(RichText::new(&c.template).weak());
                    tabs(ui, &mut self.tab);
                    match self.tab {
                        Tab::Bagan => self.flow.show(ui, &c.sop, &c.states, &c.step_visits),
                        Tab::Riwayat => history(ui, c, out),
                        Tab::Lembar => {
                            egui::ScrollArea::both().show(ui, |ui| sop_sheet(ui, &c.sop));
                        }
                    }
                }
                None => self.selected = Sel::default(),
            },
            Sel::Template(i) => {
                if let Some((_, Some(t))) = view.templates.get(i) {
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut self.template_flow, false, "Lembar SOP");
                        ui.selectable_value(&mut self.template_flow, true, "Bagan alir");
                    });
                    ui.separator();
                    if self.template_flow {
                        // No cycle: every step neutral.
                        self.flow.show(ui, t, &[], &[]);
                        return;
                    }
                }
                egui::ScrollArea::both().show(ui, |ui| match view.templates.get(i) {
                    None => {
                        ui.label("Belum ada templat SOP.");
                    }
                    Some((row, None)) => {
                        ui.colored_label(
                            Color32::RED,
                            format!("Templat {} tidak dapat dibaca.", row.kode),
                        );
                    }
                    Some((row, Some(t))) => {
                        if ui.button("Ekspor lembar SOP ke PDF…").clicked() {
                            let d = FileDialog::save(
                                "Simpan lembar SOP sebagai PDF",
                                format!("SOP-{}.pdf", row.kode),
                            );
                            let template = row.kode.clone();
                            choose(d.filter("Dokumen PDF", &["pdf"]), out, move |path| {
                                let kertas = Kertas::A4;
                                let cmd = WorkflowCmd::ExportSopPdf {
                                    template,
                                    path,
                                    kertas,
                                };
                                (Form::Sop, cmd.into())
                            });
                        }
                        sop_sheet(ui, t)
                    }
                });
            }
        }
    }
}

fn tabs(ui: &mut egui::Ui, tab: &mut Tab) {
    ui.horizontal(|ui| {
        ui.selectable_value(tab, Tab::Bagan, "Bagan alir");
        ui.selectable_value(tab, Tab::Riwayat, "Riwayat");
        ui.selectable_value(tab, Tab::Lembar, "Lembar SOP");
    });
    ui.separator();
}

/// Every visit of the cycle with its verdict; exportable as PDF.
fn history(ui: &mut egui::Ui, c: &crate::app::view::CycleView, out: &mut Outbox) {
    use egui_extras::{Column, TableBuilder};
    ui.horizontal(|ui| {
        ui.label(format!("{} kunjungan langkah", c.history.len()));
        if ui.button("Ekspor riwayat ke PDF…").clicked() {
            let d = FileDialog::save(
                "Simpan riwayat siklus sebagai PDF",
                format!("Riwayat-siklus-{}.pdf", c.id),
            );
            let cycle = c.id;
            choose(d.filter("Dokumen PDF", &["pdf"]), out, move |path| {
                (
                    Form::Sop,
                    WorkflowCmd::ExportHistoryPdf { cycle, path }.into(),
                )
            });
        }
    });
    let widths = [
        55.0, 230.0, 150.0, 190.0, 190.0, 150.0, 150.0, 100.0, 200.0, 160.0,
    ];
    egui::ScrollArea::horizontal()
        .id_salt("riwayat_h")
        .show(ui, |ui| {
            let mut t = TableBuilder::new(ui)
                .id_salt("riwayat")
                .striped(true)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
            for w in widths {
                t = t.column(Column::exact(w).clip(true));
            }
            t.header(22.0, |mut h| {
                for k in crate::app::view::HistoryRow::KOLOM {
                    h.col(|ui| {
                        ui.strong(k);
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, c.history.len(), |mut row| {
                    let r = &c.history[row.index()];
                    for (k, cell) in r.cells().into_iter().enumerate() {
                        row.col(|ui| {
                            let mut text = RichText::new(cell);
                            if k == 6 {
                                text = text.color(if r.visit.late {
                                    Color32::from_rgb(185, 28, 28)
                                } else {
                                    Color32::from_rgb(21, 128, 61)
                                });
                            }
                            ui.add(egui::Label::new(text).truncate().selectable(false));
                        });
                    }
                });
            });
        });
}

/// The header sheet and the step table of an SOP.
fn sop_sheet(ui: &mut egui::Ui, t: &SopTemplate) {
    let k = &t.kepala;
    ui.heading(format!("SOP {}", k.nama));
    let mut facts = vec![if k.nomor.is_empty() {
        "Nomor SOP tidak tercantum".to_string()
    } else {
        format!("Nomor {}", k.nomor)
    }];
    if let Some(d) = k.tanggal_efektif {
        facts.push(format!("Efektif {}", crate::fmt::tanggal(d)));
    }
    if !k.instansi.is_empty() {
        facts.push(k.instansi.clone());
    }
    ui.label(facts.join(" · "));
    egui::CollapsingHeader::new("Identitas SOP: dasar hukum, kualifikasi, peralatan, peringatan")
        .id_salt(("identitas_sop", &k.kode))
        .show(ui, |ui| {
            egui::Grid::new("kepala_sop")
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    let field = |ui: &mut egui::Ui, label: &str, value: String| {
                        ui.label(RichText::new(label).strong());
                        ui.add(
                            egui::Label::new(if value.is_empty() {
                                "-".to_string()
                            } else {
                                value
                            })
                            .wrap(),
                        );
                        ui.end_row();
                    };
                    field(ui, "Disahkan oleh", k.disahkan_oleh.clone());
                    field(ui, "Dasar hukum", numbered(&k.dasar_hukum));
                    field(
                        ui,
                        "Kualifikasi pelaksana",
                        numbered(&k.kualifikasi_pelaksana),
                    );
                    field(ui, "Keterkaitan", numbered(&k.keterkaitan));
                    field(
                        ui,
                        "Peralatan/perlengkapan",
                        numbered(&k.peralatan_perlengkapan),
                    );
                    field(ui, "Peringatan", numbered(&k.peringatan));
                    field(
                        ui,
                        "Pencatatan dan pendataan",
                        numbered(&k.pencatatan_pendataan),
                    );
                });
        });
    ui.add_space(8.0);
    ui.separator();
    egui::Grid::new("langkah_sop")
        .num_columns(6)
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for h in [
                "No",
                "Kegiatan",
                "Pelaksana",
                "Kelengkapan",
                "Waktu",
                "Output",
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (i, l) in t.langkah.iter().enumerate() {
                ui.label(&l.no);
                ui.vertical(|ui| {
                    ui.set_max_width(280.0);
                    ui.add(egui::Label::new(&l.kegiatan).wrap());
                    if let Some(target) = t.target_tolak(i) {
                        ui.label(
                            RichText::new(format!(
                                "Keputusan: Ya → lanjut; Tolak → langkah {}",
                                t.langkah[target].no
                            ))
                            .small()
                            .color(Color32::from_rgb(160, 80, 0)),
                        );
                    }
                });
                ui.label(t.label_pelaksana(i));
                ui.vertical(|ui| {
                    ui.set_max_width(220.0);
                    for item in &l.kelengkapan {
                        ui.add(egui::Label::new(format!("• {item}")).wrap());
                    }
                });
                ui.label(l.waktu.to_string());
                ui.vertical(|ui| {
                    ui.set_max_width(200.0);
                    ui.add(egui::Label::new(&l.output).wrap());
                });
                ui.end_row();
            }
        });
}

fn numbered(items: &[String]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{}. {s}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}
