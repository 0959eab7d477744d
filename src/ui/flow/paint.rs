//! Paints a [`FlowLayout`] with egui's painter and handles zoom, pan and
//! hover. All geometry comes from [`layout_with`]; this module measures text
//! with egui's fonts (so that rows are tall enough for the real glyphs) and
//! draws.
//!
//! Zoom `z` lays the sheet out at `z ×` the viewport's width with every
//! length and font multiplied by `z`: at zoom 1 the sheet fills the width
//! (down to its minimum width, then it scrolls horizontally). Controls:
//! Ctrl + scroll (anchored at the pointer), the buttons "Perkecil",
//! "Perbesar" and "Pas di layar" (the whole width in view, back to the top); pan by dragging
//! or scrolling.

use crate::model::sop::SopTemplate;
use egui::epaint::{CornerRadius, StrokeKind};
use egui::text::LayoutJob;
use egui::{
    Color32, FontId, Pos2, Rect, ScrollArea, Sense, Stroke, Ui, Vec2, pos2,
    scroll_area::ScrollSource, vec2,
};

use super::layout::{ArrowKind, FlowLayout, Node, Shape, TextRole, layout_with};
use crate::app::view::StepVisit;
use crate::model::workflow::StepState;
use crate::ui::panels::widgets::AMBAR;

/// Smallest and largest zoom.
pub const ZOOM_MIN: f32 = 0.5;
pub const ZOOM_MAX: f32 = 3.0;
/// Factor of one "Perkecil"/"Perbesar" click.
pub const ZOOM_STEP: f32 = 1.25;
/// Visits shown in a step's hover: the latest three keep it within a
/// 1366×768 screen (every visit is in the cycle's Riwayat tab).
const MAX_VISITS_SHOWN: usize = 3;

const HIJAU: Color32 = Color32::from_rgb(0x66, 0xbb, 0x6a);
const HIJAU_TUA: Color32 = Color32::from_rgb(0x1b, 0x5e, 0x20);
const MERAH: Color32 = Color32::from_rgb(0xef, 0x53, 0x50);
const MERAH_TUA: Color32 = Color32::from_rgb(0xb7, 0x1c, 0x1c);
const MERAH_MUDA: Color32 = Color32::from_rgb(0xff, 0xcd, 0xd2);
const BIRU: Color32 = Color32::from_rgb(0x15, 0x65, 0xc0);
const BIRU_MUDA: Color32 = Color32::from_rgb(0xbb, 0xde, 0xfb);
const ABU: Color32 = Color32::from_rgb(0x9e, 0x9e, 0x9e);
const JINGGA_TOLAK: Color32 = Color32::from_rgb(0xd8, 0x43, 0x15);

/// The flowchart view: keeps zoom and scroll position between frames.
#[derive(Clone, Debug)]
pub struct FlowView {
    zoom: f32,
    /// Scroll offset (content coordinates of the viewport's top left).
    pan: Vec2,
    /// Offset to apply on the next frame (after a zoom or "Pas di layar").
    pending_offset: Option<Vec2>,
    /// The viewport of the last frame, in content coordinates.
    last_view: Rect,
    /// The rows of the last frame, in screen coordinates.
    last_rows: Vec<Rect>,
    /// The zoom follows the panel: the whole width of the sheet fits (zoom
    /// 1 when it does at full size). Off once the user zooms by hand; "Pas
    /// di layar" turns it on again.
    auto_fit: bool,
}

impl Default for FlowView {
    fn default() -> Self {
        FlowView {
            zoom: 1.0,
            pan: Vec2::ZERO,
            pending_offset: None,
            last_view: Rect::ZERO,
            last_rows: Vec::new(),
            auto_fit: true,
        }
    }
}

/// How a node is coloured.
struct NodeStyle {
    fill: Color32,
    stroke: Stroke,
    note: Color32,
}

fn node_style(state: &StepState, s: f32, ui: &Ui) -> NodeStyle {
    let v = ui.visuals();
    match state {
        StepState::Future => NodeStyle {
            fill: v.extreme_bg_color,
            stroke: Stroke::new(1.5 * s, ABU),
            note: v.weak_text_color(),
        },
        StepState::Current { late, .. } => NodeStyle {
            fill: if *late { MERAH_MUDA } else { BIRU_MUDA },
            stroke: Stroke::new((3.0 * s).max(2.0), if *late { MERAH_TUA } else { BIRU }),
            note: if *late { MERAH_TUA } else { BIRU },
        },
        StepState::Done { late: false, .. } => NodeStyle {
            fill: HIJAU,
            stroke: Stroke::new(1.5 * s, HIJAU_TUA),
            note: if v.dark_mode { HIJAU } else { HIJAU_TUA },
        },
        StepState::Done { late: true, .. } => NodeStyle {
            fill: MERAH,
            stroke: Stroke::new(1.5 * s, MERAH_TUA),
            note: if v.dark_mode { MERAH } else { MERAH_TUA },
        },
    }
}

impl FlowView {
    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// Scroll offset of the last frame.
    pub fn pan(&self) -> Vec2 {
        self.pan
    }

    /// Where the row of `step` was drawn in the last frame (screen
    /// coordinates; possibly outside the visible viewport).
    pub fn row_on_screen(&self, step: usize) -> Option<Rect> {
        self.last_rows.get(step).copied()
    }

    /// Sets the zoom keeping the content point under `anchor` (relative to
    /// the viewport's top left; default its centre) in place.
    fn set_zoom(&mut self, zoom: f32, anchor: Option<Vec2>) {
        let new = zoom.clamp(ZOOM_MIN, ZOOM_MAX);
        self.auto_fit = false;
        if (new - self.zoom).abs() < 1e-4 {
            return;
        }
        let anchor = anchor.unwrap_or(self.last_view.size() / 2.0);
        let content = self.last_view.min.to_vec2() + anchor;
        let r = new / self.zoom;
        let off = content * r - anchor;
        self.zoom = new;
        self.pending_offset = Some(vec2(off.x.max(0.0), off.y.max(0.0)));
    }

    /// "Pas di layar": the whole width of the sheet in view (zoom 1 when it
    /// fits at full size, else smaller), back to the top.
    pub fn fit(&mut self) {
        self.auto_fit = true;
        self.pending_offset = Some(Vec2::ZERO);
    }

    /// The zoom at which the sheet of `t` fits `width` (at most 1).
    pub fn fit_zoom(t: &SopTemplate, width: f32) -> f32 {
        let min = super::layout::min_width(t).max(1.0);
        (width / min).clamp(ZOOM_MIN, 1.0)
    }

    /// Draws the legend and zoom buttons, then the sheet of `t` coloured by
    /// `states` (one per step; missing ones count as future), with `visits`
    /// (one list per step) in the hover.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        t: &SopTemplate,
        states: &[StepState],
        visits: &[Vec<StepVisit>],
    ) {
        self.toolbar(ui);
        ui.add_space(4.0);

        let view_w = ui.available_width().max(1.0);
        if self.auto_fit {
            // Leave room for a vertical scroll bar.
            self.zoom = Self::fit_zoom(t, view_w - 16.0);
        }
        let zoom = self.zoom;
        let ctx = ui.ctx().clone();
        let measure = move |text: &str, size: f32, wrap: f32| -> Vec2 {
            ctx.fonts_mut(|f| {
                f.layout(
                    text.to_owned(),
                    FontId::proportional(size),
                    Color32::WHITE,
                    wrap,
                )
                .size()
            })
        };
        let lay = layout_with(
            t,
            states,
            vec2((view_w * zoom).floor(), ui.available_height()),
            zoom,
            &measure,
        );

        let mut area = ScrollArea::both()
            .id_salt("alur-sop")
            .auto_shrink([false, false])
            .scroll_source(ScrollSource::ALL);
        if let Some(off) = self.pending_offset.take() {
            area = area.scroll_offset(off);
        }
        let out = area.show_viewport(ui, |ui, viewport| {
            let (rect, resp) = ui.allocate_exact_size(lay.size, Sense::hover());
            let origin = rect.min.to_vec2();
            let hovered_row = resp.hover_pos().and_then(|p| lay.row_at(p - origin));
            self.last_rows = lay.rows.iter().map(|r| r.translate(origin)).collect();
            paint_sheet(ui, &lay, origin, hovered_row);

            // Ctrl + scroll zooms around the pointer.
            let zd = ui.input(|i| i.zoom_delta());
            if let Some(p) = resp.hover_pos()
                && (zd - 1.0).abs() > 1e-4
            {
                let anchor = p - (origin + viewport.min.to_vec2());
                self.last_view = viewport;
                self.set_zoom(self.zoom * zd, Some(anchor.to_vec2()));
                ui.ctx().request_repaint();
            }

            if let Some(i) = hovered_row {
                resp.on_hover_ui_at_pointer(|ui| {
                    hover_ui(ui, t, i, states.get(i), visits.get(i).map_or(&[], |v| v));
                });
            }
            viewport
        });
        self.last_view = out.inner;
        self.pan = out.state.clamped_offset();
    }

    fn toolbar(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            let items: [(&str, StepState); 4] = [
                (
                    "Tepat waktu",
                    StepState::Done {
                        late: false,
                        used_minutes: 0,
                        standard_minutes: 0,
                        units_done: 0,
                        units_total: 0,
                    },
                ),
                (
                    "Terlambat",
                    StepState::Done {
                        late: true,
                        used_minutes: 0,
                        standard_minutes: 0,
                        units_done: 0,
                        units_total: 0,
                    },
                ),
                (
                    "Sedang berjalan",
                    StepState::Current {
                        tanpa_libur: false,
                        persen: 0,
                        late: false,
                        units_done: 0,
                        units_total: 0,
                    },
                ),
                ("Belum", StepState::Future),
            ];
            for (label, state) in &items {
                let (r, _) = ui.allocate_exact_size(vec2(26.0, 14.0), Sense::hover());
                let st = node_style(state, 0.7, ui);
                ui.painter().rect(
                    r,
                    CornerRadius::same(3),
                    st.fill,
                    st.stroke,
                    StrokeKind::Inside,
                );
                ui.label(*label);
                ui.add_space(6.0);
            }
            let (r, _) = ui.allocate_exact_size(vec2(26.0, 14.0), Sense::hover());
            let stroke = Stroke::new(1.0, ABU);
            ui.painter()
                .rect_stroke(r, CornerRadius::same(3), stroke, StrokeKind::Inside);
            ui.painter().rect_stroke(
                r.shrink(3.0),
                CornerRadius::same(1),
                stroke,
                StrokeKind::Inside,
            );
            ui.label("Per unit");
            ui.separator();
            if ui.button("Perkecil").clicked() {
                self.set_zoom(self.zoom / ZOOM_STEP, None);
            }
            if ui.button("Perbesar").clicked() {
                self.set_zoom(self.zoom * ZOOM_STEP, None);
            }
            if ui.button("Pas di layar").clicked() {
                self.fit();
            }
            ui.label(format!("{:.0}%", self.zoom * 100.0))
                .on_hover_text("Ctrl + gulir untuk memperbesar/memperkecil; seret untuk menggeser");
        });
    }
}

/// Paints the whole sheet; `origin` maps content to screen coordinates.
fn paint_sheet(ui: &Ui, lay: &FlowLayout, origin: Vec2, hovered_row: Option<usize>) {
    let painter = ui.painter();
    let v = ui.visuals();
    let s = lay.scale;
    let tr = |r: Rect| r.translate(origin);
    let tp = |p: Pos2| p + origin;

    // Backgrounds: header, current rows, hovered row.
    painter.rect_filled(tr(lay.header), CornerRadius::ZERO, v.faint_bg_color);
    for n in &lay.nodes {
        if n.state.is_current() {
            painter.rect_filled(
                tr(lay.rows[n.step]),
                CornerRadius::ZERO,
                BIRU.gamma_multiply(0.12),
            );
        }
    }
    if let Some(i) = hovered_row {
        painter.rect_filled(
            tr(lay.rows[i]),
            CornerRadius::ZERO,
            v.widgets.hovered.weak_bg_fill.gamma_multiply(0.5),
        );
    }

    // Grid.
    let grid = Stroke::new(1.0, v.widgets.noninteractive.bg_stroke.color);
    let top = lay.header.top();
    let bottom = lay.size.y;
    let tier2 = lay
        .groups
        .first()
        .map_or(lay.header.bottom(), |g| g.1.bottom());
    // Column edges; those inside a group start below the group's cell.
    let mut edges: Vec<(f32, f32)> = vec![(0.0, top)];
    for (_, r) in &lay.columns {
        let inside = lay
            .groups
            .iter()
            .any(|(_, g)| r.right() > g.left() + 0.5 && r.right() < g.right() - 0.5);
        edges.push((r.right(), if inside { tier2 } else { top }));
    }
    for (x, y0) in edges {
        painter.line_segment([tp(pos2(x, y0)), tp(pos2(x, bottom))], grid);
    }
    painter.line_segment([tp(pos2(0.0, top)), tp(pos2(lay.size.x, top))], grid);
    for (_, g) in &lay.groups {
        painter.line_segment([tp(g.left_bottom()), tp(g.right_bottom())], grid);
    }
    painter.line_segment(
        [
            tp(pos2(0.0, lay.header.bottom())),
            tp(pos2(lay.size.x, lay.header.bottom())),
        ],
        Stroke::new(1.5, grid.color),
    );
    for r in &lay.rows {
        painter.line_segment([tp(r.left_bottom()), tp(r.right_bottom())], grid);
    }

    // Arrows under the symbols and labels.
    let fg = v.text_color();
    for a in &lay.arrows {
        let color = match a.kind {
            ArrowKind::Forward => fg,
            ArrowKind::Reject => JINGGA_TOLAK,
        };
        let pts: Vec<Pos2> = a.points.iter().map(|p| tp(*p)).collect();
        draw_arrow(painter, &pts, Stroke::new((1.5 * s).max(1.0), color), s);
    }

    // Symbols.
    for n in &lay.nodes {
        draw_node(painter, n, tr(n.rect), s, ui);
    }

    // Texts.
    for tb in &lay.texts {
        let state = tb.step.and_then(|i| lay.nodes.get(i)).map(|n| &n.state);
        let color = match tb.role {
            TextRole::Header => v.strong_text_color(),
            TextRole::Note => state.map_or(fg, |st| node_style(st, s, ui).note),
            TextRole::Label => {
                if tb.text == super::layout::LABEL_TIDAK {
                    JINGGA_TOLAK
                } else {
                    fg
                }
            }
            _ => fg,
        };
        if tb.role == TextRole::Label {
            painter.rect_filled(
                tr(tb.rect).expand(1.0 * s),
                CornerRadius::same(2),
                v.panel_fill,
            );
        }
        let mut job = LayoutJob::simple(
            tb.text.clone(),
            FontId::proportional(tb.font_size),
            color,
            tb.wrap,
        );
        job.halign = tb.align;
        let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
        painter.galley(tp(tb.anchor()), galley, color);
    }
}

/// A polyline ending in a filled arrow head.
fn draw_arrow(painter: &egui::Painter, pts: &[Pos2], stroke: Stroke, s: f32) {
    let [.., prev, tip] = pts else { return };
    let d = *tip - *prev;
    let len = d.length();
    if len < 0.01 {
        return;
    }
    let dir = d / len;
    let head = (7.0 * s).clamp(4.0, 20.0).min(len);
    let base = *tip - dir * head;
    let mut line: Vec<Pos2> = pts.to_vec();
    if let Some(last) = line.last_mut() {
        *last = base;
    }
    painter.line(line, stroke);
    let perp = vec2(-dir.y, dir.x) * head * 0.45;
    painter.add(egui::Shape::convex_polygon(
        vec![*tip, base + perp, base - perp],
        stroke.color,
        Stroke::NONE,
    ));
}

fn diamond(r: Rect) -> Vec<Pos2> {
    vec![
        r.center_top(),
        r.right_center(),
        r.center_bottom(),
        r.left_center(),
    ]
}

fn draw_node(painter: &egui::Painter, n: &Node, r: Rect, s: f32, ui: &Ui) {
    let st = node_style(&n.state, s, ui);
    let inner = Stroke::new((1.0 * s).max(0.75), st.stroke.color);
    match n.shape {
        Shape::Diamond => {
            // Inset by half the stroke so the outline stays inside the rect.
            let r2 = r.shrink(st.stroke.width / 2.0);
            painter.add(egui::Shape::convex_polygon(diamond(r2), st.fill, st.stroke));
            if n.per_unit {
                let r3 = Rect::from_center_size(r.center(), r.size() * 0.6);
                painter.add(egui::Shape::closed_line(diamond(r3), inner));
            }
        }
        Shape::Rect | Shape::Capsule => {
            let radius = if n.shape == Shape::Capsule {
                (r.height() / 2.0).min(255.0)
            } else {
                3.0 * s
            };
            painter.rect(
                r,
                CornerRadius::same(radius as u8),
                st.fill,
                st.stroke,
                StrokeKind::Inside,
            );
            if n.per_unit {
                let r3 = r.shrink(st.stroke.width + 2.5 * s);
                let radius3 = (radius - st.stroke.width - 2.5 * s).max(0.0);
                painter.rect_stroke(
                    r3,
                    CornerRadius::same(radius3 as u8),
                    inner,
                    StrokeKind::Inside,
                );
            }
        }
    }
}

/// The hover of step `i`: the step, then its visits (or "Belum dikerjakan").
fn hover_ui(
    ui: &mut Ui,
    t: &SopTemplate,
    i: usize,
    state: Option<&StepState>,
    visits: &[StepVisit],
) {
    let Some(l) = t.langkah.get(i) else { return };
    ui.set_max_width(420.0);
    ui.strong(format!("Langkah {}: {}", l.no, l.kegiatan));
    ui.label(format!("Pelaksana: {}", t.label_pelaksana(i)));
    ui.label(format!("Waktu standar: {}", l.waktu));
    if let Some(StepState::Current {
        units_done,
        units_total,
        ..
    }) = state
        && *units_total > 0
    {
        ui.label(format!("Unit selesai: {units_done} dari {units_total}"));
    }
    if let Some(StepState::Current {
        tanpa_libur: true, ..
    }) = state
    {
        ui.colored_label(
            AMBAR,
            "Batas waktunya jatuh pada tahun yang hari liburnya belum dicatat: dihitung dengan akhir pekan dan jam kerja saja.",
        );
    }
    ui.separator();
    if visits.is_empty() {
        ui.label("Belum dikerjakan");
        return;
    }
    let skip = visits.len().saturating_sub(MAX_VISITS_SHOWN);
    if skip > 0 {
        ui.weak(format!(
            "{} kunjungan terakhir dari {}; semuanya ada di tab Riwayat",
            MAX_VISITS_SHOWN,
            visits.len()
        ));
    }
    for (k, v) in visits.iter().enumerate().skip(skip) {
        let mut judul = format!("Kunjungan {}", k + 1);
        if let Some(u) = &v.unit {
            judul.push_str(&format!(" — {u}"));
        }
        ui.label(egui::RichText::new(judul).strong());
        egui::Grid::new(("kunjungan", i, k))
            .num_columns(2)
            .spacing([8.0, 2.0])
            .show(ui, |ui| {
                let row = |ui: &mut Ui, key: &str, val: egui::RichText| {
                    ui.weak(key);
                    ui.label(val);
                    ui.end_row();
                };
                row(ui, "Mulai", v.mulai.clone().into());
                row(
                    ui,
                    "Selesai",
                    v.selesai.clone().unwrap_or_else(|| "—".into()).into(),
                );
                row(
                    ui,
                    "Terpakai",
                    format!("{} (standar {})", v.terpakai, v.standar).into(),
                );
                let gelap = ui.visuals().dark_mode;
                let warna = match (v.late, v.selesai.is_none(), gelap) {
                    (true, _, false) => MERAH_TUA,
                    (true, _, true) => MERAH,
                    (false, true, false) => BIRU,
                    (false, true, true) => BIRU_MUDA,
                    (false, false, false) => HIJAU_TUA,
                    (false, false, true) => HIJAU,
                };
                row(ui, "Vonis", egui::RichText::new(&v.vonis).color(warna));
                row(ui, "Hasil", v.hasil.clone().into());
                if !v.alasan.is_empty() {
                    row(ui, "Alasan", v.alasan.clone().into());
                }
                if !v.catatan.is_empty() {
                    row(ui, "Catatan", v.catatan.clone().into());
                }
                if !v.pelaku.is_empty() {
                    row(ui, "Pelaku", v.pelaku.clone().into());
                }
            });
    }
}
