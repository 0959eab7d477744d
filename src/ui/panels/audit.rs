//! Pengaturan → Riwayat: the audit log. Every change, filtered by date
//! (office time), entity, operator and text, newest first; a chosen entry
//! shows its before and after images side by side, field by field. On top,
//! the result of the hash-chain check and, if it breaks, where.

use super::{Form, Outbox};
use crate::app::AuditCmd;
use crate::app::view::{AUDIT_PAGE, AuditEntry, AuditView, ChainState, ViewData};
use crate::model::id::AuditId;
use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use super::lists::fixed;
use super::widgets::inline_error;
use crate::fmt;
use crate::model::worktime::Kalender;
use crate::store::audit::{
    AuditFilter, ChainReport, FieldChange, action_label, compare, entity_label,
};
use crate::ui::panels::widgets::AMBAR;

const GREEN: Color32 = Color32::from_rgb(21, 128, 61);
const RED: Color32 = Color32::from_rgb(185, 28, 28);

/// The filter as typed, the entry chosen and its comparison.
#[derive(Default)]
pub struct AuditPanel {
    dari: String,
    sampai: String,
    entity: Option<String>,
    operator: Option<String>,
    cari: String,
    /// The first query and the first chain check were asked for.
    asked: bool,
    /// The entry whose images are shown.
    selected: Option<i64>,
    /// Show only the fields that changed.
    only_changed: bool,
    /// The comparison of the selected entry, computed once per entry.
    detail: Option<(crate::store::audit::AuditRow, Vec<FieldChange>)>,
    /// Scroll the table to this entry in the next frame.
    scroll_to: Option<i64>,
}

/// The messages of a filter that cannot be applied, by field.
struct FilterErrors {
    dari: Option<String>,
    sampai: Option<String>,
    range: Option<String>,
}

impl AuditPanel {
    /// The typed filter, or what is wrong with it.
    fn filter(&self) -> Result<AuditFilter, FilterErrors> {
        let date = |s: &str| {
            let t = s.trim();
            if t.is_empty() {
                Ok(None)
            } else {
                fmt::baca_tanggal(t).map(Some)
            }
        };
        let (dari, sampai) = (date(&self.dari), date(&self.sampai));
        let range = match (&dari, &sampai) {
            (Ok(Some(a)), Ok(Some(b))) if a > b => Some(format!(
                "Dari tanggal ({}) jatuh sesudah sampai tanggal ({}); tukar keduanya",
                fmt::tanggal(*a),
                fmt::tanggal(*b)
            )),
            _ => None,
        };
        match (dari, sampai, range) {
            (Ok(dari), Ok(sampai), None) => Ok(AuditFilter {
                dari,
                sampai,
                entity: self.entity.clone(),
                operator: self.operator.clone(),
                cari: self.cari.trim().to_string(),
            }),
            (d, s, range) => Err(FilterErrors {
                dari: d.err().map(|e| format!("Dari tanggal: {e}")),
                sampai: s.err().map(|e| format!("Sampai tanggal: {e}")),
                range,
            }),
        }
    }

    fn select(&mut self, id: Option<i64>) {
        self.selected = id;
        self.detail = None;
    }

    pub fn show(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        if !self.asked {
            self.asked = true;
            if view.audit.is_none() {
                out.send(
                    Form::Audit,
                    AuditCmd::Query {
                        filter: AuditFilter::default(),
                    },
                );
            }
            if view
                .audit
                .as_ref()
                .is_none_or(|r| r.chain == ChainState::Belum)
            {
                out.send(Form::Audit, AuditCmd::CheckChain);
            }
        }
        let Some(r) = view.audit.as_ref() else {
            ui.label("Membaca log audit…");
            return;
        };
        // An entry left out by the filter now applied is no longer chosen.
        if let Some(id) = self.selected
            && find(r, id).is_none()
        {
            self.select(None);
        }
        ui.label(
            RichText::new(
                "Setiap perubahan data tercatat di log audit yang hanya dapat ditambah. \
                 Setiap entri terkunci oleh hash entri sebelumnya, sehingga pengubahan diam-diam terlihat.",
            )
            .weak(),
        );
        self.chain(ui, r, out);
        ui.separator();
        self.filter_row(ui, r, out);
        self.count_row(ui, r, out);
        let avail = ui.available_height();
        let table_h = if self.selected.is_some() {
            (avail * 0.42).max(140.0)
        } else {
            avail - 30.0
        };
        self.table(ui, r, table_h);
        if let Some(e) = self.selected.and_then(|id| find(r, id)) {
            ui.separator();
            self.detail(ui, e, r, view, out);
        }
    }

    /// The hash-chain result, with Periksa ulang and the way to the break.
    fn chain(&mut self, ui: &mut egui::Ui, r: &AuditView, out: &mut Outbox) {
        let running = matches!(r.chain, ChainState::Berjalan(_));
        ui.horizontal_wrapped(|ui| {
            match &r.chain {
                ChainState::Belum => {
                    ui.label("Rantai hash belum diperiksa.");
                }
                ChainState::Berjalan(f) => {
                    ui.spinner();
                    ui.label(format!(
                        "Memeriksa rantai hash… {}%",
                        (f * 100.0).round() as u32
                    ));
                }
                ChainState::Gagal(e) => {
                    ui.colored_label(RED, format!("Rantai hash tidak dapat diperiksa: {e}"));
                }
                ChainState::Selesai { report, pukul } => {
                    chain_result(ui, report, pukul, r.last_id);
                }
            }
            if ui
                .add_enabled(!running, egui::Button::new("Periksa ulang"))
                .on_hover_text("Menghitung ulang hash setiap entri log audit dari awal")
                .clicked()
            {
                out.send(Form::Audit, AuditCmd::CheckChain);
            }
            if let ChainState::Selesai { report, .. } = &r.chain
                && let Some(id) = report.first_broken()
                && ui.button(format!("Tampilkan entri {id}")).clicked()
            {
                self.select(Some(id));
                self.scroll_to = Some(id);
                out.send(
                    Form::Audit,
                    AuditCmd::Show {
                        id: Some(AuditId(id)),
                    },
                );
            }
        });
        if let ChainState::Selesai { report, .. } = &r.chain {
            const MAX: usize = 5;
            for f in report.faults.iter().take(MAX) {
                ui.add(egui::Label::new(RichText::new(&f.pesan).color(RED)).wrap());
            }
            if report.faults.len() > MAX {
                ui.colored_label(
                    RED,
                    format!(
                        "… dan {} kesalahan lain",
                        fmt::ribuan((report.faults.len() - MAX) as i64)
                    ),
                );
            }
        }
    }

    fn filter_row(&mut self, ui: &mut egui::Ui, r: &AuditView, out: &mut Outbox) {
        let mut apply = false;
        let enter = |resp: &egui::Response, ui: &egui::Ui| {
            resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
        };
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 6.0;
            for (label, value, salt) in [
                ("Dari tanggal", &mut self.dari, "riwayat_dari"),
                ("Sampai tanggal", &mut self.sampai, "riwayat_sampai"),
            ] {
                let l = ui.label(label);
                let resp = ui
                    .add(
                        egui::TextEdit::singleline(value)
                            .id_salt(salt)
                            .hint_text("hh-bb-tttt")
                            .desired_width(86.0),
                    )
                    .labelled_by(l.id);
                apply |= enter(&resp, ui);
                ui.add_space(4.0);
            }
            let l = ui.label("Entitas");
            let before = self.entity.clone();
            let mut entities: Vec<String> = r.entities.clone();
            if let Some(e) = &self.entity
                && !entities.contains(e)
            {
                entities.push(e.clone());
            }
            entities.sort_by_key(|e| entity_label(e).to_lowercase());
            egui::ComboBox::from_id_salt("riwayat_entitas")
                .width(150.0)
                .selected_text(self.entity.as_deref().map_or("Semua", entity_label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.entity, None, "Semua");
                    for e in entities {
                        let label = entity_label(&e).to_string();
                        ui.selectable_value(&mut self.entity, Some(e.clone()), label)
                            .on_hover_text(format!("Kode: {e}"));
                    }
                })
                .response
                .labelled_by(l.id);
            apply |= self.entity != before;
            ui.add_space(4.0);
            let l = ui.label("Operator");
            let before = self.operator.clone();
            egui::ComboBox::from_id_salt("riwayat_operator")
                .width(120.0)
                .selected_text(self.operator.as_deref().unwrap_or("Semua"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.operator, None, "Semua");
                    for o in &r.operators {
                        ui.selectable_value(&mut self.operator, Some(o.clone()), o);
                    }
                })
                .response
                .labelled_by(l.id);
            apply |= self.operator != before;
            ui.add_space(4.0);
            let l = ui.label("Cari");
            let resp = ui
                .add(
                    egui::TextEdit::singleline(&mut self.cari)
                        .id_salt("riwayat_cari")
                        .hint_text("ID, aksi atau isi")
                        .desired_width(140.0),
                )
                .labelled_by(l.id);
            apply |= enter(&resp, ui);
            apply |= ui.button("Terapkan").clicked();
            if ui.button("Hapus filter").clicked() {
                self.dari.clear();
                self.sampai.clear();
                self.entity = None;
                self.operator = None;
                self.cari.clear();
                apply = true;
            }
        });
        match self.filter() {
            Ok(f) => {
                if apply && f != r.filter {
                    out.send(Form::Audit, AuditCmd::Query { filter: f });
                } else if f != r.filter {
                    ui.label(
                        RichText::new("Filter belum diterapkan: tekan Terapkan atau Enter.")
                            .color(AMBAR),
                    );
                }
            }
            Err(e) => {
                for m in [e.dari, e.sampai, e.range].into_iter().flatten() {
                    inline_error(ui, &m);
                }
            }
        }
    }

    fn count_row(&mut self, ui: &mut egui::Ui, r: &AuditView, out: &mut Outbox) {
        ui.horizontal(|ui| {
            let filtered = r.filter != AuditFilter::default();
            let text = if r.total == 0 {
                if filtered {
                    "Tidak ada entri yang cocok dengan filter.".to_string()
                } else {
                    "Log audit masih kosong.".to_string()
                }
            } else {
                format!(
                    "Menampilkan {} dari {} entri{}, terbaru di atas",
                    fmt::ribuan(r.entries.len() as i64),
                    fmt::ribuan(r.total as i64),
                    if filtered { " yang cocok" } else { "" }
                )
            };
            ui.label(text);
            if r.more {
                let next = (r.total as usize - r.entries.len()).min(AUDIT_PAGE);
                if ui
                    .button(format!("Muat {} berikutnya", fmt::ribuan(next as i64)))
                    .clicked()
                {
                    out.send(Form::Audit, AuditCmd::More);
                }
            }
        });
    }

    fn table(&mut self, ui: &mut egui::Ui, r: &AuditView, height: f32) {
        if r.entries.is_empty() {
            return;
        }
        let scroll_to = self
            .scroll_to
            .take()
            .and_then(|id| r.entries.iter().position(|e| e.row.id == id));
        let mut clicked = None;
        let mut t = TableBuilder::new(ui)
            .id_salt("riwayat_log")
            .striped(true)
            .sense(egui::Sense::click())
            .max_scroll_height(height)
            .min_scrolled_height(height.min(140.0))
            .column(fixed(56.0))
            .column(fixed(158.0))
            .column(fixed(130.0))
            .column(fixed(120.0))
            .column(fixed(170.0))
            .column(fixed(80.0))
            .column(Column::remainder().at_least(200.0).clip(true));
        if let Some(i) = scroll_to {
            t = t.scroll_to_row(i, Some(egui::Align::Center));
        }
        t.header(22.0, |mut h| {
            for k in [
                "No.",
                "Waktu",
                "Operator",
                "Aksi",
                "Entitas",
                "ID",
                "Ringkasan",
            ] {
                h.col(|ui| {
                    ui.strong(k);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, r.entries.len(), |mut row| {
                let e = &r.entries[row.index()];
                row.set_selected(self.selected == Some(e.row.id));
                let label = |ui: &mut egui::Ui, text: &str| {
                    ui.add(egui::Label::new(text).truncate().selectable(false));
                };
                row.col(|ui| label(ui, &e.row.id.to_string()));
                row.col(|ui| label(ui, &e.waktu));
                row.col(|ui| label(ui, &e.row.operator));
                row.col(|ui| label(ui, action_label(&e.row.action)));
                row.col(|ui| label(ui, entity_label(&e.row.entity)));
                row.col(|ui| label(ui, &e.row.entity_id));
                row.col(|ui| {
                    let text = if e.ringkasan.is_empty() {
                        "—"
                    } else {
                        &e.ringkasan
                    };
                    if ui
                        .add(egui::Button::new(text).frame(false).truncate())
                        .on_hover_text("Tampilkan sebelum dan sesudah")
                        .clicked()
                    {
                        clicked = Some(e.row.id);
                    }
                });
                if row.response().clicked() {
                    clicked = Some(e.row.id);
                }
            });
        });
        if let Some(id) = clicked {
            self.select(Some(id));
        }
    }

    /// The chosen entry: who, what, when; then before and after.
    fn detail(
        &mut self,
        ui: &mut egui::Ui,
        e: &AuditEntry,
        r: &AuditView,
        view: &ViewData,
        out: &mut Outbox,
    ) {
        let row = &e.row;
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!(
                "Entri {}: {} {}{}",
                row.id,
                action_label(&row.action),
                entity_label(&row.entity),
                if row.entity_id.is_empty() {
                    String::new()
                } else {
                    format!(" {}", row.entity_id)
                }
            ));
            let mut who = format!("oleh {}, {}", row.operator, e.waktu_lengkap);
            if let Some(o) = row.official_id {
                match view.officials.iter().find(|x| x.id.0 == o) {
                    Some(x) => who.push_str(&format!("; atas nama {}", x.nama_lengkap())),
                    None => who.push_str(&format!("; atas nama pejabat {o}")),
                }
            }
            ui.label(who);
            if row.before_json.is_some() && row.after_json.is_some() {
                ui.checkbox(&mut self.only_changed, "Hanya kolom yang berubah");
            }
            if ui.button("Tutup").clicked() {
                self.select(None);
                if r.shown.is_some() {
                    out.send(Form::Audit, AuditCmd::Show { id: None });
                }
            }
        });
        if let ChainState::Selesai { report, .. } = &r.chain {
            for f in report.faults.iter().filter(|f| f.row_id == row.id) {
                ui.add(egui::Label::new(RichText::new(&f.pesan).color(RED)).wrap());
            }
        }
        ui.label(
            RichText::new(format!(
                "Hash {} · hash sebelumnya {}",
                short_hash(&row.hash),
                short_hash(&row.prev_hash)
            ))
            .weak()
            .small(),
        );
        raw_json(ui, row);
        if self.detail.as_ref().is_none_or(|(r, _)| r != row) {
            let changes = compare(row.before_json.as_deref(), row.after_json.as_deref());
            self.detail = Some((row.clone(), changes));
        }
        let Some((_, changes)) = &self.detail else {
            return;
        };
        if changes.is_empty() {
            ui.label("Entri ini tidak menyimpan isi sebelum atau sesudah.");
            return;
        }
        let kal = view.kal.as_ref();
        let n_changed = changes.iter().filter(|c| c.changed).count();
        ui.label(
            RichText::new(match (&row.before_json, &row.after_json) {
                (Some(_), Some(_)) => format!(
                    "{} kolom, {} berubah",
                    fmt::ribuan(changes.len() as i64),
                    fmt::ribuan(n_changed as i64)
                ),
                (None, _) => "Data baru: isi sesudah perubahan".to_string(),
                (_, None) => "Data dihapus: isi sebelum dihapus".to_string(),
            })
            .weak(),
        );
        // A new or a removed thing has one image: no empty column beside it,
        // and every field is new (or gone), so none is marked.
        let sides: Vec<(&str, bool)> = [
            ("Sebelum", row.before_json.is_some(), false),
            ("Sesudah", row.after_json.is_some(), true),
        ]
        .into_iter()
        .filter(|(_, present, _)| *present)
        .map(|(name, _, after)| (name, after))
        .collect();
        let both = sides.len() == 2;
        egui::ScrollArea::vertical()
            .id_salt("riwayat_rinci")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let field_w = 170.0;
                let value_w = ((ui.available_width() - field_w - 20.0 * sides.len() as f32)
                    / sides.len() as f32)
                    .max(160.0);
                egui::Grid::new(("riwayat_banding", row.id))
                    .num_columns(1 + sides.len())
                    .striped(true)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        ui.strong("Kolom");
                        for (name, _) in &sides {
                            ui.strong(*name);
                        }
                        ui.end_row();
                        for c in changes
                            .iter()
                            .filter(|c| c.changed || !self.only_changed || !both)
                        {
                            ui.vertical(|ui| {
                                ui.set_width(field_w);
                                let name = if c.field.is_empty() {
                                    "(seluruh isi)".to_string()
                                } else {
                                    crate::store::audit::field_label(&c.field)
                                };
                                ui.add(egui::Label::new(RichText::new(name).strong()).wrap());
                                if both && c.changed {
                                    ui.label(RichText::new("berubah").small().color(AMBAR));
                                }
                            });
                            for (_, after) in &sides {
                                let v = if *after { &c.after } else { &c.before };
                                let v = v.as_deref().ok_or("(tidak dicatat)");
                                value_cell(ui, v, value_w, both && *after && c.changed, kal);
                            }
                            ui.end_row();
                        }
                    });
            });
    }
}

/// "Data mentah (JSON)": the entry as stored, for the curious.
fn raw_json(ui: &mut egui::Ui, row: &crate::store::audit::AuditRow) {
    egui::CollapsingHeader::new("Data mentah (JSON)")
        .id_salt(("mentah", row.id))
        .show(ui, |ui| {
            for (name, v) in [
                ("Sebelum", &row.before_json),
                ("Sesudah", &row.after_json),
                ("Baris tersentuh", &row.rows_json),
            ] {
                if let Some(v) = v {
                    ui.label(RichText::new(name).strong());
                    // A baseline lists every row: only its start is drawn.
                    let n = v.chars().count();
                    let shown: String = if n > 4000 {
                        let head: String = v.chars().take(4000).collect();
                        format!("{head}… ({} karakter lagi)", fmt::ribuan((n - 4000) as i64))
                    } else {
                        v.clone()
                    };
                    ui.add(egui::Label::new(RichText::new(shown).monospace().small()).wrap());
                }
            }
        });
}

/// An entry of the list, or the one read by id.
fn find(r: &AuditView, id: i64) -> Option<&AuditEntry> {
    r.entries
        .iter()
        .find(|e| e.row.id == id)
        .or(r.shown.as_ref().filter(|e| e.row.id == id))
}

/// "Rantai hash utuh: 1.234 entri diperiksa" or where it breaks.
fn chain_result(ui: &mut egui::Ui, report: &ChainReport, pukul: &str, last_id: i64) {
    match report.first_broken() {
        None => {
            ui.colored_label(
                GREEN,
                RichText::new(format!(
                    "Rantai hash utuh: {} entri diperiksa",
                    fmt::ribuan(report.checked as i64)
                ))
                .strong(),
            );
        }
        Some(id) => {
            ui.colored_label(
                RED,
                RichText::new(format!(
                    "Rantai hash putus pada entri {id}: log audit telah diubah di luar perkin \
                     ({} entri diperiksa, {} kesalahan)",
                    fmt::ribuan(report.checked as i64),
                    fmt::ribuan(report.faults.len() as i64)
                ))
                .strong(),
            );
        }
    }
    let mut when = format!("diperiksa {pukul}");
    let newer = last_id - report.last_id;
    if newer > 0 {
        when.push_str(&format!(
            "; {} entri sesudahnya belum diperiksa",
            fmt::ribuan(newer)
        ));
    }
    ui.label(RichText::new(when).weak());
}

fn short_hash(h: &str) -> String {
    h.chars().take(16).collect::<String>() + "…"
}

/// A stored timestamp ("2026-11-20T00:34:00Z") in the office's time.
fn local_time(s: &str, kal: Option<&Kalender>) -> Option<String> {
    let kal = kal?;
    if s.len() != 20 || !s.ends_with('Z') {
        return None;
    }
    let t = chrono::DateTime::parse_from_rfc3339(s).ok()?;
    Some(format!(
        "{} {}",
        fmt::tanggal_jam(kal.ke_lokal(t.to_utc())),
        kal.zona.kode()
    ))
}

/// One value of the comparison, wrapping within `width`; nested values
/// (pretty-printed JSON) in a fixed-width font.
/// `Err` says why there is no value.
fn value_cell(
    ui: &mut egui::Ui,
    v: Result<&str, &str>,
    width: f32,
    changed: bool,
    kal: Option<&Kalender>,
) {
    ui.vertical(|ui| {
        ui.set_width(width);
        let v = match v {
            Ok(v) => v,
            Err(why) => {
                ui.label(RichText::new(why).weak().italics());
                return;
            }
        };
        let shown = local_time(v, kal).unwrap_or_else(|| v.to_string());
        let nested = shown.contains('\n') && (shown.starts_with('{') || shown.starts_with('['));
        let mut text = if nested {
            RichText::new(shown).monospace()
        } else {
            RichText::new(shown)
        };
        if changed {
            text = text.strong();
        }
        ui.add(egui::Label::new(text).wrap());
    });
}
