//! Beranda: the year at a glance, from what exists so far — the PK deadline,
//! the agreements by status, the cycles and the tasks that are late.

use crate::app::{OfficeCmd, SetupStep, ViewData, setup_steps};
use crate::model::workflow::TaskStatus;
use chrono::Months;
use egui::RichText;

use super::widgets::{chip, heading};
use super::{Form, Outbox};
use crate::fmt;
use crate::model::agreement::Status;
use crate::ui::panels::widgets::AMBAR;

/// Beranda; returns the setup step whose button was clicked.
pub fn show(ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) -> Option<SetupStep> {
    heading(ui, &format!("Beranda — Tahun {year}"), "");
    let mut go = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        // Until the year has agreements: the setup in its order.
        if view.agreements.is_empty() {
            go = setup_guide(ui, view, year, out);
            ui.add_space(10.0);
        }
        // The PK deadline: one month after the DPA date.
        let today = view.today;
        match view.renja_years.iter().find(|r| r.tahun == year).and_then(|r| r.tanggal_dpa) {
            Some(dpa) => {
                let deadline = dpa.checked_add_months(Months::new(1)).unwrap_or(dpa);
                let sisa = today.map(|t| (deadline - t).num_days()).unwrap_or(0);
                let keadaan = match sisa {
                    s if s > 0 => format!("{s} hari lagi"),
                    0 => "hari ini".to_string(),
                    s => format!("sudah lewat {} hari", -s),
                };
                ui.label(
                    RichText::new(format!(
                        "Batas penetapan Perjanjian Kinerja {year}: {} ({keadaan}) — satu bulan setelah DPA disahkan {}",
                        fmt::tanggal(deadline),
                        fmt::tanggal(dpa)
                    ))
                    .strong(),
                );
            }
            None => {
                ui.label(format!(
                    "Tanggal pengesahan DPA {year} belum dicatat di Renja; batas penetapan PK dihitung satu bulan sesudahnya."
                ));
            }
        }
        if let Some(w) = view.holidays_missing() {
            ui.add(
                egui::Label::new(RichText::new(w).color(AMBAR))
                    .wrap(),
            );
        }
        ui.add_space(10.0);

        ui.label(RichText::new("Perjanjian Kinerja").strong());
        if view.agreements.is_empty() {
            ui.label(format!("Belum ada Perjanjian Kinerja untuk tahun {year}."));
        } else {
            ui.horizontal_wrapped(|ui| {
                for status in Status::ALL {
                    let n = view.agreements.iter().filter(|a| a.status == status).count();
                    ui.label(format!("{}: {n}", status.label()));
                    ui.separator();
                }
                ui.label(format!("Jumlah: {}", view.agreements.len()));
            });
        }
        if !view.unregistered.is_empty() {
            ui.add_space(10.0);
            ui.label(
                RichText::new(format!(
                    "Pengingat: {} Perjanjian Kinerja sudah ditandatangani tetapi belum terdaftar di arsip",
                    view.unregistered.len()
                ))
                .strong()
                .color(AMBAR),
            );
            for u in &view.unregistered {
                let sejak = u
                    .signed_at
                    .as_deref()
                    .and_then(|t| crate::store::parse_time(t).ok())
                    .zip(view.kal.as_ref())
                    .map(|(t, k)| format!(", ditandatangani {}", fmt::tanggal(k.ke_lokal(t).date())))
                    .unwrap_or_default();
                ui.label(format!("• {} — versi {} ({}){sejak}", u.unit, u.versi, u.tahun));
            }
            ui.label(RichText::new("Daftarkan di menu Arsip: nomor agenda, tempat fisik dan pindaiannya.").weak());
        }
        ui.add_space(10.0);

        let late: Vec<_> = view.tasks.iter().filter(|t| t.status == TaskStatus::Lewat).collect();
        ui.label(RichText::new(format!("Tugas lewat batas ({})", late.len())).strong());
        if late.is_empty() {
            ui.label("Tidak ada tugas yang lewat batas waktu baku.");
        }
        for t in late {
            ui.horizontal_wrapped(|ui| {
                chip(ui, TaskStatus::Lewat.label(), egui::Color32::from_rgb(185, 28, 28));
                ui.label(format!(
                    "{} — Langkah {}{}: {} ({}; batas {})",
                    t.cycle,
                    t.step_no,
                    t.unit.as_deref().map(|u| format!(", {u}")).unwrap_or_default(),
                    t.kegiatan,
                    t.vonis,
                    fmt::tanggal_jam(t.batas)
                ));
            });
        }
        ui.add_space(10.0);

        timeliness_chart(ui, view);
        ui.add_space(10.0);

        ui.label(RichText::new("Siklus").strong());
        if view.cycles.is_empty() {
            ui.label("Belum ada siklus SOP yang dijalankan.");
        }
        for c in &view.cycles {
            ui.label(RichText::new(format!("{} ({})", c.nama, c.template)));
            if c.selesai {
                ui.label(RichText::new("    Selesai").weak());
            }
            for line in &c.current {
                ui.add(egui::Label::new(format!("    {line}")).wrap());
            }
        }
    });
    go
}

/// The steps of a new office's setup, each with what is done and a button
/// to where it is done; and the demo office to look around first.
fn setup_guide(
    ui: &mut egui::Ui,
    view: &ViewData,
    year: i32,
    out: &mut Outbox,
) -> Option<SetupStep> {
    let steps = setup_steps(view, year);
    let done = steps.iter().filter(|s| s.done).count();
    ui.label(
        RichText::new(format!(
            "Langkah persiapan ({done} dari {} selesai)",
            steps.len()
        ))
        .strong(),
    );
    ui.label(
        RichText::new(
            "Isi berurutan: setiap langkah memakai data langkah sebelumnya. \
             Perjanjian Kinerja disusun dari Renstra dan Renja, lalu dijalankan menurut SOP.",
        )
        .weak(),
    );
    let mut go = None;
    // The button before the explanation: it stays in reach on a narrow
    // window, where the explanation is cut (and shown whole on hover).
    egui::Grid::new("langkah_persiapan")
        .num_columns(5)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for (i, s) in steps.iter().enumerate() {
                let (tanda, warna) = if s.done {
                    ("Selesai", egui::Color32::from_rgb(21, 128, 61))
                } else {
                    ("Belum", AMBAR)
                };
                ui.label(format!("{}.", i + 1));
                chip(ui, tanda, warna);
                ui.label(RichText::new(&s.judul).strong());
                if ui.button(format!("Buka {}", s.step.tempat())).clicked() {
                    go = Some(s.step);
                }
                ui.add(egui::Label::new(RichText::new(&s.keterangan).weak()).truncate());
                ui.end_row();
            }
        });
    if done < 3 {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label("Ingin melihat contoh lengkap lebih dulu?");
            if ui
                .button("Lihat contoh dulu")
                .on_hover_text(
                    "Membuka kantor contoh (contoh.db) di jendela baru; data kantor Anda tidak berubah",
                )
                .clicked()
            {
                out.send(Form::Instansi, OfficeCmd::OpenDemo);
            }
        });
    }
    go
}

/// Where the SOP loses time: per step, the share of finished visits that
/// were late (bar) and the average overrun (hover and table).
fn timeliness_chart(ui: &mut egui::Ui, view: &ViewData) {
    use egui_plot::{Bar, BarChart, Plot};
    ui.label(RichText::new("Ketepatan waktu per langkah SOP (semua siklus)").strong());
    let rows: Vec<_> = view.timeliness.iter().filter(|t| t.visits > 0).collect();
    if rows.is_empty() {
        ui.label("Belum ada langkah yang selesai dikerjakan.");
        return;
    }
    let menit_hari = view
        .kal
        .as_ref()
        .map_or(crate::model::worktime::MENIT_HARI_BAWAAN, |k| {
            k.standard_day_minutes()
        });
    let durasi =
        |m: i64| crate::model::worktime::fmt_durasi(chrono::Duration::minutes(m), menit_hari);
    // One bar chart per template (its own colour, named in the legend);
    // the x axis reads the step numbers.
    let palette = [
        egui::Color32::from_rgb(37, 99, 235),
        egui::Color32::from_rgb(217, 119, 6),
        egui::Color32::from_rgb(124, 58, 237),
        egui::Color32::from_rgb(15, 118, 110),
    ];
    let mut templates: Vec<&str> = rows.iter().map(|t| t.template.as_str()).collect();
    templates.dedup();
    let charts: Vec<BarChart> = templates
        .iter()
        .enumerate()
        .map(|(k, kode)| {
            let bars = rows
                .iter()
                .enumerate()
                .filter(|(_, t)| t.template == *kode)
                .map(|(i, t)| {
                    let share = 100.0 * t.late as f64 / t.visits as f64;
                    Bar::new(i as f64, share).width(0.7).name(format!(
                        "Langkah {} — {}\n{} dari {} kunjungan terlambat{}",
                        t.step_no,
                        t.kegiatan,
                        t.late,
                        t.visits,
                        if t.late > 0 {
                            format!(", rata-rata {}", durasi(t.avg_late_minutes))
                        } else {
                            String::new()
                        }
                    ))
                })
                .collect();
            BarChart::new(kode.to_string(), bars).color(palette[k % palette.len()])
        })
        .collect();
    let labels: Vec<String> = rows.iter().map(|t| t.step_no.clone()).collect();
    Plot::new("ketepatan_langkah")
        .height(220.0)
        .legend(egui_plot::Legend::default())
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .include_y(0.0)
        .include_y(100.0)
        .y_axis_label("% terlambat")
        .x_axis_label("Langkah")
        .x_axis_formatter(move |m, _| {
            let i = m.value.round();
            if (m.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |p| {
            for c in charts {
                p.bar_chart(c);
            }
        });
    egui::Grid::new("ketepatan_tabel")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            // The numbers first: a long kegiatan must not push them out of view.
            for h in [
                "Terlambat",
                "Kunjungan selesai",
                "Rata-rata keterlambatan",
                "Langkah",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for t in &rows {
                ui.label(t.late.to_string());
                ui.label(t.visits.to_string());
                ui.label(if t.late > 0 {
                    durasi(t.avg_late_minutes)
                } else {
                    "—".to_string()
                });
                ui.label(format!("{} · {} — {}", t.template, t.step_no, t.kegiatan));
                ui.end_row();
            }
        });
}
