//! The parties of the agreement: picked from the officials or proposed from the SOTK.

use super::Editor;
use crate::app::ViewData;
use crate::model::agreement::{Field, Party, VersionDoc, party_of, propose};
use crate::ui::panels::widgets::{inline_error, official_picker};
use egui::RichText;

fn party_line(p: &Party) -> String {
    let mut parts = vec![p.jabatan_cetak()];
    if !p.pangkat.is_empty() {
        parts.push(p.pangkat.clone());
    }
    if !p.nip.is_empty() {
        parts.push(format!("NIP {}", crate::model::org::nip_cetak(&p.nip)));
    }
    parts.join(" · ")
}

pub(super) fn parties(
    ui: &mut egui::Ui,
    ed: &mut Editor,
    doc: &VersionDoc,
    view: &ViewData,
    editable: bool,
) -> bool {
    if !editable {
        frozen(ui, &ed.content);
        return false;
    }
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.strong("Para pihak");
        if ui
            .button("Usulkan dari SOTK")
            .on_hover_text("Pihak Pertama: kepala unit ini; Pihak Kedua: kepala unit di atasnya")
            .clicked()
        {
            propose_parties(ed, doc, view);
            changed = true;
        }
    });
    // Who the proposal passed over, and why.
    for s in &ed.skipped {
        ui.label(RichText::new(format!("Tidak diusulkan: {s}.")).weak());
    }
    egui::Grid::new("pk_pihak")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (label, field, salt) in [
                ("Pihak Pertama", Field::PihakPertama, "pk_p1"),
                ("Pihak Kedua", Field::PihakKedua, "pk_p2"),
            ] {
                let err = ed.problem(field).map(str::to_string);
                let p = if field == Field::PihakPertama {
                    &mut ed.content.pihak_pertama
                } else {
                    &mut ed.content.pihak_kedua
                };
                let l = ui.label(label);
                ui.vertical(|ui| {
                    changed |= party(ui, p, field, salt, l.id, view);
                    if !p.nama.is_empty() {
                        ui.label(RichText::new(party_line(p)).weak());
                    }
                    if let Some(e) = &err {
                        inline_error(ui, e);
                    }
                });
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    changed
}

/// The parties of a version that is not edited, exactly as the version
/// holds them (signed: as they were signed), never the officials' data of
/// today.
fn frozen(ui: &mut egui::Ui, c: &crate::model::agreement::Content) {
    ui.strong("Para pihak");
    egui::Grid::new("pk_pihak_beku")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (label, p) in [
                ("Pihak Pertama", &c.pihak_pertama),
                ("Pihak Kedua", &c.pihak_kedua),
            ] {
                ui.label(label);
                ui.vertical(|ui| {
                    if p.nama.is_empty() {
                        ui.label("—");
                    } else {
                        ui.label(format!("{}{}", p.status.awalan(), p.nama));
                        ui.label(RichText::new(party_line(p)).weak());
                    }
                });
                ui.end_row();
            }
        });
    ui.add_space(8.0);
}

/// "Usulkan dari SOTK": the head of this unit and the head of the unit above.
fn propose_parties(ed: &mut Editor, doc: &VersionDoc, view: &ViewData) {
    let on = crate::model::agreement::proposal_date(ed.content.tanggal, doc.tahun);
    let units: Vec<_> = view.units.iter().map(|n| n.unit.clone()).collect();
    let p = propose(&units, &view.officials, &view.office, doc.unit_id, on);
    ed.skipped = p.skipped.clone();
    let official = |id: Option<_>| id.and_then(|id| view.officials.iter().find(|o| o.id == id));
    if let Some(o) = official(p.pihak_pertama) {
        ed.content.pihak_pertama = party_of(o);
    }
    if let Some(o) = official(p.pihak_kedua) {
        ed.content.pihak_kedua = party_of(o);
    } else if let Some((jabatan, nama)) = p.pihak_kedua_manual {
        ed.content.pihak_kedua = Party {
            jabatan,
            nama,
            ..Party::default()
        };
    }
}

/// One party, picked from the officials; Pihak Kedua may instead be the
/// regional head, typed.
fn party(
    ui: &mut egui::Ui,
    p: &mut Party,
    field: Field,
    salt: &str,
    label: egui::Id,
    view: &ViewData,
) -> bool {
    let mut changed = false;
    let mut manual = p.official_id.is_none() && !p.nama.is_empty();
    if field == Field::PihakKedua {
        ui.horizontal(|ui| {
            if ui.radio(!manual, "Pejabat dari daftar").clicked() && manual {
                *p = Party::default();
                manual = false;
                changed = true;
            }
            if ui.radio(manual, "Kepala daerah (diketik)").clicked() && !manual {
                *p = Party {
                    jabatan: view.office.kepala_daerah_jabatan.clone(),
                    nama: view.office.kepala_daerah_nama.clone(),
                    ..Party::default()
                };
                manual = true;
                changed = true;
            }
        });
    }
    if manual {
        changed |= typed_party(ui, p, salt);
    } else {
        let pick = official_picker(ui, salt, label, p.official_id, &view.officials, 520.0);
        if let Some(o) = pick {
            *p = party_of(o);
            changed = true;
        }
    }
    changed
}

/// The typed position and name of a party not in the officials.
fn typed_party(ui: &mut egui::Ui, p: &mut Party, salt: &str) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let l = ui.label("Jabatan");
        changed |= ui
            .add(
                egui::TextEdit::singleline(&mut p.jabatan)
                    .id_salt((salt, "jabatan"))
                    .desired_width(220.0),
            )
            .labelled_by(l.id)
            .changed();
        let l = ui.label("Nama");
        changed |= ui
            .add(
                egui::TextEdit::singleline(&mut p.nama)
                    .id_salt((salt, "nama"))
                    .desired_width(260.0),
            )
            .labelled_by(l.id)
            .changed();
    });
    changed
}
