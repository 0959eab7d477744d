//! Renstra and Renja as they stand in the database: the Renstra tree with
//! every yearly target, the Renja with its budgets, DPA and totals per level.

use egui::{Color32, RichText};
use egui_extras::TableBuilder;

use super::lists::fixed;

use super::widgets::heading;
use crate::fmt;
use crate::store::RenjaItemRow;
use crate::ui::view::ViewData;

#[derive(Default)]
pub struct PlanPanels {}

fn level_label(level: &str) -> &'static str {
    match level {
        "program" => "Program",
        "kegiatan" => "Kegiatan",
        "sub_kegiatan" => "Sub Kegiatan",
        _ => "",
    }
}

impl PlanPanels {
    pub fn renstra(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32) {
        let Some((period, tree)) = &view.renstra else {
            heading(ui, "Renstra", "");
            if view.periods.is_empty() {
                ui.label("Belum ada periode Renstra.");
            } else {
                ui.label(format!(
                    "Tidak ada periode Renstra yang mencakup tahun {year}. Periode yang ada: {}.",
                    view.periods
                        .iter()
                        .map(|p| format!("{}–{}", p.tahun_awal, p.tahun_akhir))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            return;
        };
        heading(
            ui,
            &format!("Renstra {}–{}", period.tahun_awal, period.tahun_akhir),
            &period.nama,
        );
        let years: Vec<i32> = (period.tahun_awal..=period.tahun_akhir).collect();
        egui::ScrollArea::both().show(ui, |ui| {
            for t in tree {
                egui::CollapsingHeader::new(
                    RichText::new(format!("Tujuan {} — {}", t.kode, t.uraian)).strong(),
                )
                .id_salt(("tujuan", t.id))
                .default_open(true)
                .show(ui, |ui| {
                    for s in &t.sasaran {
                        ui.label(
                            RichText::new(format!("Sasaran {} — {}", s.kode, s.uraian)).strong(),
                        );
                        egui::Grid::new(("indikator", s.id))
                            .striped(true)
                            .spacing([12.0, 4.0])
                            .show(ui, |ui| {
                                for h in ["Kode", "Indikator", "Satuan", "Baseline"] {
                                    ui.label(RichText::new(h).strong());
                                }
                                for y in &years {
                                    let text = RichText::new(y.to_string()).strong();
                                    ui.label(if *y == year { text.underline() } else { text });
                                }
                                ui.label(RichText::new("Arah").strong());
                                ui.label(RichText::new("Penanggung jawab").strong());
                                ui.end_row();
                                for i in &s.indikator {
                                    ui.label(&i.kode);
                                    ui.add_sized([320.0, 18.0], egui::Label::new(&i.nama).wrap());
                                    ui.label(&i.satuan);
                                    ui.label(match i.baseline_tahun {
                                        Some(by) => format!("{} ({by})", i.baseline_nilai),
                                        None => i.baseline_nilai.clone(),
                                    });
                                    for y in &years {
                                        ui.label(
                                            i.targets
                                                .get(y)
                                                .map(|t| t.tampil())
                                                .unwrap_or_else(|| "—".into()),
                                        );
                                    }
                                    ui.label(if i.naik_baik {
                                        "Naik baik"
                                    } else {
                                        "Turun baik"
                                    });
                                    ui.label(view.unit_name(i.unit_id));
                                    ui.end_row();
                                }
                            });
                        ui.add_space(8.0);
                    }
                });
            }
        });
    }

    pub fn renja(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32) {
        heading(
            ui,
            &format!("Renja {year}"),
            "Program, kegiatan dan sub kegiatan dengan indikator, pagu dan DPA.",
        );
        match view.renja_years.iter().find(|r| r.tahun == year) {
            Some(r) => {
                ui.label(format!(
                    "DPA: {} · disahkan {}",
                    if r.nomor_dpa.is_empty() {
                        "nomor belum dicatat"
                    } else {
                        r.nomor_dpa.as_str()
                    },
                    r.tanggal_dpa
                        .map(fmt::tanggal)
                        .unwrap_or_else(|| "belum dicatat".into())
                ));
            }
            None => {
                ui.label(format!("Renja tahun {year} belum ada."));
                return;
            }
        }
        let items = &view.renja;
        let depth = |r: &RenjaItemRow| match r.level.as_str() {
            "program" => 0,
            "kegiatan" => 1,
            _ => 2,
        };
        // Totals per level, and whether a parent's pagu equals its children's.
        let total = |level: &str, f: &dyn Fn(&RenjaItemRow) -> i64| -> i64 {
            items.iter().filter(|r| r.level == level).map(f).sum()
        };
        let mismatch = |r: &RenjaItemRow| -> Option<i64> {
            let kids: Vec<&RenjaItemRow> =
                items.iter().filter(|c| c.parent_id == Some(r.id)).collect();
            let sum: i64 = kids.iter().map(|c| c.pagu).sum();
            (!kids.is_empty() && sum != r.pagu).then_some(sum)
        };
        ui.add_space(4.0);
        egui::ScrollArea::horizontal()
            .id_salt("renja_tabel")
            .show(ui, |ui| {
                TableBuilder::new(ui)
                    .striped(true)
                    .column(fixed(160.0))
                    .column(fixed(250.0))
                    .column(fixed(130.0))
                    .column(fixed(230.0))
                    .column(fixed(125.0))
                    .column(fixed(140.0))
                    .header(24.0, |mut h| {
                        for t in [
                            "Kode",
                            "Nama",
                            "Unit",
                            "Indikator · Target",
                            "Pagu Renja",
                            "Pagu DPA · selisih",
                        ] {
                            h.col(|ui| {
                                ui.strong(t);
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(40.0, items.len(), |mut row| {
                            let r = &items[row.index()];
                            let indent = "  ".repeat(depth(r));
                            let strong = r.level != "sub_kegiatan";
                            let text = |s: String| {
                                if strong {
                                    RichText::new(s).strong()
                                } else {
                                    RichText::new(s)
                                }
                            };
                            row.col(|ui| {
                                ui.label(text(format!("{indent}{}", r.kode)));
                            });
                            row.col(|ui| {
                                ui.vertical(|ui| {
                                    ui.add(egui::Label::new(text(r.nama.clone())).truncate());
                                    ui.label(RichText::new(level_label(&r.level)).weak().small());
                                });
                            });
                            row.col(|ui| {
                                ui.add(egui::Label::new(view.unit_name(r.unit_id)).truncate());
                            });
                            row.col(|ui| {
                                let ind: Vec<String> = r
                                    .indikator
                                    .iter()
                                    .map(|(n, s, t)| format!("{n}: {} {s}", t.tampil()))
                                    .collect();
                                ui.add(egui::Label::new(ind.join("; ")).truncate());
                            });
                            row.col(|ui| {
                                ui.vertical(|ui| {
                                    ui.label(text(fmt::rupiah(r.pagu)));
                                    if let Some(sum) = mismatch(r) {
                                        ui.label(
                                            RichText::new(format!("rincian: {}", fmt::rupiah(sum)))
                                                .small()
                                                .color(Color32::from_rgb(200, 120, 0)),
                                        );
                                    }
                                });
                            });
                            row.col(|ui| {
                                ui.vertical(|ui| {
                                    ui.label(
                                        r.pagu_dpa.map(fmt::rupiah).unwrap_or_else(|| "—".into()),
                                    );
                                    if let Some(d) =
                                        r.pagu_dpa.map(|d| d - r.pagu).filter(|d| *d != 0)
                                    {
                                        ui.label(
                                            RichText::new(format!("selisih {}", fmt::rupiah(d)))
                                                .small()
                                                .color(Color32::from_rgb(200, 120, 0)),
                                        );
                                    }
                                });
                            });
                        });
                    });
            });
        ui.add_space(8.0);
        egui::Grid::new("jumlah_renja")
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Jumlah").strong());
                ui.label(RichText::new("Pagu Renja").strong());
                ui.label(RichText::new("Pagu DPA").strong());
                ui.end_row();
                for (level, label) in [
                    ("program", "Program"),
                    ("kegiatan", "Kegiatan"),
                    ("sub_kegiatan", "Sub Kegiatan"),
                ] {
                    ui.label(label);
                    ui.label(fmt::rupiah(total(level, &|r| r.pagu)));
                    ui.label(fmt::rupiah(total(level, &|r| r.pagu_dpa.unwrap_or(0))));
                    ui.end_row();
                }
            });
    }
}
