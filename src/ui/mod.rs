//! The egui window. Panels read view data built once per change (never SQL
//! per frame) and send commands the app applies through the store.
//!
//! This first shell shows the office, the SOP templates as their step
//! tables, and the cycles with their current steps; the panels of the later
//! issues plug into the same shell.

use std::path::{Path, PathBuf};

use chrono::Utc;
use egui::{Color32, RichText};

use crate::model::sop::SopTemplate;
use crate::model::worktime::{Kalender, vonis};
use crate::store::{Office, Store, TemplateRow};

/// Everything the shell shows, read from the store once per change.
#[derive(Clone, Debug, Default)]
pub struct ShellView {
    pub office: Office,
    pub templates: Vec<(TemplateRow, Option<SopTemplate>)>,
    pub cycles: Vec<CycleView>,
    pub error: Option<String>,
}

#[derive(Clone, Debug)]
pub struct CycleView {
    pub nama: String,
    pub template: String,
    pub selesai: bool,
    /// Current steps with their verdict label.
    pub current: Vec<String>,
}

impl ShellView {
    pub fn load(store: &Store) -> ShellView {
        match Self::try_load(store) {
            Ok(v) => v,
            Err(e) => ShellView {
                error: Some(e.to_string()),
                ..ShellView::default()
            },
        }
    }

    fn try_load(store: &Store) -> crate::store::Result<ShellView> {
        let office = store.office()?;
        let templates = store
            .templates()?
            .into_iter()
            .map(|t| {
                let parsed = store.template(&t.kode).ok();
                (t, parsed)
            })
            .collect();
        let kal: Kalender = store.calendar()?;
        let units: std::collections::HashMap<i64, String> =
            store.units()?.into_iter().map(|u| (u.id, u.nama)).collect();
        let now = Utc::now();
        let mut cycles = Vec::new();
        for c in store.cycles()? {
            let cycle = store.load_cycle(c.id)?;
            let current = cycle
                .open_visits()
                .map(|v| {
                    let l = &cycle.template.langkah[v.step];
                    let unit = v
                        .unit
                        .and_then(|u| units.get(&u))
                        .map(|n| format!(" — {n}"))
                        .unwrap_or_default();
                    let verdict = vonis(&kal, v.started_at, v.standard_minutes, None, now);
                    format!(
                        "Langkah {}{}: {} ({})",
                        l.no,
                        unit,
                        l.kegiatan,
                        verdict.label_hari(kal.menit_hari_standar())
                    )
                })
                .collect();
            cycles.push(CycleView {
                nama: c.nama,
                template: cycle.template.kepala.nama.clone(),
                selesai: c.finished_at.is_some(),
                current,
            });
        }
        Ok(ShellView {
            office,
            templates,
            cycles,
            error: None,
        })
    }
}

pub struct PerkinApp {
    store: Store,
    view: ShellView,
    selected: usize,
}

const KEY_SELECTED: &str = "perkin.templat_terpilih";

impl PerkinApp {
    pub fn new(cc: &eframe::CreationContext<'_>, store: Store) -> PerkinApp {
        install_fonts(&cc.egui_ctx);
        let view = ShellView::load(&store);
        let selected = cc
            .storage
            .and_then(|s| s.get_string(KEY_SELECTED))
            .and_then(|k| view.templates.iter().position(|(t, _)| t.kode == k))
            .unwrap_or(0);
        PerkinApp {
            store,
            view,
            selected,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn top_bar(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.heading("perkin");
            ui.separator();
            let o = &self.view.office;
            if o.nama_instansi.is_empty() {
                ui.label(RichText::new("Nama instansi belum diisi").italics());
            } else {
                ui.label(RichText::new(&o.nama_instansi).strong());
                if !o.pemerintah.is_empty() {
                    ui.label(&o.pemerintah);
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(format!("Zona waktu: {}", o.zona)).weak());
            });
        });
    }

    fn template_list(&mut self, ui: &mut egui::Ui) {
        ui.heading("Templat SOP");
        ui.add_space(4.0);
        for (i, (t, parsed)) in self.view.templates.iter().enumerate() {
            // Both seeds are "Penyusunan Perjanjian Kinerja": tell them apart by
            // their number, or by the agency where the sheet has no number.
            let sub = match parsed {
                Some(p) if p.kepala.nomor.is_empty() => p.kepala.instansi.as_str(),
                _ => t.nomor.as_str(),
            };
            let label = format!("{}\n{}", t.nama, sub);
            if ui.selectable_label(self.selected == i, label).clicked() {
                self.selected = i;
            }
            ui.add_space(2.0);
        }
        ui.separator();
        ui.heading("Siklus");
        if self.view.cycles.is_empty() {
            ui.label("Belum ada siklus.");
        }
        for c in &self.view.cycles {
            ui.label(RichText::new(&c.nama).strong());
            ui.label(RichText::new(&c.template).weak());
            if c.selesai {
                ui.label(RichText::new("Selesai").color(Color32::from_rgb(0, 120, 60)));
            }
            for line in &c.current {
                ui.label(line);
            }
            ui.add_space(6.0);
        }
    }

    fn template_sheet(&self, ui: &mut egui::Ui) {
        let Some((row, parsed)) = self.view.templates.get(self.selected) else {
            ui.label("Belum ada templat SOP.");
            return;
        };
        let Some(t) = parsed else {
            ui.colored_label(
                Color32::RED,
                format!("Templat {} tidak dapat dibaca.", row.kode),
            );
            return;
        };
        sop_sheet(ui, t);
    }
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

impl eframe::App for PerkinApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("bilah_atas").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar(ui);
            ui.add_space(4.0);
        });
        if let Some(err) = &self.view.error {
            egui::Panel::bottom("galat").show(ui, |ui| {
                ui.colored_label(Color32::RED, err);
            });
        }
        egui::Panel::left("navigasi")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.template_list(ui));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::both().show(ui, |ui| self.template_sheet(ui));
        });
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some((t, _)) = self.view.templates.get(self.selected) {
            storage.set_string(KEY_SELECTED, t.kode.clone());
        }
    }
}

/// Liberation Sans (bundled, SIL OFL) first: it has every glyph the app
/// shows (arrows, Rupiah text, Indonesian names) and matches the printed PDFs.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "liberation-sans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/LiberationSans-Regular.ttf"
        ))),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family.clone()).or_default().insert(
            if family == egui::FontFamily::Proportional {
                0
            } else {
                1
            },
            "liberation-sans".to_owned(),
        );
    }
    ctx.set_fonts(fonts);
}

/// Shown instead of the app when the database cannot be opened: the reason,
/// in Indonesian, and nothing touched.
pub struct OpenErrorApp {
    pub path: PathBuf,
    pub message: String,
}

impl eframe::App for OpenErrorApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Basis data tidak dapat dibuka");
            ui.add_space(8.0);
            ui.label(format!("Berkas: {}", self.path.display()));
            ui.add_space(8.0);
            ui.add(egui::Label::new(RichText::new(&self.message).color(Color32::RED)).wrap());
            ui.add_space(12.0);
            if ui.button("Tutup").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    }
}

/// Opens the window on `path`. Returns the process exit code.
pub fn run_window(path: &Path) -> i32 {
    let store = Store::open(path);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("perkin — Perjanjian Kinerja")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    let path = path.to_path_buf();
    let result = eframe::run_native(
        "perkin",
        options,
        Box::new(move |cc| -> Result<Box<dyn eframe::App>, _> {
            Ok(match store {
                Ok(store) => Box::new(PerkinApp::new(cc, store)),
                Err(e) => Box::new({
                    install_fonts(&cc.egui_ctx);
                    OpenErrorApp {
                        path,
                        message: e.to_string(),
                    }
                }),
            })
        }),
    );
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("Jendela perkin tidak dapat dibuka: {e}");
            1
        }
    }
}
