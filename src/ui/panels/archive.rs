//! Arsip: the register of signed agreements — nomor agenda, paper place,
//! handover and the scanned signed copy — with the signed versions still to
//! register, "Periksa berkas", and the register as PDF and .xlsx.

use super::{Form, Outbox};
use crate::app::{ArchiveCmd, ListFormat, Reply, ViewData};
use egui::{Color32, RichText};
use egui_extras::TableBuilder;
use serde::{Deserialize, Serialize};

use super::draft::{Base, Choice};
use super::lists::fixed;
use super::widgets::{checked_field, heading, inline_error, text_field};
use crate::fmt;
use crate::model::archive::{ArchiveRow, NewArchive, ScanState};
use crate::model::id::{ArchiveId, UnitId, VersionId};
use crate::ui::files::{FileDialog, choose, system_dialog_available};
use crate::ui::panels::widgets::AMBAR;

/// The register entry being typed (kept across restarts).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArsipForm {
    /// The entry edited (None: a new registration).
    pub id: Option<ArchiveId>,
    pub version_id: VersionId,
    /// "Bagian Umum — versi 1 (2027)".
    pub judul: String,
    pub nomor: String,
    pub tanggal: String,
    pub rangkap: String,
    pub lemari: String,
    pub rak: String,
    pub boks: String,
    pub map: String,
    pub serah_kepada: String,
    pub tanggal_serah: String,
    pub keterangan: String,
    /// The scan to attach: a path picked with the dialog (or typed).
    pub scan: String,
    #[serde(skip)]
    pub error: Option<String>,
}

/// The fields of the register form that are read, each with its message
/// when it does not read (all of them at once, each under its field).
#[derive(Default)]
struct Checked {
    tanggal: Option<String>,
    rangkap: Option<String>,
    tanggal_serah: Option<String>,
}

impl Checked {
    /// The names of the fields in error: "Tanggal, Jumlah rangkap".
    fn names(&self) -> Vec<&'static str> {
        [
            (self.tanggal.is_some(), "Tanggal"),
            (self.rangkap.is_some(), "Jumlah rangkap"),
            (self.tanggal_serah.is_some(), "Tanggal serah"),
        ]
        .into_iter()
        .filter_map(|(bad, n)| bad.then_some(n))
        .collect()
    }
}

impl ArsipForm {
    fn check(&self) -> Checked {
        let tanggal = fmt::baca_tanggal(&self.tanggal);
        let serah = match self.tanggal_serah.trim() {
            "" => Ok(None),
            t => fmt::baca_tanggal(t).map(Some),
        };
        Checked {
            tanggal: tanggal.as_ref().err().cloned(),
            rangkap: fmt::baca_rangkap(&self.rangkap).err(),
            tanggal_serah: match (&tanggal, serah) {
                (_, Err(e)) => Some(e),
                (Ok(t), Ok(Some(s))) if s < *t => Some(format!(
                    "Tanggal serah {} sebelum tanggal pendaftaran {}",
                    fmt::tanggal(s),
                    fmt::tanggal(*t)
                )),
                _ => None,
            },
        }
    }

    /// Reads the form; refused, naming every field that does not read.
    fn entry(&self) -> Result<(NewArchive, Option<std::path::PathBuf>), String> {
        let names = self.check().names();
        if !names.is_empty() {
            return Err(format!(
                "Belum disimpan — perbaiki yang ditandai merah: {}.",
                names.join(", ")
            ));
        }
        let tanggal = fmt::baca_tanggal(&self.tanggal)?;
        let tanggal_serah = match self.tanggal_serah.trim() {
            "" => None,
            t => Some(fmt::baca_tanggal(t)?),
        };
        let rangkap = fmt::baca_rangkap(&self.rangkap)?;
        let scan = match fmt::path_isian(&self.scan) {
            "" => None,
            p => Some(std::path::PathBuf::from(p)),
        };
        Ok((
            NewArchive {
                version_id: self.version_id,
                nomor_agenda: self.nomor.trim().to_string(),
                tanggal,
                rangkap,
                lemari: self.lemari.clone(),
                rak: self.rak.clone(),
                boks: self.boks.clone(),
                map: self.map.clone(),
                diserahkan_kepada: self.serah_kepada.clone(),
                tanggal_serah,
                keterangan: self.keterangan.clone(),
            },
            scan,
        ))
    }

    fn of(r: &ArchiveRow) -> ArsipForm {
        let e = &r.entry;
        ArsipForm {
            id: Some(r.id),
            version_id: e.version_id,
            judul: format!("{} — versi {} ({})", r.unit, r.versi, r.tahun),
            nomor: e.nomor_agenda.clone(),
            tanggal: fmt::tanggal_isian(e.tanggal),
            rangkap: e.rangkap.to_string(),
            lemari: e.lemari.clone(),
            rak: e.rak.clone(),
            boks: e.boks.clone(),
            map: e.map.clone(),
            serah_kepada: e.diserahkan_kepada.clone(),
            tanggal_serah: e.tanggal_serah.map(fmt::tanggal_isian).unwrap_or_default(),
            keterangan: e.keterangan.clone(),
            scan: String::new(),
            error: None,
        }
    }
}

/// The form of the stored register entry `id`, if it exists.
fn stored_entry(view: &ViewData, id: ArchiveId) -> Option<ArsipForm> {
    view.archive.iter().find(|r| r.id == id).map(ArsipForm::of)
}

/// The next free agenda number of a year in the register shown.
fn next_agenda(view: &ViewData, tahun: i32) -> String {
    crate::model::archive::next_agenda_of(
        view.archive
            .iter()
            .filter(|r| r.tahun == tahun)
            .map(|r| r.entry.nomor_agenda.as_str()),
    )
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ArchiveDrafts {
    #[serde(default)]
    pub form: Option<ArsipForm>,
    /// The stored entry the form began from.
    #[serde(default)]
    pub base: Base<ArsipForm>,
    #[serde(default)]
    pub cari: String,
}

#[derive(Default)]
pub struct ArchivePanel {
    form: Option<ArsipForm>,
    /// The stored entry the form began from.
    base: Base<ArsipForm>,
    cari: String,
    /// None: every year.
    tahun: Option<i32>,
    /// None: every unit.
    unit: Option<UnitId>,
    /// A verification code typed to check, and what the check said (true:
    /// it matched).
    kode: String,
    kode_hasil: Option<(bool, String)>,
}

/// The columns of the register as printed and exported.
const KOLOM: [&str; 11] = [
    "No. Agenda",
    "Tanggal",
    "Tahun",
    "Unit Kerja",
    "Versi",
    "Nomor PK",
    "Lokasi Fisik",
    "Rangkap",
    "Diserahkan kepada",
    "Pindaian (SHA-256)",
    "Keterangan",
];

/// One entry as the cells of the printed register.
fn cells(r: &ArchiveRow) -> Vec<String> {
    let e = &r.entry;
    let serah = match (&e.diserahkan_kepada, e.tanggal_serah) {
        (k, _) if k.is_empty() => String::new(),
        (k, Some(t)) => format!("{k} ({})", fmt::tanggal(t)),
        (k, None) => k.clone(),
    };
    vec![
        e.nomor_agenda.clone(),
        fmt::tanggal(e.tanggal),
        r.tahun.to_string(),
        r.unit.clone(),
        r.versi.to_string(),
        r.nomor_pk.clone(),
        r.lokasi(),
        e.rangkap.to_string(),
        serah,
        r.scan
            .as_ref()
            .map(|s| format!("{} ({})", s.sha256, s.nama))
            .unwrap_or_else(|| "Belum ada".into()),
        e.keterangan.clone(),
    ]
}

/// The buku register arsip of `rows`, as printed and exported; `filter`
/// names what was chosen (year, unit, search).
pub fn register_daftar(
    view: &ViewData,
    rows: &[&ArchiveRow],
    filter: Vec<String>,
) -> crate::formats::table::Daftar {
    let mut keterangan = vec![view.office.nama_instansi.clone()];
    keterangan.extend(filter);
    if let Some(t) = view.today {
        keterangan.push(format!(
            "Dicetak {} — {} entri",
            fmt::tanggal(t),
            rows.len()
        ));
    }
    crate::formats::table::Daftar {
        judul: "Buku Register Arsip Perjanjian Kinerja".into(),
        instansi: view.office.nama_instansi.clone(),
        keterangan: keterangan.into_iter().filter(|k| !k.is_empty()).collect(),
        kolom: KOLOM.map(String::from).to_vec(),
        lebar: vec![
            24.0, 18.0, 12.0, 30.0, 12.0, 26.0, 28.0, 17.0, 26.0, 32.0, 24.0,
        ],
        baris: rows.iter().map(|r| cells(r)).collect(),
        kertas: crate::pdf::Kertas::A4,
    }
}

impl ArchivePanel {
    pub fn drafts(&self) -> ArchiveDrafts {
        ArchiveDrafts {
            form: self.form.clone(),
            base: self.base.clone(),
            cari: self.cari.clone(),
        }
    }

    /// Takes up remembered input; over an entry changed since (a restore,
    /// another route) it waits for the user's choice.
    pub fn restore(&mut self, d: ArchiveDrafts, view: &ViewData) {
        self.form = d.form;
        self.base = d.base;
        self.cari = d.cari;
        if let Some(id) = self.form.as_ref().and_then(|f| f.id) {
            self.base.check(stored_entry(view, id).as_ref());
        }
    }

    pub fn on_replies(&mut self, replies: &[(Form, Reply)]) {
        for (form, r) in replies {
            if *form == Form::Verify {
                self.kode_hasil = Some(match r {
                    Reply::Ok { message, .. } => (true, message.clone()),
                    Reply::Err(e) => (false, e.clone()),
                });
            }
            if *form != Form::Archive {
                continue;
            }
            match r {
                Reply::Ok { .. } => self.form = None,
                Reply::Err(e) => {
                    if let Some(f) = self.form.as_mut() {
                        f.error = Some(e.clone());
                    }
                }
            }
        }
    }

    /// The entries passing the filters.
    fn shown<'a>(&self, view: &'a ViewData) -> Vec<&'a ArchiveRow> {
        let cari = self.cari.trim().to_lowercase();
        view.archive
            .iter()
            .filter(|r| self.tahun.is_none_or(|t| r.tahun == t))
            .filter(|r| self.unit.is_none_or(|u| r.unit_id == u))
            .filter(|r| {
                cari.is_empty()
                    || [
                        &r.entry.nomor_agenda,
                        &r.unit,
                        &r.nomor_pk,
                        &r.lokasi(),
                        &r.entry.diserahkan_kepada,
                        &r.entry.keterangan,
                    ]
                    .iter()
                    .any(|s| s.to_lowercase().contains(&cari))
            })
            .collect()
    }

    fn daftar(&self, view: &ViewData, rows: &[&ArchiveRow]) -> crate::formats::table::Daftar {
        let mut filter = vec![match self.tahun {
            Some(t) => format!("Perjanjian Kinerja tahun {t}"),
            None => "Semua tahun".into(),
        }];
        if let Some(u) = self
            .unit
            .and_then(|u| view.units.iter().find(|n| n.unit.id == u))
        {
            filter.push(format!("Unit kerja: {}", u.unit.nama));
        }
        if !self.cari.trim().is_empty() {
            filter.push(format!("Pencarian: {}", self.cari.trim()));
        }
        register_daftar(view, rows, filter)
    }

    pub fn show(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        heading(
            ui,
            "Arsip",
            "Register dokumen Perjanjian Kinerja yang telah ditandatangani: nomor agenda, tempat fisik, penyerahan dan salinan pindaian.",
        );
        self.form_window(ui.ctx(), view, out);
        self.unregistered(ui, view);
        let rows = self.shown(view);
        self.toolbar(ui, view, &rows, out);
        scan_report(ui, view);
        self.verify_row(ui, out);
        ui.add_space(4.0);
        if view.archive.is_empty() {
            ui.label("Register masih kosong. Dokumen didaftarkan setelah ditandatangani.");
            return;
        }
        ui.label(format!("{} dari {} entri", rows.len(), view.archive.len()));
        self.table(ui, view, &rows, out);
    }

    /// "Kode verifikasi" and "Periksa kode": which signed version a code
    /// printed on paper names, and whether the database still holds it.
    fn verify_row(&mut self, ui: &mut egui::Ui, out: &mut Outbox) {
        ui.horizontal(|ui| {
            let l = ui.label("Kode verifikasi");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.kode)
                        .desired_width(130.0)
                        .hint_text("7K3QM-2XW9P"),
                )
                .labelled_by(l.id);
            if r.changed() {
                self.kode_hasil = None;
            }
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Periksa kode").clicked() || enter) && !self.kode.trim().is_empty() {
                let kode = self.kode.clone();
                out.send(Form::Verify, ArchiveCmd::Verify { kode });
            }
        });
        if let Some((cocok, teks)) = &self.kode_hasil {
            let warna = if *cocok {
                egui::Color32::from_rgb(21, 128, 61)
            } else {
                super::widgets::MERAH
            };
            ui.add(egui::Label::new(RichText::new(teks).color(warna)).wrap());
        }
    }

    /// The signed versions not yet in the register, each with "Daftarkan".
    fn unregistered(&mut self, ui: &mut egui::Ui, view: &ViewData) {
        if view.unregistered.is_empty() {
            return;
        }
        ui.label(
            RichText::new(format!(
                "Sudah ditandatangani, belum terdaftar di arsip ({})",
                view.unregistered.len()
            ))
            .strong()
            .color(AMBAR),
        );
        for u in &view.unregistered {
            ui.horizontal(|ui| {
                ui.label(format!("{} — versi {} ({})", u.unit, u.versi, u.tahun));
                if ui
                    .button("Daftarkan")
                    .on_hover_text("Catat nomor agenda, tempat fisik dan pindaiannya")
                    .clicked()
                {
                    self.base.set(None);
                    self.form = Some(ArsipForm {
                        id: None,
                        version_id: u.version_id,
                        judul: format!("{} — versi {} ({})", u.unit, u.versi, u.tahun),
                        nomor: next_agenda(view, u.tahun),
                        tanggal: view.today.map(fmt::tanggal_isian).unwrap_or_default(),
                        rangkap: view.office.rangkap_cetak.to_string(),
                        ..Default::default()
                    });
                }
            });
        }
        ui.add_space(8.0);
    }

    /// The year, unit and search filters, "Periksa berkas" and the exports of the register.
    fn toolbar(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewData,
        rows: &[&ArchiveRow],
        out: &mut Outbox,
    ) {
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Tahun");
            let mut years: Vec<i32> = view.archive.iter().map(|r| r.tahun).collect();
            years.sort_unstable();
            years.dedup();
            egui::ComboBox::from_id_salt("arsip_tahun")
                .selected_text(self.tahun.map_or("Semua tahun".into(), |t| t.to_string()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.tahun, None, "Semua tahun");
                    for y in years {
                        ui.selectable_value(&mut self.tahun, Some(y), y.to_string());
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Unit");
            let mut units: Vec<(UnitId, &str)> = view
                .archive
                .iter()
                .map(|r| (r.unit_id, r.unit.as_str()))
                .collect();
            units.sort_unstable();
            units.dedup();
            let unit_name = |id: Option<UnitId>| {
                id.and_then(|id| units.iter().find(|u| u.0 == id))
                    .map_or("Semua unit".to_string(), |u| u.1.to_string())
            };
            egui::ComboBox::from_id_salt("arsip_unit")
                .selected_text(unit_name(self.unit))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.unit, None, "Semua unit");
                    for (id, nama) in &units {
                        ui.selectable_value(&mut self.unit, Some(*id), *nama);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Cari");
            ui.add(
                egui::TextEdit::singleline(&mut self.cari)
                    .hint_text("nomor, unit, tempat…")
                    .desired_width(200.0),
            )
            .labelled_by(l.id);
            ui.separator();
            if ui
                .button("Periksa berkas")
                .on_hover_text(
                    "Baca ulang setiap pindaian dan cocokkan dengan hash SHA-256 yang tercatat",
                )
                .clicked()
            {
                out.send(Form::ArchiveTools, ArchiveCmd::CheckScans);
            }
            let exports = [
                (
                    "Ekspor PDF…",
                    "buku register arsip sebagai PDF",
                    ListFormat::Pdf,
                ),
                (
                    "Ekspor Excel…",
                    "register arsip sebagai lembar kerja Excel",
                    ListFormat::Xlsx,
                ),
            ];
            for (button, what, format) in exports {
                if ui.button(button).clicked() {
                    let (filter, ext) = match format {
                        ListFormat::Pdf => ("Dokumen PDF", "pdf"),
                        ListFormat::Xlsx => ("Lembar kerja Excel", "xlsx"),
                    };
                    let title = format!("Simpan {what}");
                    let d = FileDialog::save(&title, format!("Register-Arsip-PK.{ext}"));
                    let list = Box::new(self.daftar(view, rows));
                    choose(d.filter(filter, &[ext]), out, move |path| {
                        let cmd = ArchiveCmd::ExportList { list, path, format };
                        (Form::ArchiveTools, cmd.into())
                    });
                }
            }
        });
    }

    fn table(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewData,
        rows: &[&ArchiveRow],
        out: &mut Outbox,
    ) {
        let state = |r: &ArchiveRow| {
            view.scan_check
                .as_ref()
                .and_then(|(_, f)| f.iter().find(|c| c.entry_id == r.id))
                .map(|c| c.state.clone())
        };
        let widths = [80.0, 110.0, 200.0, 45.0, 170.0, 65.0, 150.0, 120.0, 60.0];
        egui::ScrollArea::horizontal()
            .id_salt("arsip_h")
            .show(ui, |ui| {
                let mut t = TableBuilder::new(ui)
                    .id_salt("arsip_tabel")
                    .striped(true)
                    .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
                for w in widths {
                    t = t.column(fixed(w));
                }
                t.header(22.0, |mut h| {
                    for k in [
                        "No. Agenda",
                        "Tanggal",
                        "Unit Kerja",
                        "Versi",
                        "Lokasi Fisik",
                        "Rangkap",
                        "Diserahkan kepada",
                        "Pindaian",
                        "",
                    ] {
                        h.col(|ui| {
                            ui.strong(k);
                        });
                    }
                })
                .body(|body| {
                    body.rows(26.0, rows.len(), |mut row| {
                        let r = rows[row.index()];
                        let e = &r.entry;
                        for text in [
                            e.nomor_agenda.clone(),
                            fmt::tanggal(e.tanggal),
                            format!("{} ({})", r.unit, r.tahun),
                            r.versi.to_string(),
                            r.lokasi(),
                            e.rangkap.to_string(),
                            e.diserahkan_kepada.clone(),
                        ] {
                            row.col(|ui| {
                                ui.label(text);
                            });
                        }
                        row.col(|ui| match (&r.scan, state(r)) {
                            (None, _) => {
                                ui.label(RichText::new("Belum ada").weak());
                            }
                            (Some(s), Some(st)) if !st.ok() => {
                                ui.colored_label(
                                    Color32::from_rgb(185, 28, 28),
                                    match st {
                                        ScanState::Hilang => "HILANG",
                                        ScanState::Berubah { .. } => "BERUBAH",
                                        _ => "TIDAK TERBACA",
                                    },
                                )
                                .on_hover_text(format!(
                                    "{} — {}",
                                    s.nama,
                                    st.label()
                                ));
                            }
                            (Some(s), _) => {
                                if ui
                                    .link(format!("Buka ({})", fmt::ukuran(s.bytes.max(0) as u64)))
                                    .on_hover_text(format!("{}\nSHA-256 {}", s.nama, s.sha256))
                                    .clicked()
                                {
                                    out.send(Form::ArchiveTools, ArchiveCmd::OpenScan { id: r.id });
                                }
                            }
                        });
                        row.col(|ui| {
                            if ui
                                .button("Ubah")
                                .on_hover_text(format!(
                                    "Ubah entri nomor agenda {}",
                                    e.nomor_agenda
                                ))
                                .clicked()
                            {
                                self.form = Some(ArsipForm::of(r));
                                self.base.set(self.form.clone());
                            }
                        });
                    });
                });
            });
    }

    fn form_window(&mut self, ctx: &egui::Context, view: &ViewData, out: &mut Outbox) {
        let Some(f) = self.form.as_mut() else { return };
        let before = ArsipForm {
            error: None,
            ..f.clone()
        };
        let stored = f.id.and_then(|id| stored_entry(view, id));
        let gone = stored.is_none();
        let mut close = false;
        let title = if f.id.is_some() {
            "Ubah entri arsip"
        } else {
            "Daftarkan di arsip"
        };
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.set_width(560.0);
                let as_new = |f: &mut ArsipForm| f.id = None;
                if self.base.conflict_bar(ui, f, stored, as_new) == Some(Choice::Stored) && gone {
                    close = true;
                }
                ui.label(RichText::new(&f.judul).strong());
                ui.add_space(4.0);
                let c = f.check();
                egui::Grid::new("arsip_form")
                    .num_columns(2)
                    .spacing([8.0, 4.0])
                    .min_col_width(140.0)
                    .show(ui, |ui| {
                        text_field(ui, "Nomor agenda", &mut f.nomor);
                        let e = c.tanggal.as_deref();
                        checked_field(ui, "Tanggal (hh-bb-tttt)", &mut f.tanggal, e);
                        checked_field(ui, "Jumlah rangkap", &mut f.rangkap, c.rangkap.as_deref());
                        text_field(ui, "Lemari", &mut f.lemari);
                        text_field(ui, "Rak", &mut f.rak);
                        text_field(ui, "Boks", &mut f.boks);
                        text_field(ui, "Map", &mut f.map);
                        text_field(ui, "Diserahkan kepada", &mut f.serah_kepada);
                        let e = c.tanggal_serah.as_deref();
                        checked_field(ui, "Tanggal serah (hh-bb-tttt)", &mut f.tanggal_serah, e);
                        text_field(ui, "Keterangan", &mut f.keterangan);
                        let l = ui.label(if f.id.is_some() {
                            "Ganti pindaian (PDF/JPG/PNG)"
                        } else {
                            "Berkas pindaian (PDF/JPG/PNG)"
                        });
                        ui.horizontal(|ui| {
                            ui.add(
                                egui::TextEdit::singleline(&mut f.scan)
                                    .id_salt("arsip_scan")
                                    .desired_width(300.0)
                                    .hint_text("boleh dilampirkan nanti"),
                            )
                            .labelled_by(l.id);
                            // Without a system dialog the path is typed in
                            // the field itself (the button says so).
                            if !system_dialog_available() {
                                ui.label(RichText::new("ketik lokasi berkasnya").weak());
                            } else if ui.button("Pilih berkas…").clicked()
                                && let Some(p) = rfd::FileDialog::new()
                                    .set_title("Pilih pindaian PK yang telah ditandatangani")
                                    .add_filter(
                                        "Pindaian (PDF, JPG, PNG)",
                                        &["pdf", "jpg", "jpeg", "png"],
                                    )
                                    .pick_file()
                            {
                                f.scan = p.display().to_string();
                            }
                        });
                        ui.end_row();
                    });
                if let Some(e) = &f.error {
                    inline_error(ui, e);
                }
                ui.horizontal(|ui| {
                    if ui.button("Simpan").clicked() {
                        match f.entry() {
                            Err(e) => f.error = Some(e),
                            Ok((entry, scan)) => {
                                f.error = None;
                                let cmd = match f.id {
                                    Some(id) => ArchiveCmd::Update {
                                        id,
                                        entry: Box::new(entry),
                                        scan,
                                    },
                                    None => ArchiveCmd::Register {
                                        entry: Box::new(entry),
                                        scan,
                                    },
                                };
                                out.send(Form::Archive, cmd);
                            }
                        }
                    }
                    if ui.button("Batal").clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.form = None;
        } else if let Some(f) = self.form.as_mut() {
            // An error belongs to the input that caused it: editing clears it.
            let error = f.error.take();
            if *f == before {
                f.error = error;
            }
        }
    }
}

/// The result of the last "Periksa berkas": all scans intact, or the bad ones.
fn scan_report(ui: &mut egui::Ui, view: &ViewData) {
    let Some((at, found)) = &view.scan_check else {
        return;
    };
    let bad: Vec<_> = found.iter().filter(|c| !c.state.ok()).collect();
    if bad.is_empty() {
        ui.colored_label(
            Color32::from_rgb(21, 128, 61),
            format!(
                "Periksa berkas {}: {} pindaian utuh",
                fmt::tanggal_jam(*at),
                found.len()
            ),
        );
    } else {
        for c in bad {
            ui.colored_label(
                Color32::from_rgb(185, 28, 28),
                format!(
                    "Periksa berkas {}: nomor agenda {} ({}) — {}",
                    fmt::tanggal_jam(*at),
                    c.nomor_agenda,
                    c.unit,
                    c.state.label()
                ),
            );
        }
    }
}
